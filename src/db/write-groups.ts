// Status messages that arrive together are written together on SQLite (group commit): the writes
// that became ready in one turn of the event loop share one transaction, so one commit and one
// append to the WAL serve them all, instead of one each (a message's rows and facts touch about ten
// pages, and a burst of messages touches the same ones). Each write still commits before its caller
// hears back, so nothing is acknowledged before it is stored. PostgreSQL's pool already commits on
// several connections at once: there each write is its own transaction.
import type { Kysely, Transaction } from "kysely";
import { DatabaseBusyError, writeTransaction } from "./busy-retry.ts";
import { isPostgres } from "./database.ts";
import type { Database } from "./schema.ts";

type Write<T> = (trx: Transaction<Database>) => Promise<T>;

interface Queued {
  write: Write<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

// A group's transaction holds the one connection while it runs, and its statements never wait for
// I/O, so it holds the event loop too: a bound keeps that to a few milliseconds.
export const WRITE_GROUP_LIMIT = 64;

class WriteGroups {
  readonly #queue: Queued[] = [];
  /** A group is due or being written; writes queued meanwhile go into the next one. */
  #busy = false;

  constructor(private readonly db: Kysely<Database>) {}

  write<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#busy) return;
    this.#busy = true;
    // After the current turn: the messages read in it have queued their writes by then.
    setImmediate(() => {
      void this.#commitNext();
    });
  }

  async #commitNext(): Promise<void> {
    await this.#commit(this.#queue.splice(0, WRITE_GROUP_LIMIT));
    this.#busy = false;
    if (this.#queue.length > 0) this.#schedule();
  }

  async #commit(group: readonly Queued[]): Promise<void> {
    try {
      const results = await writeTransaction(this.db, async (trx) => {
        const done: unknown[] = [];
        for (const queued of group) done.push(await queued.write(trx));
        return done;
      });
      for (const [index, queued] of group.entries()) queued.resolve(results[index]);
    } catch (error) {
      if (group.length === 1 || error instanceof DatabaseBusyError) {
        for (const queued of group) queued.reject(error);
        return;
      }
      // One write failed and rolled the others back with it: each again alone, so only it fails.
      for (const queued of group) {
        await writeTransaction(this.db, queued.write).then(queued.resolve, queued.reject);
      }
    }
  }
}

const groups = new WeakMap<Kysely<Database>, WriteGroups>();

/**
 * A write transaction of the chat path (writeTransaction's contract: `write` may run more than once,
 * and must do nothing but its statements), committed together with the others ready at the same time.
 */
export function groupedWriteTransaction<T>(db: Kysely<Database>, write: Write<T>): Promise<T> {
  if (isPostgres(db)) return writeTransaction(db, write);
  let own = groups.get(db);
  if (own === undefined) {
    own = new WriteGroups(db);
    groups.set(db, own);
  }
  return own.write(write);
}
