// One pace per bot token: the bot's chat replies and its scheduled fan-out share one limiter (replies
// first), and processes sharing a database drain one at a time, so Telegram never answers 429.
import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { enqueueOutbox } from "../../src/store/outbox.ts";
import { type FakeTelegram, STRICT_LIMITS, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { linkPerson, nudgeTo } from "../support/delivery-fixtures.ts";
import { runCliProcess, startBotProcess } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let fake: FakeTelegram | undefined;
let app: TestApp | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  bot = undefined;
  await fake?.close();
  await app?.dispose();
});

/** `count` people linked in private chats from `firstChat` on, each with one nudge due now. */
async function queueFanOut(testApp: TestApp, count: number, firstChat: number): Promise<number[]> {
  const now = new Date();
  const chats: number[] = [];
  const messages = [];
  for (let index = 0; index < count; index++) {
    const chatId = firstChat + index;
    const account = await linkPerson(
      testApp.database.db,
      { name: `Cán bộ ${index}`, role: "official", agencyId: null, chatId: String(chatId) },
      now,
    );
    messages.push(nudgeTo(account, `fan-out-${chatId}`, new Date(now.getTime() - 60_000)));
    chats.push(chatId);
  }
  await enqueueOutbox(testApp.database.db, messages, now);
  return chats;
}

function envOf(testApp: TestApp, telegram: FakeTelegram): Record<string, string> {
  return {
    DATABASE_URL: `sqlite:${testApp.databasePath}`,
    LOG_LEVEL: "silent",
    BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
  };
}

function expectEachOnce(telegram: FakeTelegram, chats: number[]): void {
  const perChat = new Map<number, number>();
  for (const message of telegram.sentMessages()) {
    if (message.text?.startsWith("Nhắc fan-out-")) {
      perChat.set(message.chatId, (perChat.get(message.chatId) ?? 0) + 1);
    }
  }
  expect(chats.filter((chat) => perChat.get(chat) !== 1)).toEqual([]);
}

describe("one send rate per bot token", () => {
  it("answers officials chatting during a fan-out without a single 429, the fan-out complete", async () => {
    fake = await startFakeTelegram(STRICT_LIMITS);
    const telegram = fake;
    app = await createTestApp({ withBuiltinPlan: false });
    const chats = await queueFanOut(app, 200, 100_000);
    bot = startBotProcess(envOf(app, telegram));
    // The fan-out starts with the first tick at start; officials write 10 messages a second meanwhile.
    await telegram.waitFor((message) => message.text?.startsWith("Nhắc fan-out-") === true, 30_000);
    const chatters = Array.from({ length: 40 }, (_, index) => 9001 + index);
    const since = telegram.checkpoint();
    const asked = new Map<number, number>();
    for (const userId of chatters) {
      asked.set(userId, Date.now());
      telegram.sendUserMessage({ userId, text: "xin chào" });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answered = await Promise.all(
      chatters.map((userId) => telegram.waitForMessage(userId, undefined, 30_000, since)),
    );
    const deadline = Date.now() + 30_000;
    while (telegram.sentMessages().filter((m) => m.text?.startsWith("Nhắc fan-out-")).length < chats.length) {
      if (Date.now() > deadline) throw new Error("the fan-out did not finish");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect(telegram.stats.tooManyRequests).toBe(0);
    expectEachOnce(telegram, chats);
    // Replies go before the queued fan-out: each answer came within a couple of seconds.
    const waits = answered.map((reply) => reply.time - (asked.get(reply.chatId) ?? 0));
    expect(Math.max(...waits)).toBeLessThan(3000);
  }, 120_000);

  it("two ticks at once on one database send every message once, without a 429", async () => {
    fake = await startFakeTelegram(STRICT_LIMITS);
    const telegram = fake;
    app = await createTestApp({ withBuiltinPlan: false });
    const chats = await queueFanOut(app, 150, 200_000);
    const env = envOf(app, telegram);

    const [first, second] = await Promise.all([runCliProcess(["tick"], env), runCliProcess(["tick"], env)]);

    expect([first.code, second.code]).toEqual([0, 0]);
    expect(telegram.stats.tooManyRequests).toBe(0);
    expectEachOnce(telegram, chats);
  }, 120_000);
});
