// The Bot API methods the bot calls, answered from the fake's state as Telegram answers them.
import type { ServerResponse } from "node:http";
import type { Document, Message, Update, UserFromGetMe, WebhookInfo } from "grammy/types";
import { ApiError, badRequest, tooManyRequests } from "./api-error.ts";
import { type Chats, nowSeconds } from "./chats.ts";
import type { FloodLimits } from "./flood-limits.ts";
import { renderText } from "./html-entities.ts";
import type { Recorder } from "./recorder.ts";
import { checkReplyMarkup, inlineMarkup, isRecord } from "./reply-markup.ts";
import type { Params } from "./request-body.ts";
import type { FakeStats, ReceivedFile, SentMessage } from "./types.ts";
import type { UpdateQueue } from "./update-queue.ts";

export interface BotApiState {
  bot: UserFromGetMe;
  chats: Chats;
  updates: UpdateQueue;
  limits: FloodLimits;
  recorder: Recorder;
  stats: FakeStats;
  /** Ids of callback queries not answered yet. */
  callbacks: Set<string>;
  // Kept for the webhook mode (issue 11): the webhook the bot registered, which excludes getUpdates.
  webhook: { url: string; secretToken: string | undefined } | undefined;
}

interface Call {
  params: Params;
  files: ReceivedFile[];
  res: ServerResponse;
}

type Method = (state: BotApiState, call: Call) => unknown;

const METHODS = {
  getMe: (state) => state.bot,
  deleteWebhook: (state, { params }) => {
    state.webhook = undefined;
    if (toBool(params.drop_pending_updates)) state.updates.dropPending();
    return true;
  },
  // Kept for the webhook mode (issue 11).
  setWebhook: (state, { params }) => {
    const url = typeof params.url === "string" ? params.url : "";
    const secretToken = typeof params.secret_token === "string" ? params.secret_token : undefined;
    state.webhook = url === "" ? undefined : { url, secretToken };
    if (toBool(params.drop_pending_updates)) state.updates.dropPending();
    return true;
  },
  // Kept for the webhook mode (issue 11).
  getWebhookInfo: (state): WebhookInfo => ({
    url: state.webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: state.updates.pending,
  }),
  setMyCommands: (_state, { params }) => checkCommands(params.commands),
  getUpdates: (state, { params, res }): Promise<Update[]> => {
    if (state.webhook !== undefined) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const request = {
      offset: toInt(params.offset),
      limit: Math.min(100, Math.max(1, toInt(params.limit) ?? 100)),
      timeoutSeconds: Math.max(0, toInt(params.timeout) ?? 0),
    };
    return state.updates.poll(request, res);
  },
  sendMessage: (state, { params }) => {
    const chatId = requireChatId(params);
    const raw = typeof params.text === "string" ? params.text : String(params.text ?? "");
    const plain = renderText(raw, params.parse_mode);
    if (plain.trim() === "") throw badRequest("message text is empty");
    if (plain.length > 4096) throw badRequest("message is too long");
    checkReplyMarkup(params.reply_markup);
    admit(state, chatId);
    const message = newBotMessage(state, chatId, params);
    message.text = plain;
    record(state, "sendMessage", message, params, { text: raw });
    return message;
  },
  sendDocument: (state, { params, files }) => {
    const chatId = requireChatId(params);
    const file = attachedFile(params.document, files, "document");
    const rawCaption = typeof params.caption === "string" ? params.caption : undefined;
    const caption = rawCaption === undefined ? undefined : renderText(rawCaption, params.parse_mode);
    if (caption !== undefined && caption.length > 1024) throw badRequest("message caption is too long");
    checkReplyMarkup(params.reply_markup);
    admit(state, chatId);
    const message = newBotMessage(state, chatId, params);
    const fileId = `BQACAgIAAxkBAAI${message.message_id}x${chatId}`;
    const document: Document = {
      file_id: fileId,
      file_unique_id: `AgAD${fileId.slice(-8)}`,
      file_name: file.filename,
      mime_type: mimeFor(file.filename, file.contentType),
      file_size: file.bytes.length,
    };
    message.document = document;
    if (caption !== undefined) message.caption = caption;
    record(state, "sendDocument", message, params, {
      caption: rawCaption,
      document: { filename: file.filename, bytes: file.bytes, contentType: file.contentType },
    });
    return message;
  },
  // Telegram's limits on a photo: 10 MB, width + height at most 10,000 pixels, ratio at most 20.
  sendPhoto: (state, { params, files }) => {
    const chatId = requireChatId(params);
    const file = attachedFile(params.photo, files, "photo");
    if (file.bytes.length > 10 * 1024 * 1024) throw badRequest("PHOTO_SAVE_FILE_INVALID");
    const size = pngSize(file.bytes);
    if (size === null) throw badRequest("IMAGE_PROCESS_FAILED");
    const { width, height } = size;
    if (width + height > 10_000 || Math.max(width, height) / Math.min(width, height) > 20) {
      throw badRequest("PHOTO_INVALID_DIMENSIONS");
    }
    checkReplyMarkup(params.reply_markup);
    admit(state, chatId);
    const message = newBotMessage(state, chatId, params);
    const fileId = `AgACAgIAAxkBAAI${message.message_id}x${chatId}`;
    message.photo = [
      {
        file_id: fileId,
        file_unique_id: `AQAD${fileId.slice(-8)}`,
        width,
        height,
        file_size: file.bytes.length,
      },
    ];
    record(state, "sendPhoto", message, params, {
      photo: { filename: file.filename, bytes: file.bytes, contentType: file.contentType, width, height },
    });
    return message;
  },
  answerCallbackQuery: (state, { params }) => {
    const id = String(params.callback_query_id ?? "");
    if (!state.callbacks.delete(id)) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    return true;
  },
} satisfies Record<string, Method>;

