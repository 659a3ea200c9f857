// Sending on Zalo, for chat replies and scheduled messages alike: every message goes through the
// token's one pacer; a 429 pauses the pacer (Zalo's retry_after, else a cautious default).

import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/database.ts";
import { type ChannelSender, SendError } from "../../delivery/channel-sender.ts";
import { type PacerLane, SendPacer } from "../../delivery/send-pacer.ts";
import type { ReplyButton } from "../../messages.ts";
import { rememberChoices } from "../../store/chat-choices.ts";
import { numberChoices } from "../numbered-choices.ts";
import { type ZaloApi, ZaloApiError, ZaloNetworkError } from "./zalo-api.ts";
import { zaloTextsOf } from "./zalo-render.ts";

/** The pause after a 429 that names no wait of its own. */
const QUOTA_PAUSE_MS = 5000;

/** One pacer per Zalo token: replies and scheduled sends share it (Zalo publishes no rate). */
export function createZaloPacer(perSecond: number): SendPacer {
  return new SendPacer({ perSecond, perChatIntervalMs: 1000, perGroupPerMinute: 20, maxInFlight: 16 });
}

/** Maps a Zalo failure to what delivery does about it (like Telegram's: 403 blocked, 429/5xx/network retried). */
export function classifyZaloError(error: unknown): SendError {
  if (error instanceof ZaloApiError) {
    if (error.code === 403) return new SendError("blocked", error.message);
    if (error.code === 429 || error.code === 408 || error.code >= 500) {
      return new SendError("transient", error.message);
    }
    return new SendError("permanent", error.message);
  }
  if (error instanceof ZaloNetworkError) return new SendError("transient", `network: ${error.message}`);
  return new SendError("transient", error instanceof Error ? error.message : String(error));
}

/** One call to Zalo; a 429 holds the token's pacer before the failure is rethrown. */
async function holdingOnQuota<T>(pacer: SendPacer, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ZaloApiError && error.code === 429) {
      pacer.holdFor((error.retryAfterSeconds ?? QUOTA_PAUSE_MS / 1000) * 1000);
    }
    throw error;
  }
}

/** One sendMessage when the pacer allows it. */
export function sendPaced(
  api: ZaloApi,
  pacer: SendPacer,
  chatId: string,
  text: string,
  lane: PacerLane,
): Promise<string> {
  return pacer.schedule(chatId, () => holdingOnQuota(pacer, () => api.sendMessage(chatId, text)), lane);
}

/** One sendPhoto (an image behind a link) when the pacer allows it. */
export function sendPhotoPaced(api: ZaloApi, pacer: SendPacer, chatId: string, url: string): Promise<string> {
  return pacer.schedule(chatId, () => holdingOnQuota(pacer, () => api.sendPhoto(chatId, url)), "reply");
}

export interface ZaloSenderOptions {
  api: ZaloApi;
  pacer: SendPacer;
  /** Where a chat's numbered choices are remembered, so "1" presses the first. */
  db: Db;
  clock: Clock;
}

/**
 * Scheduled messages on Zalo. The drain paces each call with this sender's own pacer; buttons become
 * numbered choices after the text (a part of its own when they do not fit in the last one).
 */
export function createZaloSender(options: ZaloSenderOptions): ChannelSender {
  const { api, pacer, db, clock } = options;
  return {
    channel: "zalo",
    maxTextLength: 2000,
    pacer,
    async send(chatId: string, text: string, buttons?: ReplyButton[][]): Promise<string> {
      const numbered = numberChoices([{ text, buttons }]);
      await rememberChoices(db, { channel: "zalo", chatId }, numbered.buttons, clock.now());
      const [first = "", ...rest] = zaloTextsOf(text, numbered.lines[0] ?? []);
      try {
        // The drain already waited for the pacer for this call.
        let messageId = await holdingOnQuota(pacer, () => api.sendMessage(chatId, first));
        // Only when the choices overflowed the last part: paced like any other message.
        for (const part of rest) messageId = await sendPaced(api, pacer, chatId, part, "scheduled");
        return messageId;
      } catch (error) {
        throw classifyZaloError(error);
      }
    },
  };
}
