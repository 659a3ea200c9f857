// People writing to the bot at a steady rate while something else runs, and how long each waited for
// its answer. A message's wait counts from when it was due to be sent, not from when this process's
// loop got round to sending it: the fake Bot API lives in the same process, so while the loop is
// stuck the message would otherwise look sent late and answered quickly.
import type { FakeTelegram } from "../fakes/telegram/fake-telegram.ts";

export interface ChatLine {
  /** Who writes; each line must come from a chat with no question still unanswered. */
  userId: number;
  text: string;
  /** What the line stands for in the report ("status update", "/cham"). */
  kind: string;
}

export interface ChatterReport {
  sent: number;
  answered: number;
  /** Longest wait from due to answered, in ms, by kind. */
  maxWaitMs: Record<string, number>;
  unanswered: ChatLine[];
}

export interface Chatter {
  /** Sends no more and waits for every answer still due (each at most `answerTimeoutMs`). */
  stop(): Promise<ChatterReport>;
}

export function startChatter(
  fake: FakeTelegram,
  options: {
    perSecond: number;
    /** The next line to send; called once per message. */
    next: (index: number) => ChatLine;
    /** The `date` stamped on each message, in Unix seconds (the app's clock). */
    date: number;
    answerTimeoutMs: number;
  },
): Chatter {
  const periodMs = 1000 / options.perSecond;
  const started = performance.now();
  const waiting = new Set<number>();
  const answers: Promise<{ line: ChatLine; waitMs: number | null }>[] = [];
  let index = 0;
  let timer: NodeJS.Timeout | undefined;

  const send = (line: ChatLine, dueAt: number) => {
    if (waiting.has(line.userId)) throw new Error(`chat ${line.userId} still waits for an answer`);
    waiting.add(line.userId);
    const since = fake.checkpoint();
    fake.sendUserMessage({ userId: line.userId, text: line.text, date: options.date });
    const answer = fake
      .waitForMessage(line.userId, undefined, options.answerTimeoutMs, since)
      .then(
        () => ({ line, waitMs: performance.now() - dueAt }),
        () => ({ line, waitMs: null }),
      )
      .finally(() => waiting.delete(line.userId));
    answers.push(answer);
  };
  // Each wake-up sends every message due by now: after a stall, those the stall held back.
  const pump = () => {
    const now = performance.now();
    for (; started + index * periodMs <= now; index++) send(options.next(index), started + index * periodMs);
    timer = setTimeout(pump, Math.max(0, started + index * periodMs - performance.now()));
  };
  pump();

  return {
    async stop() {
      clearTimeout(timer);
      const settled = await Promise.all(answers);
      const maxWaitMs: Record<string, number> = {};
      for (const { line, waitMs } of settled) {
        if (waitMs !== null) maxWaitMs[line.kind] = Math.round(Math.max(maxWaitMs[line.kind] ?? 0, waitMs));
      }
      const unanswered = settled.filter((s) => s.waitMs === null).map((s) => s.line);
      return { sent: settled.length, answered: settled.length - unanswered.length, maxWaitMs, unanswered };
    },
  };
}
