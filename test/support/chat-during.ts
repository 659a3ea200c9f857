// People chatting with the bot while heavy work runs in the same process (README: never frozen): how
// long the longest answer took, how long the loop stalled. Messages start before the work and go on
// after it, so both its start and its end fall inside the measure.
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { type LoopStalls, watchEventLoop } from "./event-loop-watch.ts";
import { type ChatLine, type ChatterReport, startChatter } from "./steady-chatter.ts";

export interface ChatDuring<T> {
  result: T;
  chat: ChatterReport;
  stalls: LoopStalls;
}

export async function chatDuring<T>(
  fake: FakeTelegram,
  work: () => Promise<T>,
  options: {
    perSecond: number;
    next: (index: number) => ChatLine;
    /** The `date` stamped on each message, in Unix seconds (the app's clock). */
    date: number;
    /** How long messages flow before the work starts and after it ends. */
    marginMs: number;
    answerTimeoutMs: number;
  },
): Promise<ChatDuring<T>> {
  const watch = await watchEventLoop();
  const chatter = startChatter(fake, options);
  let result: T;
  try {
    await sleep(options.marginMs);
    result = await work();
    await sleep(options.marginMs);
  } catch (error) {
    await chatter.stop();
    watch.stop();
    throw error;
  }
  // The loop is watched until the last answer: catching up after a stall is part of it.
  const chat = await chatter.stop();
  return { result, chat, stalls: watch.stop() };
}
