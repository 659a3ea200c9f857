/**
 * Runs tasks one after another per key (a chat), different keys at the same time. A task whose lane
 * is free starts at once; one behind others starts when the one before it has settled. No promise is
 * chained per task (every message goes through two lanes, and a chain cost more than the work).
 * Hot paths here create no named closure: the build keeps function names (esbuild's keepNames),
 * which costs each one a defineProperty of ~0.4 µs.
 */
export class ChatLanes {
  /** A key is here while its lane runs a task; with the starts of the tasks waiting behind it. */
  readonly #waiting = new Map<string, (() => void)[]>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const waiting = this.#waiting.get(key);
    if (waiting === undefined) {
      this.#waiting.set(key, []);
      return this.#start(key, task);
    }
    return new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        this.#start(key, task).then(resolve, reject);
      });
    });
  }

  /** Runs `task` now; once it settles, the lane's next task starts, or the lane is free. */
  #start<T>(key: string, task: () => Promise<T>): Promise<T> {
    let result: Promise<T>;
    try {
      result = task();
    } catch (error) {
      result = Promise.reject(error);
    }
    // The lane goes on after a failed task; the caller sees the failure.
    result.then(
      () => this.#next(key),
      () => this.#next(key),
    );
    return result;
  }

  #next(key: string): void {
    const start = this.#waiting.get(key)?.shift();
    if (start === undefined) this.#waiting.delete(key);
    else start();
  }
}
