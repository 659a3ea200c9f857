import { createSendPacer } from "../../src/app.ts";
import { startTelegram, type TelegramChannel } from "../../src/channels/telegram/telegram-channel.ts";
import type { DatabaseKind } from "../../src/db/database.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import { createLogger } from "../../src/logger.ts";
import {
  type FakeTelegram,
  type FakeTelegramOptions,
  type SentMessage,
  startFakeTelegram,
} from "../fakes/telegram/fake-telegram.ts";
import { createTestApp, inviteFor, type TestApp } from "./test-app.ts";

export interface TelegramHarness {
  app: TestApp;
  fake: FakeTelegram;
  telegram: TelegramChannel;
  /** Sends a text as a user (stamped with the app's clock) and waits for the bot's next answer. */
  say(userId: number, text: string, firstName?: string): Promise<string>;
  /** Injects an update and waits for the bot's next message to that chat. */
  exchange(chatId: number, inject: () => void): Promise<SentMessage>;
  /** Links a user with a fresh invite (`/start <code>`); resolves with the bot's answer. */
  link(userId: number, agency: string | null, role?: Role, firstName?: string): Promise<string>;
  /** Sends a text (stamped by the fake's clock) and waits for the bot's next message. */
  ask(userId: number, text: string): Promise<SentMessage>;
  /** Presses a button of one of the bot's messages and waits for the bot's next message. */
  press(userId: number, message: SentMessage, data: string): Promise<SentMessage>;
  /** Stops the bot and the fake, then starts both again on the same database (a restart). */
  restart(fake?: FakeTelegramOptions): Promise<void>;
  close(): Promise<void>;
}

/** The real bot (grammY, long polling) against the fake Bot API server, on a real SQLite file or PostgreSQL. */
export async function startTelegramHarness(
  options: {
    at?: string;
    fake?: FakeTelegramOptions;
    env?: Record<string, string>;
    database?: DatabaseKind;
  } = {},
): Promise<TelegramHarness> {
  const app = await createTestApp({ at: options.at, env: options.env, database: options.database });
  const startBot = (fake: FakeTelegram) =>
    startTelegram({
      token: fake.token,
      apiRoot: fake.apiRoot,
      pacer: createSendPacer(app.config),
      getMe: { attempts: 1, timeoutMs: 10_000, retryMs: 1 },
      clock: app.clock,
      conversation: app.conversation,
      translator: app.translator,
      logger: createLogger("silent"),
    });
  const fake = await startFakeTelegram(options.fake);
  const harness: TelegramHarness = {
    app,
    fake,
    telegram: await startBot(fake),
    async say(userId, text, firstName = "Cán bộ") {
      const date = Math.floor(app.clock.now().getTime() / 1000);
      const reply = await harness.exchange(userId, () =>
        harness.fake.sendUserMessage({ userId, text, firstName, date }),
      );
      return reply.text ?? "";
    },
    async link(userId, agency, role = "official", firstName) {
      const invite = await inviteFor(app, agency, role);
      return harness.say(userId, `/start ${invite.code}`, firstName);
    },
    ask(userId, text) {
      return harness.exchange(userId, () => harness.fake.sendUserMessage({ userId, text }));
    },
    press(userId, message, data) {
      return harness.exchange(userId, () =>
        harness.fake.pressButton({ userId, messageId: message.messageId, data }),
      );
    },
    async exchange(chatId, inject) {
      const since = harness.fake.checkpoint();
      inject();
      return harness.fake.waitForMessage(chatId, undefined, 10_000, since);
    },
    async restart(fakeOptions) {
      await harness.telegram.stop();
      await harness.fake.close();
      harness.fake = await startFakeTelegram(fakeOptions);
      harness.telegram = await startBot(harness.fake);
    },
    async close() {
      await harness.telegram.stop();
      await harness.fake.close();
      await app.dispose();
    },
  };
  return harness;
}

/** The callback data of every inline button of a message's reply markup, in order. */
export function buttonData(replyMarkup: unknown): string[] {
  const markup = replyMarkup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((button) => button.callback_data ?? "");
}
