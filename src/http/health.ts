import type { DatabaseHandle } from "../db/database.ts";
import { probeWriteLock } from "../db/database.ts";
import { DatabaseVanishedError } from "../db/file-watch.ts";
import { errorCode } from "../error-text.ts";
import { outboxBacklog } from "../store/outbox-backlog.ts";

export type DatabaseState = "ok" | "gone" | "locked" | "unreachable";

export interface Health {
  database: DatabaseState;
  /** The last scheduler run that succeeded, ISO; null before the first one. */
  lastTick: string | null;
  /** Scheduled messages waiting to be sent; null when the database cannot say. */
  outboxBacklog: number | null;
}

export interface HealthSources {
  database: DatabaseHandle;
  lastTickAt(): Date | null;
}

/**
 * Can the bot store what it is sent? The file must still be the one opened (a deleted file takes
 * writes that vanish at the next start), and SQLite's write lock must be free within the bot's short
 * busy wait: BEGIN IMMEDIATE takes it and ROLLBACK gives it back, writing nothing.
 */
async function databaseState(database: DatabaseHandle): Promise<DatabaseState> {
  try {
    database.fileWatch.check();
    await probeWriteLock(database);
    return "ok";
  } catch (error) {
    if (error instanceof DatabaseVanishedError) return "gone";
    if (/^SQLITE_(BUSY|LOCKED)/.test(errorCode(error))) return "locked";
    return "unreachable";
  }
}

/** `GET /healthz`: healthy only when the database can take writes. */
export async function readHealth(sources: HealthSources): Promise<Health> {
  const database = await databaseState(sources.database);
  return {
    database,
    lastTick: sources.lastTickAt()?.toISOString() ?? null,
    outboxBacklog: database === "ok" ? await outboxBacklog(sources.database.db) : null,
  };
}
