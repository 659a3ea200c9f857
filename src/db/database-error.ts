import { errorCode, errorLine } from "../error-text.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import type { DatabaseKind } from "./database.ts";

// Network failures reaching a PostgreSQL server (Node's system error codes).
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

// SQLite failures of the file or the disk rather than of a query: locked, full, I/O.
const SQLITE_ENVIRONMENT = /^SQLITE_(BUSY|FULL|IOERR|LOCKED)/;

export interface NamedDatabase {
  kind: DatabaseKind;
  /** A file path, or the URL with its password masked. */
  label: string;
}

/**
 * One line for the admin (from locales/) when the database itself failed: cannot be opened,
 * reached or written. Undefined for any other error (a query's own mistake is not the admin's).
 */
export function databaseProblemOf(
  error: unknown,
  { kind, label: database }: NamedDatabase,
): LocalizedError | undefined {
  if (error instanceof LocalizedError) return error;
  // A failed migration wraps the database's own error as its cause.
  const code = errorCode(error) || errorCode(error instanceof Error ? error.cause : undefined);
  // An AggregateError (every address of a host refused) has no text of its own, only a code.
  const problem = errorLine(error) || code;
  if (kind === "postgres") {
    // pg's connection timeouts and dropped connections carry no code, only their text.
    if (UNREACHABLE_CODES.has(code) || /timeout|connection terminated/i.test(problem)) {
      return new LocalizedError("db-unreachable", { database, problem });
    }
    // SQLSTATE classes 08 (connection), 28 (login), 3D (no such database), 57P (server shutting down).
    if (/^(08|28|3D|57P)/.test(code)) return new LocalizedError("db-failed", { database, problem });
    return undefined;
  }
  if (code.startsWith("SQLITE_READONLY") || code === "SQLITE_PERM") {
    return new LocalizedError("db-read-only", { database });
  }
  if (code.startsWith("SQLITE_CANTOPEN")) return new LocalizedError("db-cannot-open", { database, problem });
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new LocalizedError("db-not-database", { database });
  }
  if (SQLITE_ENVIRONMENT.test(code)) return new LocalizedError("db-failed", { database, problem });
  return undefined;
}

/** For opening and migrating, where any failure is the database's: one line naming it, always. */
export function databaseProblem(error: unknown, database: NamedDatabase): LocalizedError {
  return (
    databaseProblemOf(error, database) ??
    new LocalizedError("db-failed", { database: database.label, problem: errorLine(error) })
  );
}
