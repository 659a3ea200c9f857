// Writes a large write's log back into the SQLite file on a worker thread (README: speed at a
// country's scale). SQLite does it itself at the commit that finds its write-ahead log past 1,000
// pages (wal_autocheckpoint), on the thread that commits: a first tick's 25 MB meant some 16
// checkpoints, each copying 4 MB and flushing both files to disk, 10–40 ms of a held event loop each.
// While a large write holds them, commits skip that, and a second connection on a worker thread
// checkpoints after each batch instead: a passive checkpoint takes no write lock and waits for
// nobody, so the main connection commits on meanwhile. Durability is unchanged: a checkpoint copies
// pages already committed (and flushes them as the main connection would); it commits nothing.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import type { Db } from "./database.ts";

// CommonJS run by the worker: no TypeScript loader there (execArgv is emptied), the driver by path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.path, { fileMustExist: true });
connection.pragma("synchronous = NORMAL");
let due = false;
function checkpoint() {
  due = false;
  connection.pragma("wal_checkpoint(PASSIVE)");
  parentPort.postMessage("checkpointed");
}
parentPort.on("message", (message) => {
  if (message === "close") {
    if (due) checkpoint();
    connection.close();
    parentPort.close();
    return;
  }
  // Requests that come while one is due are answered by it.
  if (due) return;
  due = true;
  setImmediate(() => {
    if (due) checkpoint();
  });
});
`;

const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");

/** A large write's hold on the checkpoints: ask for one after each batch, release at the end. */
export interface CheckpointHold {
  /** The batches written so far are checkpointed soon, off the event loop. */
  request(): void;
  /** Commits checkpoint as before again; what is left is checkpointed off the loop, then the worker ends. */
  release(): Promise<void>;
}

/** The checkpoints of one SQLite file (not :memory:); the worker runs only while a write holds them. */
export class WalCheckpoints {
  #holds = 0;
  /** The connection's own setting, restored when the last hold ends. */
  #autocheckpoint = 0;
  #worker: { thread: Worker; exited: Promise<unknown> } | null = null;
  /** Workers finishing their last checkpoint: close() waits for them. */
  readonly #ending = new Set<Promise<unknown>>();
  #done = 0;

  constructor(private readonly path: string) {}

  /** Checkpoints the worker has run: what a test can see of them. */
  get completed(): number {
    return this.#done;
  }

  /** From now until `release()`, commits on `db` leave the log to the worker. */
  async hold(db: Db): Promise<CheckpointHold> {
    if (this.#holds++ === 0) {
      const setting = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
      this.#autocheckpoint = Number(setting.rows[0]?.wal_autocheckpoint ?? 1000);
      await sql`pragma wal_autocheckpoint = 0`.execute(db);
    }
    let released = false;
    return {
      request: () => {
        if (!released) this.#request();
      },
      release: async () => {
        if (released) return;
        released = true;
        if (--this.#holds > 0) return;
        await sql.raw(`pragma wal_autocheckpoint = ${this.#autocheckpoint}`).execute(db);
        this.#finish();
      },
    };
  }

  /** Ends the worker (after the checkpoint it runs); the database closes after this. */
  async close(): Promise<void> {
    this.#finish();
    await Promise.all(this.#ending);
  }

  #request(): void {
    if (this.#worker === null) {
      const thread = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { path: this.path, driver: driverPath },
      });
      thread.on("message", () => {
        this.#done++;
      });
      // A checkpoint not done leaves the log longer until commits checkpoint again: nothing is lost.
      thread.on("error", () => {});
      // Not unref'd: close() waits for its exit, which must keep the process alive till then.
      const exited = new Promise((resolve) => thread.once("exit", resolve));
      this.#worker = { thread, exited };
    }
    this.#worker.thread.postMessage("checkpoint");
  }

  /** One last checkpoint of what the hold left, then the worker closes its connection and ends. */
  #finish(): void {
    const worker = this.#worker;
    if (worker === null) return;
    this.#worker = null;
    worker.thread.postMessage("checkpoint");
    worker.thread.postMessage("close");
    const ended = worker.exited.finally(() => this.#ending.delete(ended));
    this.#ending.add(ended);
  }
}
