import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

/** A database or an open transaction: store functions take either. */
export type Db = Kysely<Database> | Transaction<Database>;

export type DatabaseKind = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The SQLite file's absolute path (null for PostgreSQL or an in-memory database). */
  sqlitePath: string | null;
  close(): Promise<void>;
}

export function sqlitePathOf(url: string): string {
  const path = url.slice("sqlite:".length);
  if (path === "")
    throw new Error("DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/nhacviec.sqlite");
  return path === ":memory:" ? path : resolve(path);
}

export function openDatabase(url: string): DatabaseHandle {
  if (url.startsWith("sqlite:")) return openSqlite(sqlitePathOf(url));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", sqlitePath: null, close: () => db.destroy() };
}

function openSqlite(path: string): DatabaseHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const connection = new SQLite(path);
  // WAL lets the CLI read (and back up) while the bot writes; the busy timeout rides out short locks.
  connection.pragma("journal_mode = WAL");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
  connection.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    db,
    kind: "sqlite",
    sqlitePath: path === ":memory:" ? null : path,
    close: () => db.destroy(),
  };
}
