// Telegram's webhook: grammY's webhookCallback reads the request and answers it; the update itself
// goes to the same handler long polling uses (createTelegramBot's `handle`), and the request is
// answered as soon as the update is stored, before the bot's replies are sent.
import { Bot, webhookCallback } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Context } from "hono";
import {
  introduceTelegramBot,
  TELEGRAM_ALLOWED_UPDATES,
  type TelegramBot,
  type TelegramChannel,
  type TelegramChannelOptions,
} from "../channels/telegram/telegram-channel.ts";
import type { Logger } from "../logger.ts";
import { acceptInTime, NotAcceptedError } from "./accept-in-time.ts";
import { InHand } from "./in-hand.ts";
import { ReplayGuard } from "./replay-guard.ts";

export interface TelegramWebhook {
  /** The route's handler, after the secret, size and JSON checks. */
  handler(c: Context): Promise<Response>;
  /** After the server stopped taking requests: lets updates in hand finish, for at most `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
}

/** How long a webhook request may wait for its update to be stored before Telegram is told to retry. */
export const ACCEPT_TIMEOUT_MS = 10_000;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/**
 * webhookCallback takes a Bot and calls its handleUpdate; this one hands the update over instead of
 * running middleware. It knows who it is already (getMe ran at start), so init() asks nothing.
 */
class HandOverBot extends Bot {
  constructor(
    token: string,
    botInfo: UserFromGetMe,
    private readonly handOver: (update: Update) => Promise<void>,
  ) {
    super(token, { botInfo });
  }

  override handleUpdate(update: Update): Promise<void> {
    return this.handOver(update);
  }
}

export function createTelegramWebhook(
  telegramBot: TelegramBot,
  options: { logger: Logger; acceptTimeoutMs?: number },
): TelegramWebhook {
  const { bot } = telegramBot;
  const replays = new ReplayGuard();
  const inHand = new InHand();
  const handOver = (update: Update) =>
    replays.run(`telegram:${update.update_id}`, () => {
      const handled = telegramBot.handle(update);
      inHand.track(handled.done);
      // Answered without being stored (the database file vanished): Telegram must send it again.
      const notStored = handled.done.then(() => {
        throw new NotAcceptedError("answered but not stored");
      });
      return acceptInTime(
        Promise.race([handled.accepted, notStored]),
        options.acceptTimeoutMs ?? ACCEPT_TIMEOUT_MS,
      );
    });
  const callback = webhookCallback(new HandOverBot(bot.token, bot.botInfo, handOver), "hono", {
    // acceptInTime bounds the wait itself and fails with a retry answer, never a silent 200.
    timeoutMilliseconds: Number.POSITIVE_INFINITY,
  });
  return {
    async handler(c) {
      try {
        return await callback(c);
      } catch (error) {
        options.logger.warn({ err: error }, "telegram webhook update not accepted; Telegram sends it again");
        return c.json({ error: "not stored, send again" }, 503);
      }
    },
    async stop(timeoutMs) {
      const unfinished = await inHand.settle(timeoutMs);
      telegramBot.silence();
      if (unfinished > 0) options.logger.warn({ unfinished }, "updates unfinished at shutdown");
    },
  };
}

/** At start in webhook mode: Telegram posts updates to `url`, with `secret` in its secret header. */
export async function registerTelegramWebhook(bot: Bot, url: string, secret: string): Promise<void> {
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...TELEGRAM_ALLOWED_UPDATES] });
}

/** Webhook mode's Telegram channel: getMe and the command menu as for polling, no poller. */
export async function startTelegramWebhook(
  options: TelegramChannelOptions,
): Promise<TelegramChannel & { webhook: TelegramWebhook }> {
  const telegramBot = await introduceTelegramBot(options);
  const webhook = createTelegramWebhook(telegramBot, { logger: options.logger });
  return {
    bot: telegramBot.bot,
    username: telegramBot.bot.botInfo.username,
    webhook,
    stop: (timeoutMs = DEFAULT_STOP_TIMEOUT_MS) => webhook.stop(timeoutMs),
  };
}
