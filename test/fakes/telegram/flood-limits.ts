// Telegram's flood limits on sendMessage and sendDocument; edits and chat actions do not count.
import { performance } from "node:perf_hooks";

/** Sustained messages per second into one private chat (the token bucket's refill rate). */
const PER_CHAT_PER_SECOND = 1;
/** Messages per sliding 60-second window into one group chat (chat id < 0). */
export const PER_GROUP_PER_MINUTE = 20;
/**
 * Forgiveness for network jitter, in ms: a client pacing at exactly the limit can have two requests
 * arrive a few ms closer together than sent; this absorbs that without allowing a higher sustained rate.
 */
const TOLERANCE_MS = 25;

/** Timestamps in a sliding window; amortised O(1) per operation (head index, occasional compaction). */
class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  count(now: number, windowMs: number): number {
    const cutoff = now - windowMs;
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  /** Oldest timestamp still in the window (call `count` first). */
  oldest(): number | undefined {
    return this.times[this.head];
  }

  push(now: number): void {
    this.times.push(now);
  }
}

interface TokenBucket {
  tokens: number;
  last: number;
}

export interface FloodLimitSettings {
  enforce: boolean;
  globalPerSecond: number;
  perChatBurst: number;
}

const isActiveRate = (n: number): boolean => n > 0 && Number.isFinite(n);

export class FloodLimits {
  private readonly global = new SlidingWindow();
  private readonly groups = new Map<number, SlidingWindow>();
  private readonly buckets = new Map<number, TokenBucket>();

  constructor(private readonly settings: FloodLimitSettings) {}

  /**
   * Admits one outgoing message into `chatId` and returns 0, or returns the retry_after seconds of the
   * 429 Telegram would answer (a refused message consumes nothing):
   * - overall: at most `globalPerSecond` in any sliding 1 s window;
   * - private chats: a token bucket refilled at 1/s holding up to `perChatBurst` tokens. Real Telegram
   *   tolerates short bursts in private chats (only sustained >1/s gets 429), so the default burst is 10,
   *   enough for a quick conversational test yet caught by a bot that floods a chat. Delivery tests use
   *   burst 1 (`STRICT_LIMITS`) for the strict 1/s rule;
   * - groups (chat id < 0): at most 20 in any sliding 60 s window.
   */
  admit(chatId: number): number {
    if (!this.settings.enforce) return 0;
    const { globalPerSecond, perChatBurst } = this.settings;
    const now = performance.now();
    let retryMs = 0;

    let group: SlidingWindow | undefined;
    let bucket: TokenBucket | undefined;
    if (chatId < 0) {
      const windowMs = 60_000 - TOLERANCE_MS;
      group = this.groups.get(chatId);
      if (group === undefined) {
        group = new SlidingWindow();
        this.groups.set(chatId, group);
      }
      if (group.count(now, windowMs) >= PER_GROUP_PER_MINUTE) {
        retryMs = Math.max(retryMs, (group.oldest() ?? now) + windowMs - now);
      }
    } else {
      bucket = this.buckets.get(chatId);
      if (bucket === undefined) {
        bucket = { tokens: perChatBurst, last: now };
        this.buckets.set(chatId, bucket);
      }
      bucket.tokens = Math.min(
        perChatBurst,
        bucket.tokens + ((now - bucket.last) / 1000) * PER_CHAT_PER_SECOND,
      );
      bucket.last = now;
      const slack = (TOLERANCE_MS / 1000) * PER_CHAT_PER_SECOND;
      if (bucket.tokens + slack < 1) {
        retryMs = Math.max(retryMs, ((1 - slack - bucket.tokens) / PER_CHAT_PER_SECOND) * 1000);
      }
    }
    const globalWindowMs = 1000 - TOLERANCE_MS;
    if (isActiveRate(globalPerSecond) && this.global.count(now, globalWindowMs) >= globalPerSecond) {
      retryMs = Math.max(retryMs, (this.global.oldest() ?? now) + globalWindowMs - now);
    }

    if (retryMs > 0) return Math.max(1, Math.ceil(retryMs / 1000));
    group?.push(now);
    if (bucket) bucket.tokens -= 1;
    if (isActiveRate(globalPerSecond)) this.global.push(now);
    return 0;
  }
}
