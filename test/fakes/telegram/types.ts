// Public types of the fake Telegram Bot API server (fake-telegram.ts).
import type { InlineKeyboardMarkup, Message, Update } from "grammy/types";

export interface FakeTelegramOptions {
  /** When set, only this token is accepted (others get 401). When unset, any token is accepted. */
  token?: string;
  /** Enforce Telegram's flood limits on send methods. Default true. */
  enforceLimits?: boolean;
  /** Messages per sliding 1-second window across all chats. Default 30. */
  globalPerSecond?: number;
  /**
   * Token-bucket capacity for private chats (refilled at Telegram's 1/s). Default 10, so a bot may
   * answer a user several times in quick succession (real Telegram tolerates short bursts; only a sustained rate above 1/s is refused).
   * Use 1 for the strict 1 msg/s rule in delivery tests (see `STRICT_LIMITS`).
   */
  perChatBurst?: number;
  /** Server-side latency added to every request, in ms (benchmarks). Default 0. */
  latencyMs?: number;
  /**
   * The first message id of every chat. Telegram never reuses a chat's message ids, while update ids
   * may start again after a quiet week: a fake standing in for "Telegram a week later" starts here.
   */
  firstMessageId?: number;
}

/** A fault served instead of the normal answer. */
export type Fault =
  | { kind: "http"; status: number; description?: string }
  /** A proxy's error page in front of the API: an HTML body, not the Bot API's JSON. */
  | { kind: "html"; status: number }
  | { kind: "retryAfter"; seconds: number }
  | { kind: "blocked" }
  | { kind: "drop" };

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  time: number;
  /** HTTP status served (0 while in flight or when the connection was dropped). */
  status: number;
  /** Error description served (or "dropped connection"), when the call failed. */
  error?: string;
}

export interface ReceivedFile {
  /** Multipart field name (grammY uses a random id referenced as attach://<id>). */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface SentMessage {
  /** Position in the recording (0-based, since the last reset). */
  seq: number;
  method: "sendMessage" | "sendDocument" | "sendPhoto";
  chatId: number;
  messageId: number;
  /** Text as the bot sent it (for HTML, with the markup). */
  text?: string;
  caption?: string;
  parseMode?: string;
  replyMarkup?: InlineKeyboardMarkup | Record<string, unknown>;
  /** The uploaded document with its bytes. */
  document?: { filename: string; bytes: Buffer; contentType: string };
  /** The uploaded photo with its bytes and its size in pixels. */
  photo?: { filename: string; bytes: Buffer; contentType: string; width: number; height: number };
  /** The Message object answered to the bot. */
  message: Message;
  params: Record<string, unknown>;
  time: number;
}

export interface FakeStats {
  /** Send-method calls (sendMessage, sendDocument) answered with ok:true. */
  accepted: number;
  /** Every HTTP 429 served, whether from limit enforcement or an injected retryAfter fault. */
  tooManyRequests: number;
  /** 429s served because a flood limit was exceeded (excludes injected faults). */
  rateLimited: number;
  /** Faults served from failNext/failChat. */
  faultsInjected: number;
  /** All HTTP requests received. */
  requests: number;
}

export interface UserMessageInput {
  userId: number;
  /** Defaults to the user id (private chat). A negative id makes a group chat. */
  chatId?: number;
  text: string;
  firstName?: string;
  replyToMessageId?: number;
  /** Unix seconds. Defaults to now. */
  date?: number;
}

export interface EditUserMessageInput {
  userId: number;
  chatId?: number;
  messageId: number;
  text: string;
  firstName?: string;
  /** Unix seconds of the edit. Defaults to now. */
  editDate?: number;
}

export interface PressButtonInput {
  userId: number;
  /** The bot message carrying the inline keyboard. */
  messageId: number;
  data: string;
  /** Defaults to the user id (private chat). */
  chatId?: number;
  firstName?: string;
}

export type { Update };
