// Country-scale work (a first tick, who is behind, a report) runs on the same event loop as the chat:
// it gives the loop a turn whenever it has held it for a slice, so no answer waits long behind it
// (README: never frozen). better-sqlite3 is synchronous, so each statement between two yield points
// must itself be short, and a yield must never fall inside an open transaction: Kysely lends its one
// SQLite connection to one caller at a time, and every chat query would wait for the transaction.

/** Resolves at once while the current slice lasts; after it, only once the loop has had a turn. */
export type YieldPoint = () => Promise<void>;

export const DEFAULT_SLICE_MS = 20;

export function createYieldPoint(
  sliceMs: number = DEFAULT_SLICE_MS,
  now: () => number = () => performance.now(),
): YieldPoint {
  let sliceStarted = now();
  return async () => {
    if (now() - sliceStarted < sliceMs) return;
    // setImmediate runs after pending I/O callbacks, so waiting requests are served first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStarted = now();
  };
}
