// What a chat message is, on every channel: the leaf module every layer may import.
import type { ChannelName } from "./domain/vocabulary.ts";

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
  /** The platform's id of the update that carried it, so a redelivered update is processed once. */
  updateKey?: string | null;
  /** True when the person edited an earlier message: its updates are corrected, not added. */
  isEdit?: boolean;
  /** A message the bot cannot read (a sticker, a voice note, a photo without a caption). */
  unsupported?: boolean;
  /** Sent in a group chat rather than a private chat with the bot. */
  inGroup?: boolean;
}

/** A tap on a button the bot sent earlier. */
export interface IncomingButton {
  channel: ChannelName;
  userId: string;
  chatId: string;
  displayName: string;
  data: string;
  /** The platform's id of this press (Telegram's callback query id). */
  pressId: string;
  /** The bot message that carried the button. */
  messageId: string | null;
  pressedAt: Date;
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

/** An image shown in the chat (the progress chart): Telegram's sendPhoto, a link on Zalo. */
export interface ReplyPhoto {
  fileName: string;
  bytes: Uint8Array;
}

/** What the bot answers; adapters render buttons natively (Telegram) or as numbered text. */
export interface Reply {
  text: string;
  buttons?: ReplyButton[][];
  document?: ReplyDocument;
  photo?: ReplyPhoto;
}
