// What every long-polling channel shares: the backoff after a failed poll (a pause a stop cuts
// short) and, at shutdown, waiting for the updates in hand until a deadline.

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

/** Doubling pauses between failed polls, from 0.5 s up to 30 s; a success starts again from the first. */
export class PollBackoff {
  private current = RETRY_FIRST_MS;

  get ms(): number {
    return this.current;
  }

  /** Waits the current pause (a stop ends it at once), then doubles the next. */
  async pause(signal: AbortSignal): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.current);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.current = Math.min(RETRY_MAX_MS, this.current * 2);
  }

  reset(): void {
    this.current = RETRY_FIRST_MS;
  }
}

/** Resolves when every promise has settled or `timeoutMs` has passed, whichever comes first. */
export async function settleWithin(work: Promise<unknown>[], timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled(work), deadline]);
  clearTimeout(timer);
}
