// Paces outgoing messages within Telegram's broadcast limits (README: what can go wrong), so our own fan-out never
// provokes a 429: an even spacing plus a sliding one-second window overall, one message per second
// per private chat, and a sliding one-minute window per group (negative chat id).
// Chosen over @grammyjs/transformer-throttler (not a dependency): its Bottleneck reservoir refills 30 at once every
// second, which lets 60 requests land inside one sliding second at a refill boundary.
import { performance } from "node:perf_hooks";

export interface PacerLimits {
  /** Messages per second across all chats. */
  perSecond: number;
  /** Minimum gap between two messages to one private chat. */
  perChatIntervalMs: number;
  /** Messages per sliding minute into one group. */
  perGroupPerMinute: number;
  /** Requests awaiting an answer at once (a bound on what a crash can leave half-sent). */
  maxInFlight: number;
}

export const TELEGRAM_LIMITS: Omit<PacerLimits, "perSecond"> = {
  perChatIntervalMs: 1000,
  perGroupPerMinute: 20,
  maxInFlight: 64,
};

// Headroom for network jitter: two requests sent exactly at the limit may arrive a little closer.
const JITTER_MARGIN_MS = 50;
const SECOND_MS = 1000;
const MINUTE_MS = 60_000;

/** Replies to people in a chat go before scheduled messages waiting at the same time. */
export type PacerLane = "reply" | "scheduled";

interface Job {
  chatId: string;
  lane: PacerLane;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Start times within a sliding window. */
class StartWindow {
  #times: number[] = [];
  constructor(
    private readonly size: number,
    private readonly windowMs: number,
  ) {}
  /** When the next start may happen (now when there is room). */
  readyAt(now: number): number {
    while (this.#times.length > 0 && (this.#times[0] ?? 0) <= now - this.windowMs) this.#times.shift();
    return this.#times.length < this.size ? now : (this.#times[0] ?? now) + this.windowMs;
  }
  push(now: number): void {
    this.#times.push(now);
  }
}

/** The pacer was closed (shutdown) before the job could start: the job never ran. */
export class PacerClosedError extends Error {
  constructor() {
    super("pacer closed");
  }
}

export function isGroupChat(chatId: string): boolean {
  return chatId.startsWith("-");
}

export class SendPacer {
  readonly #limits: PacerLimits;
  readonly #now: () => number;
  readonly #queue: Job[] = [];
  readonly #global: StartWindow;
  readonly #chatReady = new Map<string, number>();
  readonly #groups = new Map<string, StartWindow>();
  /** The even-spacing grid's next slot. */
  #nextSlot = Number.NEGATIVE_INFINITY;
  #inFlight = 0;
  #timer: NodeJS.Timeout | null = null;
  readonly #closedLanes = new Set<PacerLane>();

  constructor(limits: PacerLimits, now: () => number = () => performance.now()) {
    if (!(limits.perSecond > 0)) throw new RangeError("perSecond must be positive");
    this.#limits = limits;
    this.#now = now;
    this.#global = new StartWindow(Math.max(1, Math.floor(limits.perSecond)), SECOND_MS + JITTER_MARGIN_MS);
  }

  /** Runs `run` when every limit allows a message to `chatId`; resolves with its result. */
  schedule<T>(chatId: string, run: () => Promise<T>, lane: PacerLane = "scheduled"): Promise<T> {
    if (this.#closedLanes.has(lane)) return Promise.reject(new PacerClosedError());
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ chatId, lane, run, resolve: resolve as (value: unknown) => void, reject });
      this.#pump();
    });
  }

  /** Telegram answered 429 with retry_after: nothing starts before it has passed. */
  holdFor(ms: number): void {
    this.#nextSlot = Math.max(this.#nextSlot, this.#now() + ms);
  }

  isClosed(lane: PacerLane): boolean {
    return this.#closedLanes.has(lane);
  }

  get queued(): number {
    return this.#queue.length;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  #readyAt(chatId: string, now: number): number {
    if (isGroupChat(chatId)) {
      const window = this.#groups.get(chatId);
      return window ? window.readyAt(now) : now;
    }
    return this.#chatReady.get(chatId) ?? now;
  }

  #record(chatId: string, now: number): void {
    this.#global.push(now);
    // Stay on the grid when a timer fired a little late (the sliding window still caps any second),
    // instead of losing a fraction of the rate to every late wake-up.
    const interval = SECOND_MS / this.#limits.perSecond;
    this.#nextSlot = Math.max(this.#nextSlot, now - interval / 2) + interval;
    if (isGroupChat(chatId)) {
      let window = this.#groups.get(chatId);
      if (!window) {
        window = new StartWindow(this.#limits.perGroupPerMinute, MINUTE_MS + JITTER_MARGIN_MS);
        this.#groups.set(chatId, window);
      }
      window.push(now);
    } else {
      this.#chatReady.set(chatId, now + this.#limits.perChatIntervalMs + JITTER_MARGIN_MS);
    }
  }

  #wake(at: number, now: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = null;
        this.#pump();
      },
      Math.max(1, Math.ceil(at - now)),
    );
  }

  /**
   * The first job whose chat is free, a reply before a scheduled message: order within a chat holds
   * (a chat's scheduled jobs share its readiness) while other chats go ahead.
   */
  #nextJob(now: number): { index: number; earliest: number } {
    let earliest = Number.POSITIVE_INFINITY;
    let index = -1;
    for (const [at, job] of this.#queue.entries()) {
      // A person's own quick exchange is not spaced (Telegram tolerates a short burst in a private
      // chat); the reply still delays the next scheduled message to that chat.
      const ready = job.lane === "reply" && !isGroupChat(job.chatId) ? now : this.#readyAt(job.chatId, now);
      earliest = Math.min(earliest, ready);
      if (ready > now) continue;
      if (job.lane === "reply") return { index: at, earliest };
      if (index < 0) index = at;
    }
    return { index, earliest };
  }

  #pump(): void {
    if (this.#timer) return;
    while (this.#queue.length > 0 && this.#inFlight < this.#limits.maxInFlight) {
      const now = this.#now();
      const globalReady = Math.max(this.#nextSlot, this.#global.readyAt(now));
      if (globalReady > now) {
        this.#wake(globalReady, now);
        return;
      }
      const { index, earliest } = this.#nextJob(now);
      const job = index >= 0 ? this.#queue[index] : undefined;
      if (!job) {
        this.#wake(earliest, now);
        return;
      }
      this.#queue.splice(index, 1);
      this.#record(job.chatId, now);
      this.#inFlight += 1;
      job
        .run()
        .then(job.resolve, job.reject)
        .finally(() => {
          this.#inFlight -= 1;
          this.#pump();
        });
    }
  }

  /**
   * Stops a lane (by default both): its jobs not started yet are rejected with PacerClosedError;
   * running ones finish. The scheduled lane closes at shutdown while replies still go out.
   */
  close(lanes: PacerLane[] = ["reply", "scheduled"]): void {
    for (const lane of lanes) this.#closedLanes.add(lane);
    for (const job of this.#queue.filter((queued) => this.#closedLanes.has(queued.lane))) {
      this.#queue.splice(this.#queue.indexOf(job), 1);
      job.reject(new PacerClosedError());
    }
    if (this.#queue.length === 0 && this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
