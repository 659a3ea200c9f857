// Platforms send a webhook update again when they did not get a 200 in time (or at all). The same
// update is handled once: a copy that arrives while the first is in hand waits for it, and one that
// arrives later is answered at once. Stored updates are de-duplicated by the database too; this also
// covers the ones nothing stores (a command such as /nhiemvu), which would be answered twice.

/** How long a handled update's identity is remembered: platforms stop redelivering within a day. */
const REMEMBER_MS = 24 * 3_600_000;
/** At most this many identities are remembered (a few MB), the oldest forgotten first. */
const MAX_REMEMBERED = 100_000;

export class ReplayGuard {
  readonly #inHand = new Map<string, Promise<void>>();
  /** Identity → when it may be forgotten; insertion order is time order. */
  readonly #handled = new Map<string, number>();

  constructor(private readonly nowMs: () => number = () => performance.now()) {}

  /**
   * Runs `accept` for an identity not seen yet; a failed one is forgotten, so the platform's next
   * delivery is handled afresh. Resolves when the update is accepted (by this call or the first).
   */
  run(identity: string, accept: () => Promise<void>): Promise<void> {
    const now = this.nowMs();
    this.#forgetOld(now);
    if (this.#handled.has(identity)) return Promise.resolve();
    const inHand = this.#inHand.get(identity);
    if (inHand) return inHand;
    const running = accept().then(
      () => {
        this.#inHand.delete(identity);
        this.#handled.set(identity, this.nowMs() + REMEMBER_MS);
      },
      (error: unknown) => {
        this.#inHand.delete(identity);
        throw error;
      },
    );
    this.#inHand.set(identity, running);
    return running;
  }

  #forgetOld(now: number): void {
    for (const [identity, until] of this.#handled) {
      if (until > now && this.#handled.size <= MAX_REMEMBERED) return;
      this.#handled.delete(identity);
    }
  }
}
