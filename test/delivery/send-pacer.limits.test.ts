import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SendPacer } from "../../src/delivery/send-pacer.ts";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function pacer(perSecond: number, perGroupPerMinute = 20): SendPacer {
  return new SendPacer({ perSecond, perChatIntervalMs: 1000, perGroupPerMinute, maxInFlight: 1000 }, () =>
    Date.now(),
  );
}

/** Schedules one instant job per chat id and records when each started. */
function record(
  subject: SendPacer,
  chatIds: string[],
): { starts: { chat: string; at: number }[]; done: Promise<unknown> } {
  const starts: { chat: string; at: number }[] = [];
  const done = Promise.all(
    chatIds.map((chat) =>
      subject.schedule(chat, async () => {
        starts.push({ chat, at: Date.now() });
      }),
    ),
  );
  return { starts, done };
}

function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (const [i, start] of times.entries()) {
    best = Math.max(best, times.slice(i).filter((t) => t < start + windowMs).length);
  }
  return best;
}

describe("send pacer", () => {
  it("never starts more than the overall rate in any second, and keeps the rate", async () => {
    const subject = pacer(30);
    const { starts, done } = record(
      subject,
      Array.from({ length: 300 }, (_, i) => String(i + 1)),
    );
    await vi.advanceTimersByTimeAsync(20_000);
    await done;
    const times = starts.map((s) => s.at);
    expect(times).toHaveLength(300);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(30);
    // 300 messages at 30/s: about 10 s, not much more.
    expect(times.at(-1) ?? 0).toBeLessThan(11_000);
  });

  it("spaces messages to one private chat by at least a second and keeps their order", async () => {
    const subject = pacer(30);
    const { starts, done } = record(subject, ["7", "7", "8", "7"]);
    await vi.advanceTimersByTimeAsync(5_000);
    await done;
    const toSeven = starts.filter((s) => s.chat === "7").map((s) => s.at);
    expect(toSeven).toHaveLength(3);
    expect((toSeven[1] ?? 0) - (toSeven[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((toSeven[2] ?? 0) - (toSeven[1] ?? 0)).toBeGreaterThanOrEqual(1000);
    // Another chat does not wait behind chat 7.
    expect(starts.find((s) => s.chat === "8")?.at ?? 99_999).toBeLessThan(1000);
  });

  it("holds a group to its per-minute budget", async () => {
    const subject = pacer(30, 3);
    const { starts, done } = record(subject, ["-100", "-100", "-100", "-100"]);
    await vi.advanceTimersByTimeAsync(70_000);
    await done;
    const times = starts.map((s) => s.at);
    expect(times.slice(0, 3).every((t) => t < 1000)).toBe(true);
    expect(times[3] ?? 0).toBeGreaterThanOrEqual(60_000);
  });

  it("passes a job's failure to its caller and keeps going", async () => {
    const subject = pacer(10);
    const failing = subject.schedule("1", async () => {
      throw new Error("boom");
    });
    const ok = subject.schedule("2", async () => "fine");
    const outcome = failing.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toBe("boom");
    expect(await ok).toBe("fine");
  });
});

describe("SendPacer lanes and flood waits", () => {
  it("starts a reply before scheduled messages queued earlier", async () => {
    const subject = pacer(10);
    const order: string[] = [];
    const scheduled = Array.from({ length: 5 }, (_, i) =>
      subject.schedule(`${i + 1}`, async () => {
        order.push(`scheduled ${i + 1}`);
      }),
    );
    const reply = subject.schedule(
      "99",
      async () => {
        order.push("reply");
      },
      "reply",
    );
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([...scheduled, reply]);
    // The first scheduled message had already started; the reply goes next.
    expect(order.slice(0, 2)).toEqual(["scheduled 1", "reply"]);
  });

  it("holds every start for a 429's retry_after, and closing the scheduled lane keeps replies", async () => {
    const subject = pacer(10);
    subject.holdFor(3000);
    const { starts, done } = record(subject, ["1", "2"]);
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    expect(Math.min(...starts.map((s) => s.at))).toBeGreaterThanOrEqual(3000);

    subject.close(["scheduled"]);
    await expect(subject.schedule("3", async () => "no")).rejects.toThrow("pacer closed");
    await expect(subject.schedule("3", async () => "yes", "reply")).resolves.toBe("yes");
  });
});
