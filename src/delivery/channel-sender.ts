import type { ChannelName } from "../domain/vocabulary.ts";
import type { ReplyButton } from "../messages.ts";
import type { SendPacer } from "./send-pacer.ts";

/** Sends one text message into a chat and answers the platform's message id. */
export interface ChannelSender {
  readonly channel: ChannelName;
  /** Longer texts are split by the drain, each part paced on its own. */
  readonly maxTextLength: number;
  /** The platform's own pacer (another token, another rate); the drain's shared one otherwise. */
  readonly pacer?: SendPacer;
  send(chatId: string, text: string, buttons?: ReplyButton[][]): Promise<string>;
}

/**
 * Why a send failed, as delivery must act on it: `transient` is retried with backoff (5xx, network,
 * a rate limit longer than we wait in-process); `blocked` marks the account and stops; `permanent`
 * stops (a 400 such as "chat not found").
 */
export type SendFailureKind = "transient" | "blocked" | "permanent";

export class SendError extends Error {
  constructor(
    readonly kind: SendFailureKind,
    message: string,
  ) {
    super(message);
  }
}
