import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, sql, type Transaction } from "kysely";
import type pg from "pg";
import { errorCode, errorLine } from "../error-text.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import { databaseProblem } from "./database-error.ts";
import { maskedDatabaseUrl } from "./database-url.ts";
import { type FileWatch, NO_FILE_WATCH, watchFile } from "./file-watch.ts";
import { postgresTypes } from "./postgres-types.ts";
import type { Database } from "./schema.ts";
import { CachingSqliteDialect, type StatementMonitor } from "./sqlite-dialect.ts";
import { WalCheckpoints } from "./wal-checkpoints.ts";

/** A database or an open transaction: store functions take either. */
export type Db = Kysely<Database> | Transaction<Database>;

export type DatabaseKind = "sqlite" | "postgres";

/** Whether a query runs on PostgreSQL: for the few statements only it has (FOR UPDATE SKIP LOCKED). */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The SQLite file's absolute path (null for PostgreSQL or an in-memory database). */
  sqlitePath: string | null;
  /** How error lines name the database: the file's path, or the URL with its password masked. */
  label: string;
  /** Notices the SQLite file deleted or replaced under the running process. */
  fileWatch: FileWatch;
  /** SQLite: the statements run on the connection, counted and watched (null for PostgreSQL). */
  statements: StatementMonitor | null;
  /** SQLite on a file: checkpoints a large write hands to a worker thread (null otherwise). */
  walCheckpoints: WalCheckpoints | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create a missing SQLite file (and its folder); otherwise a missing file is an error. */
  create: boolean;
  /**
   * How long a statement waits, blocking the process, for another process's write lock. The bot
   * keeps it short and waits between attempts instead (busy-retry.ts); a CLI command may block.
   */
  busyTimeoutMs?: number;
}

const CLI_BUSY_TIMEOUT_MS = 5000;

// libpq's connect_timeout (seconds) in the URL, else this: an unreachable server never hangs a command.
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

export function sqlitePathOf(url: string): string {
  const path = url.slice("sqlite:".length);
  if (path === "")
    throw new Error("DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/nhacviec.sqlite");
  return path === ":memory:" ? path : resolve(path);
}

/** Opens the database; a problem (missing, unwritable, not a database) is one LocalizedError line. */
export function openDatabase(url: string, options: OpenOptions): DatabaseHandle {
  return url.startsWith("sqlite:") ? openSqlite(sqlitePathOf(url), options) : openPostgres(url);
}

function connectTimeoutMs(url: string): number {
  const seconds = URL.canParse(url) ? Number(new URL(url).searchParams.get("connect_timeout")) : 0;
  return (seconds > 0 ? seconds : DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000;
}

// pg is loaded only for a PostgreSQL URL (most installs run SQLite); require() keeps openDatabase synchronous.
const requirePackage = createRequire(import.meta.url);

function openPostgres(url: string): DatabaseHandle {
  const { Pool, types } = requirePackage("pg") as typeof pg;
  const pool = new Pool({
    connectionString: url,
    types: postgresTypes(types),
    max: 10,
    connectionTimeoutMillis: connectTimeoutMs(url),
  });
  // An idle connection's failure would otherwise crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    sqlitePath: null,
    label: maskedDatabaseUrl(url),
    fileWatch: NO_FILE_WATCH,
    statements: null,
    walCheckpoints: null,
    close: () => db.destroy(),
  };
}

function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new LocalizedError("db-folder-unusable", { folder, problem: errorCode(error) || errorLine(error) });
  }
}

/**
 * The commands that create a database go on to write it, the bot for as long as it runs: a read-only
 * file (permissions, a read-only mount) is found now, not at the first message. Rewriting the
 * header's user_version with its own value is a write that changes nothing.
 */
function proveWritable(connection: SQLite.Database): void {
  const version = Number(connection.pragma("user_version", { simple: true }));
  connection.pragma(`user_version = ${version}`);
}

function openSqlite(
  path: string,
  { create, busyTimeoutMs = CLI_BUSY_TIMEOUT_MS }: OpenOptions,
): DatabaseHandle {
  const inMemory = path === ":memory:";
  if (!inMemory) {
    if (create) makeFolder(dirname(path));
    else if (!existsSync(path)) throw new LocalizedError("db-missing", { database: path });
  }
  const handle = { kind: "sqlite", label: path } as const;
  let connection: SQLite.Database | undefined;
  try {
    connection = new SQLite(path, { fileMustExist: !create });
    // WAL lets the CLI read (and back up) while the bot writes.
    // WAL stays set in the file, so only the commands that create a database set it: the others
    // leave a file that is not (yet) a Nhắc Việc database untouched.
    if (create) connection.pragma("journal_mode = WAL");
    connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
    connection.pragma("foreign_keys = ON");
    connection.pragma("synchronous = NORMAL");
    if (create) proveWritable(connection);
  } catch (error) {
    connection?.close();
    throw databaseProblem(error, handle);
  }
  const dialect = new CachingSqliteDialect(connection);
  const db = new Kysely<Database>({ dialect });
  const walCheckpoints = inMemory ? null : new WalCheckpoints(path);
  return {
    ...handle,
    db,
    sqlitePath: inMemory ? null : path,
    fileWatch: inMemory ? NO_FILE_WATCH : watchFile(path),
    statements: dialect.monitor,
    walCheckpoints,
    close: async () => {
      await walCheckpoints?.close();
      await db.destroy();
    },
  };
}

/**
 * Proves the database answers and, for SQLite, that its write lock can be taken within the busy wait:
 * BEGIN IMMEDIATE takes it and ROLLBACK gives it back, writing nothing. Throws the driver's error.
 */
export async function probeWriteLock(database: Pick<DatabaseHandle, "db" | "kind">): Promise<void> {
  await database.db.connection().execute(async (connection) => {
    if (database.kind === "postgres") {
      await sql`select 1`.execute(connection);
      return;
    }
    await sql`begin immediate`.execute(connection);
    await sql`rollback`.execute(connection);
  });
}
