// vitest globalSetup: one PostgreSQL server for the whole run, shared by every worker; each test file
// makes databases of its own on it (test/support/postgres-database.ts). An operator's own server can
// stand in: TEST_DATABASE_URL_PG=postgres://user@host/maintenance-db.
import type { TestProject } from "vitest/node";
import { type PostgresServer, postgresBinaries, startPostgresServer } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The maintenance database's URL, or "" when no server could be found or started. */
    postgresUrl: string;
    /** Why there is no server, for the skip message. */
    postgresMissing: string;
  }
}

// Every vitest project runs this setup: the first starts the server, the others reuse it.
let shared: Promise<{ url: string; missing: string }> | undefined;
let server: PostgresServer | undefined;

async function findServer(): Promise<{ url: string; missing: string }> {
  const given = process.env.TEST_DATABASE_URL_PG;
  if (given) return { url: given, missing: "" };
  const binaries = postgresBinaries();
  const missing =
    "no PostgreSQL server binaries (initdb, pg_ctl) were found: install Debian's postgresql package or set TEST_DATABASE_URL_PG";
  if (binaries === null) {
    if (process.env.CI === "true") throw new Error(`CI: ${missing}`);
    return { url: "", missing };
  }
  try {
    server = await startPostgresServer(binaries);
  } catch (error) {
    const problem = `PostgreSQL's binaries in ${binaries} did not start a server: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env.CI === "true") throw new Error(`CI: ${problem}`);
    return { url: "", missing: problem };
  }
  return { url: server.url, missing: "" };
}

export async function setup(project: TestProject): Promise<void> {
  shared ??= findServer();
  const { url, missing } = await shared;
  project.provide("postgresUrl", url);
  project.provide("postgresMissing", missing);
}

export function teardown(): void {
  server?.stop();
  server = undefined;
}
