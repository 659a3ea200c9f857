import { autoRetry } from "@grammyjs/auto-retry";
import { Api, GrammyError, HttpError } from "grammy";
import { type ChannelSender, SendError } from "../../delivery/channel-sender.ts";
import type { SendPacer } from "../../delivery/send-pacer.ts";
import type { ReplyButton } from "../../messages.ts";
import { statusKeepingFetch } from "./status-keeping-fetch.ts";
import { holdOnFloodWait } from "./telegram-pacing.ts";
import { inlineKeyboardOf, TELEGRAM_TEXT_LIMIT } from "./telegram-render.ts";

export interface TelegramSenderOptions {
  token: string;
  apiRoot: string;
  /** The process's pacer for this token; a 429 holds it for the retry_after. */
  pacer: SendPacer;
  /** A 429 asking for a longer wait than this fails the attempt (retried later) instead of blocking. */
  maxRetryAfterSeconds?: number;
}

/** Maps a grammY failure to what delivery does about it. */
export function classifyTelegramError(error: unknown): SendError {
  if (error instanceof GrammyError) {
    const reason = `${error.error_code} ${error.description}`;
    if (error.error_code === 403) return new SendError("blocked", reason);
    if (error.error_code === 429 || error.error_code >= 500) return new SendError("transient", reason);
    return new SendError("permanent", reason);
  }
  if (error instanceof HttpError) return new SendError("transient", `network: ${error.message}`);
  return new SendError("transient", error instanceof Error ? error.message : String(error));
}

/**
 * Telegram through grammY's Api. The auto-retry transformer waits out a 429's retry_after; 5xx and
 * network errors are rethrown so the outbox retries them with its own counted backoff.
 */
export function createTelegramSender(options: TelegramSenderOptions): ChannelSender {
  const api = new Api(options.token, { apiRoot: options.apiRoot, fetch: statusKeepingFetch });
  api.config.use(holdOnFloodWait(options.pacer));
  api.config.use(
    autoRetry({
      maxRetryAttempts: 3,
      maxDelaySeconds: options.maxRetryAfterSeconds ?? 60,
      rethrowInternalServerErrors: true,
      rethrowHttpErrors: true,
    }),
  );
  return {
    channel: "telegram",
    maxTextLength: TELEGRAM_TEXT_LIMIT,
    async send(chatId: string, text: string, buttons?: ReplyButton[][]): Promise<string> {
      try {
        const message = await api.sendMessage(
          chatId,
          text,
          buttons && buttons.length > 0 ? { reply_markup: inlineKeyboardOf(buttons) } : {},
        );
        return String(message.message_id);
      } catch (error) {
        throw classifyTelegramError(error);
      }
    },
  };
}
