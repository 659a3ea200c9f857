// Databases of a test file's own on the run's PostgreSQL server (postgres-global-setup.ts), so that
// parallel workers never share one, and the choice of database for suites that run on both.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, inject } from "vitest";
import type { DatabaseKind } from "../../src/db/database.ts";

export const DATABASE_KINDS: readonly DatabaseKind[] = ["sqlite", "postgres"];

/** Why PostgreSQL tests skip here, or null when a server is there. */
export function postgresMissing(): string | null {
  return inject("postgresUrl") === "" ? inject("postgresMissing") : null;
}

/** `describe` once per database; the PostgreSQL one skips, saying why, when no server was found. */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) {
    const missing = kind === "postgres" ? postgresMissing() : null;
    if (missing === null) describe(`${title} [${kind}]`, () => body(kind));
    else describe.skip(`${title} [${kind}: skipped, ${missing}]`, () => body(kind));
  }
}

/** `describe` for a PostgreSQL-only scenario, skipped with the reason when no server was found. */
export function describePostgres(title: string, body: () => void): void {
  const missing = postgresMissing();
  if (missing === null) describe(title, body);
  else describe.skip(`${title} [skipped: ${missing}]`, body);
}

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh empty database on the test server; `drop` removes it even while connections remain. */
export async function createPostgresDatabase(): Promise<PostgresDatabase> {
  const name = `nhacviec_test_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`create database ${name}`));
  const url = new URL(inject("postgresUrl"));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onServer((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
