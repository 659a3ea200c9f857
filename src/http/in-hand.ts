/**
 * The updates a webhook has accepted whose replies are still being sent: at shutdown, after the server
 * stopped taking requests, they may finish for a bounded time.
 */
export class InHand {
  readonly #running = new Set<Promise<void>>();

  track(done: Promise<void>): void {
    const tracked = done.finally(() => this.#running.delete(tracked));
    this.#running.add(tracked);
  }

  /** Waits for them, at most `timeoutMs`; answers how many are still unfinished. */
  async settle(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(this.#running), deadline]);
    clearTimeout(timer);
    return this.#running.size;
  }
}
