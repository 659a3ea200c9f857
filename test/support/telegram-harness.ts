import { startTelegram, type TelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import { createLogger } from "../../src/logger.ts";
import {
  type FakeTelegram,
  type FakeTelegramOptions,
  startFakeTelegram,
} from "../fakes/telegram-api-server.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

export interface TelegramHarness {
  app: TestApp;
  fake: FakeTelegram;
  telegram: TelegramChannel;
  /** Sends a text as a user and waits for the bot's next answer in that chat. */
  say(userId: number, text: string, firstName?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real bot (grammY, long polling) against the fake Bot API server, on a real SQLite file. */
export async function startTelegramHarness(
  options: { at?: string; fake?: FakeTelegramOptions } = {},
): Promise<TelegramHarness> {
  const app = await createTestApp({ at: options.at });
  const fake = await startFakeTelegram(options.fake);
  const telegram = await startTelegram({
    token: fake.token,
    apiRoot: fake.apiRoot,
    conversation: app.conversation,
    translator: app.translator,
    logger: createLogger("silent"),
  });
  return {
    app,
    fake,
    telegram,
    async say(userId, text, firstName = "Cán bộ") {
      const since = fake.checkpoint();
      fake.sendUserMessage({ userId, text, firstName });
      const reply = await fake.waitForMessage(userId, undefined, 10_000, since);
      return reply.text ?? "";
    },
    async close() {
      await telegram.stop();
      await fake.close();
      await app.dispose();
    },
  };
}
