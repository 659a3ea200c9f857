import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type App, createApp } from "../../src/app.ts";
import { ManualClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { BOT_BUSY_TIMEOUT_MS } from "../../src/db/busy-retry.ts";
import type { DatabaseKind } from "../../src/db/database.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import { createLogger } from "../../src/logger.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { createInvite } from "../../src/services/linking.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import { createPostgresDatabase } from "./postgres-database.ts";

export interface TestApp extends App {
  clock: ManualClock;
  directory: string;
  /** The SQLite file ("" on PostgreSQL). */
  databasePath: string;
  /** DATABASE_URL for a CLI or a second instance on the same database. */
  databaseUrl: string;
  dispose(): Promise<void>;
}

export function tempDirectory(prefix = "nhacviec-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A real app on a real database with a clock the test moves: a SQLite file in a fresh temporary
 * folder, or (`database: "postgres"`) a fresh database of its own on the test run's PostgreSQL server.
 */
export async function createTestApp(
  options: {
    at?: string;
    env?: Record<string, string>;
    withBuiltinPlan?: boolean;
    database?: DatabaseKind;
  } = {},
): Promise<TestApp> {
  const directory = tempDirectory();
  const postgres = options.database === "postgres" ? await createPostgresDatabase() : null;
  const databasePath = postgres ? "" : join(directory, "nhacviec.sqlite");
  const databaseUrl = postgres ? postgres.url : `sqlite:${databasePath}`;
  const clock = new ManualClock(new Date(options.at ?? "2020-03-10T02:00:00Z"));
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", ...options.env });
  // As the bot runs: a short blocking wait for another process's lock, then waits between attempts.
  const app = await createApp(config, {
    clock,
    logger: createLogger("silent"),
    create: true,
    busyTimeoutMs: BOT_BUSY_TIMEOUT_MS,
  });
  if (options.withBuiltinPlan ?? true) {
    const read = await builtinCatalogue();
    await importPlan(app.database.db, read, { actor: "test", now: clock.now(), source: "builtin" });
  }
  return {
    ...app,
    clock,
    directory,
    databasePath,
    databaseUrl,
    dispose: async () => {
      await app.close();
      await postgres?.drop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A fresh one-time invite for an agency (null: a coordinator with none) and role, made by "test". */
export function inviteFor(
  app: Pick<App, "database" | "clock">,
  agency: string | null,
  role: Role = "official",
): ReturnType<typeof createInvite> {
  return createInvite(app.database.db, { agency, role, createdBy: "test", ttlDays: 7 }, app.clock.now());
}
