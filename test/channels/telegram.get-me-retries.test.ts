import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { fetchBotInfo } from "../../src/channels/telegram/bot-info.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";

let fake: FakeTelegram | undefined;

afterEach(async () => {
  await fake?.close();
});

function capturingLogger(into: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(chunk.toString("utf8"));
      done();
    },
  });
  return pino({ level: "warn", base: undefined }, stream);
}

describe("asking Telegram who the bot is at start (getMe)", () => {
  it("rides out passing failures with a warning per failed attempt, then answers", async () => {
    fake = await startFakeTelegram();
    fake.failNext("getMe", { kind: "http", status: 502, description: "Bad Gateway" });
    fake.failNext("getMe", { kind: "drop" });
    const logs: string[] = [];
    const me = await fetchBotInfo({
      token: fake.token,
      apiRoot: fake.apiRoot,
      attempts: 3,
      timeoutMs: 2000,
      retryMs: 10,
      translator: createTranslator("en"),
      logger: capturingLogger(logs),
    });
    expect(me.username).toBe("nhacviec_test_bot");
    expect(fake.callsOf("getMe")).toHaveLength(3);
    const messages = logs.map((line) => JSON.parse(line).msg);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(
      "Asking Telegram about the bot (getMe), attempt 1 of 3, failed: 502: Bad Gateway",
    );
    expect(messages[1]).toMatch(/^Asking Telegram about the bot \(getMe\), attempt 2 of 3, failed: E[A-Z]+$/);
    expect(logs.join("")).not.toContain(fake.token);
  });
});
