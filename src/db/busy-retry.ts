import { type Kysely, Transaction } from "kysely";
import { errorCode } from "../error-text.ts";
import type { Db } from "./database.ts";
import type { Database } from "./schema.ts";

/**
 * Another process (the CLI, a second instance) holds SQLite's write lock. better-sqlite3 waits for
 * a lock synchronously, freezing every chat, so the connection's own busy timeout is short and the
 * waiting happens here, between attempts, with the event loop free.
 */
export class DatabaseBusyError extends Error {
  constructor(cause: unknown) {
    super("the database stayed locked by another process", { cause });
  }
}

/** The bot's own wait inside SQLite for a lock: the longest the event loop may stall on one attempt. */
export const BOT_BUSY_TIMEOUT_MS = 100;

export interface BusyRetryPolicy {
  /** After this long the write gives up and the person is asked to send again. */
  giveUpAfterMs: number;
  /** The first pause; each next one doubles, up to a second. */
  firstPauseMs: number;
}

export const BUSY_RETRY: BusyRetryPolicy = { giveUpAfterMs: 4000, firstPauseMs: 25 };

const MAX_PAUSE_MS = 1000;

function isBusy(error: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(errorCode(error));
}

/** Runs a write that can be repeated whole (a transaction, one statement) until the lock is free. */
export async function retryWhileBusy<T>(
  work: () => Promise<T>,
  policy: BusyRetryPolicy = BUSY_RETRY,
): Promise<T> {
  const giveUpAt = performance.now() + policy.giveUpAfterMs;
  let pause = policy.firstPauseMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (performance.now() + pause > giveUpAt) throw new DatabaseBusyError(error);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }
}

/**
 * A use case's write transaction, repeated whole while another process holds the lock. Only a use
 * case opens one (it holds the database itself, not a transaction); the functions it calls take
 * the transaction and never open their own.
 */
export function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return retryWhileBusy(() => db.transaction().execute(work));
}

/** The same, rolled back instead of committed: a dry run whose result is what the real one would do. */
export function rolledBackTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return retryWhileBusy(async () => {
    const trx = await db.startTransaction().execute();
    try {
      return await work(trx);
    } finally {
      await trx.rollback().execute();
    }
  });
}

/**
 * One write statement of a store, repeated while another process holds the lock. Inside a
 * transaction it is part of that one, which whoever opened it repeats as a whole.
 */
export function writeStatement<T>(db: Db, statement: () => Promise<T>): Promise<T> {
  return db instanceof Transaction ? statement() : retryWhileBusy(statement);
}