export type MethodName = keyof typeof METHODS;

// Telegram matches method names case-insensitively.
const METHOD_BY_LOWER: ReadonlyMap<string, MethodName> = new Map(
  (Object.keys(METHODS) as MethodName[]).map((m) => [m.toLowerCase(), m]),
);

export function methodNamed(name: string): MethodName | undefined {
  return METHOD_BY_LOWER.get(name.toLowerCase());
}

export function callMethod(state: BotApiState, method: MethodName, call: Call): unknown {
  const handler: Method = METHODS[method];
  return handler(state, call);
}

/** Counts the message against the flood limits, or answers 429 like Telegram. */
function admit(state: BotApiState, chatId: number): void {
  const retryAfter = state.limits.admit(chatId);
  if (retryAfter > 0) {
    state.stats.rateLimited++;
    throw tooManyRequests(retryAfter);
  }
  state.stats.accepted++;
}

function newBotMessage(state: BotApiState, chatId: number, params: Params): Message {
  const message: Message = {
    message_id: state.chats.allocMessageId(chatId),
    from: state.bot,
    chat: state.chats.chatFor(chatId),
    date: nowSeconds(),
  };
  const markup = inlineMarkup(params.reply_markup);
  if (markup) message.reply_markup = markup;
  return message;
}

function record(
  state: BotApiState,
  method: SentMessage["method"],
  message: Message,
  params: Params,
  extra: Pick<SentMessage, "text" | "caption" | "document" | "photo">,
): void {
  state.chats.store(message);
  const sent: SentMessage = {
    seq: state.recorder.sent.length,
    method,
    chatId: message.chat.id,
    messageId: message.message_id,
    message,
    params,
    time: Date.now(),
  };
  if (extra.text !== undefined) sent.text = extra.text;
  if (extra.caption !== undefined) sent.caption = extra.caption;
  if (typeof params.parse_mode === "string") sent.parseMode = params.parse_mode;
  if (extra.document !== undefined) sent.document = extra.document;
  if (extra.photo !== undefined) sent.photo = extra.photo;
  const markup = params.reply_markup;
  if (isRecord(markup)) sent.replyMarkup = inlineMarkup(markup) ?? markup;
  state.recorder.addSent(sent);
}

/** grammY uploads a file as a multipart part named in `document: "attach://<field>"` (or `photo`). */
function attachedFile(value: unknown, files: ReceivedFile[], what: "document" | "photo"): ReceivedFile {
  if (typeof value !== "string" || !value.startsWith("attach://")) {
    throw badRequest(`there is no ${what} in the request`);
  }
  const field = value.slice("attach://".length);
  const file = files.find((f) => f.field === field);
  if (file === undefined) throw badRequest(`file "${field}" is not found in the request`);
  return file;
}

/** A PNG's width and height from its header, or null for anything else. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const MIME_BY_EXT: Readonly<Record<string, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  txt: "text/plain",
};

function mimeFor(filename: string, declared: string): string {
  const ext = filename.split(".").pop()?.toLowerCase() ?? "";
  return MIME_BY_EXT[ext] ?? declared;
}

function checkCommands(list: unknown): true {
  if (!Array.isArray(list)) throw badRequest('field "commands" must be an Array');
  for (const item of list) {
    if (!isRecord(item) || typeof item.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(item.command)) {
      throw badRequest("BOT_COMMAND_INVALID");
    }
    const description = item.description;
    if (typeof description !== "string" || description.length < 1 || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
  }
  if (list.length > 100) throw badRequest("too many commands");
  return true;
}

function requireChatId(params: Params): number {
  if (params.chat_id === undefined || params.chat_id === "") throw badRequest("chat_id is empty");
  const id = toInt(params.chat_id);
  if (id === undefined) throw badRequest("chat not found");
  return id;
}

export function toInt(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function toBool(v: unknown): boolean {
  return v === true || v === "true";
}
