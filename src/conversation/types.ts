import type { ChannelName } from "../store/people.ts";

/** One message from a person, as every channel adapter translates it. */
export interface IncomingMessage {
  channel: ChannelName;
  userId: string;
  chatId: string;
  displayName: string;
  text: string;
  /** The platform's id of this message, so a later reply or edit can refer to it. */
  messageId: string | null;
  /** When the person sent it, as the platform stamps it (not when the bot got it). */
  sentAt: Date;
  replyToMessageId: string | null;
}

export interface ReplyButton {
  label: string;
  data: string;
}

export interface ReplyDocument {
  fileName: string;
  bytes: Uint8Array;
  caption?: string;
}

/** What the bot answers; adapters render buttons natively (Telegram) or as numbered text. */
export interface Reply {
  text: string;
  buttons?: ReplyButton[][];
  document?: ReplyDocument;
}
