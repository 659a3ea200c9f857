/** Time as a parameter, so every schedule can be tested at any instant. */
export interface Clock {
  now(): Date;
}

/** A clock that can be moved to another instant (the console's `:ngay`). */
export interface SettableClock extends Clock {
  set(instant: Date): void;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; used by `nhacviec tick --at` and by tests. */
export class ManualClock implements SettableClock {
  #now: Date;
  constructor(start: Date) {
    this.#now = new Date(start.getTime());
  }
  now(): Date {
    return new Date(this.#now.getTime());
  }
  set(instant: Date): void {
    this.#now = new Date(instant.getTime());
  }
  advance(milliseconds: number): void {
    this.#now = new Date(this.#now.getTime() + milliseconds);
  }
}

/**
 * The demo clock of `npm start -- --at`: it starts at a chosen instant and runs at the speed of the
 * real one (now = start + real time elapsed), so a quarter of 2020 plays out live.
 */
export class SimulatedClock implements SettableClock {
  #offsetMs: number;
  constructor(
    start: Date,
    private readonly real: Clock = systemClock,
  ) {
    this.#offsetMs = start.getTime() - real.now().getTime();
  }
  now(): Date {
    return new Date(this.real.now().getTime() + this.#offsetMs);
  }
  set(instant: Date): void {
    this.#offsetMs = instant.getTime() - this.real.now().getTime();
  }
}
