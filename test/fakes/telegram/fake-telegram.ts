// A fake Telegram Bot API server for tests and benchmarks. The real bot (grammY) talks to it over real
// HTTP via the client option `apiRoot` (env TELEGRAM_API_ROOT). It records every call, lets tests inject
// user updates, enforces Telegram's flood limits and can inject faults. Only `node:http` is used.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type {
  BotCommand,
  Chat,
  Document,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
  WebhookInfo,
} from "grammy/types";
import type {
  EditUserMessageInput,
  FakeStats,
  FakeTelegramOptions,
  Fault,
  PressButtonInput,
  ReceivedFile,
  RecordedCall,
  SentMessage,
  UserMessageInput,
} from "./telegram-types.ts";

export type {
  EditUserMessageInput,
  FakeStats,
  FakeTelegramOptions,
  Fault,
  PressButtonInput,
  ReceivedFile,
  RecordedCall,
  SentMessage,
  UserMessageInput,
} from "./telegram-types.ts";

/** Options for delivery tests: the strict 1 message/s per private chat rule, no burst. */
export const STRICT_LIMITS = { enforceLimits: true, perChatBurst: 1 } as const satisfies FakeTelegramOptions;

// Shaped like a real @BotFather token (35 characters after the colon): the bot's config checks the shape.
export const DEFAULT_TOKEN = "123456789:TEST-nhacviec-fake-token-0123456789";

type Params = Record<string, unknown>;
type NonChannelChat = Exclude<Chat, Chat.ChannelChat>;

interface ResolvedOptions {
  token: string | undefined;
  enforceLimits: boolean;
  globalPerSecond: number;
  perChatPerSecond: number;
  perChatBurst: number;
  perGroupPerMinute: number;
  limitToleranceMs: number;
  latencyMs: number;
  maxPollSeconds: number;
}

// Flood limits apply to sendMessage and sendDocument (see `admit`); edits and chat actions do not count.

const METHODS = [
  "getMe",
  "deleteWebhook",
  "setWebhook",
  "getWebhookInfo",
  "setMyCommands",
  "getMyCommands",
  "deleteMyCommands",
  "getUpdates",
  "sendMessage",
  "editMessageText",
  "editMessageReplyMarkup",
  "answerCallbackQuery",
  "sendDocument",
  "sendChatAction",
  "deleteMessage",
] as const;
type MethodName = (typeof METHODS)[number];
// Telegram matches method names case-insensitively.
const METHOD_BY_LOWER: ReadonlyMap<string, MethodName> = new Map(METHODS.map((m) => [m.toLowerCase(), m]));

/** Params that are integers; form-encoded bodies carry them as strings, so recordings normalise them. */
const NUMERIC_PARAMS: ReadonlySet<string> = new Set([
  "chat_id",
  "message_id",
  "reply_to_message_id",
  "message_thread_id",
  "offset",
  "limit",
  "timeout",
  "cache_time",
]);

const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** An error answered the way Telegram answers it: `{ ok: false, error_code, description, parameters? }`. */
class ApiError extends Error {
  readonly status: number;
  readonly parameters: { retry_after?: number } | undefined;
  constructor(status: number, description: string, parameters?: { retry_after?: number }) {
    super(description);
    this.status = status;
    this.parameters = parameters;
  }
}

const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

// ---------------------------------------------------------------------------------------------------
// Flood-limit bookkeeping

/** Timestamps in a sliding window; amortised O(1) per operation (head index, occasional compaction). */
class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  count(now: number, windowMs: number): number {
    const cutoff = now - windowMs;
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  /** Oldest timestamp still in the window (call `count` first). */
  oldest(): number | undefined {
    return this.times[this.head];
  }

  push(now: number): void {
    this.times.push(now);
  }
}

interface TokenBucket {
  tokens: number;
  last: number;
}

const isActiveRate = (n: number): boolean => n > 0 && Number.isFinite(n);

// ---------------------------------------------------------------------------------------------------
// Request body parsing

function headerValue(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/** Form fields are strings; JSON-valued fields (reply_markup, commands, ...) are decoded like Telegram does. */
function coerceFormValue(key: string, value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  if (NUMERIC_PARAMS.has(key) && /^-?\d+$/.test(trimmed)) return Number(trimmed);
  return value;
}

interface ContentDisposition {
  name?: string;
  filename?: string;
}

/**
 * Parses `form-data; name="x"; filename="a.txt"`. grammY writes `form-data;name="x";filename=a b.txt`
 * with the filename unquoted and unescaped, so an unquoted filename runs to the end of the header.
 */
function parseContentDisposition(value: string): ContentDisposition {
  const out: ContentDisposition = {};
  const semi = value.indexOf(";");
  if (semi < 0) return out;
  const rest = value.slice(semi + 1);
  let i = 0;
  let extendedFilename: string | undefined;
  while (i < rest.length) {
    while (i < rest.length && (rest[i] === ";" || rest[i] === " " || rest[i] === "\t")) i++;
    const eq = rest.indexOf("=", i);
    if (eq < 0) break;
    const key = rest.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (rest[i] === " " || rest[i] === "\t") i++;
    let val = "";
    if (rest[i] === '"') {
      i++;
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === "\\" && i + 1 < rest.length) i++;
        val += rest[i];
        i++;
      }
      i++;
    } else if (key === "filename") {
      val = rest.slice(i).trim();
      i = rest.length;
    } else {
      const end = rest.indexOf(";", i);
      val = (end < 0 ? rest.slice(i) : rest.slice(i, end)).trim();
      i = end < 0 ? rest.length : end;
    }
    if (key === "name") out.name = val;
    else if (key === "filename") out.filename = val;
    else if (key === "filename*") {
      // RFC 5987: charset'lang'percent-encoded
      const parts = val.split("'");
      const encoded = parts.length >= 3 ? parts.slice(2).join("'") : val;
      try {
        extendedFilename = decodeURIComponent(encoded);
      } catch {
        extendedFilename = encoded;
      }
    }
  }
  if (extendedFilename !== undefined) out.filename = extendedFilename;
  return out;
}

interface MultipartResult {
  fields: Record<string, string>;
  files: ReceivedFile[];
}

/** A small multipart/form-data parser (RFC 7578): parts separated by `\r\n--boundary`, ended by `--boundary--`. */
export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  const partEnd = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error("multipart boundary not found in body");
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing delimiter "--boundary--"
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++; // transport padding
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a)
      throw new Error("malformed multipart: no CRLF after boundary");
    pos += 2;
    let headerText = "";
    let contentStart: number;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) {
      contentStart = pos + 2; // a part without headers
    } else {
      const headerEnd = body.indexOf("\r\n\r\n", pos);
      if (headerEnd < 0) throw new Error("malformed multipart: unterminated part headers");
      headerText = body.subarray(pos, headerEnd).toString("utf8");
      contentStart = headerEnd + 4;
    }
    const next = body.indexOf(partEnd, contentStart);
    if (next < 0) throw new Error("malformed multipart: missing closing boundary");
    const content = body.subarray(contentStart, next);

    const headers = new Map<string, string>();
    for (const line of headerText.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = parseContentDisposition(headers.get("content-disposition") ?? "");
    if (disposition.name !== undefined) {
      if (disposition.filename !== undefined) {
        files.push({
          field: disposition.name,
          filename: disposition.filename,
          contentType: headers.get("content-type") ?? "application/octet-stream",
          bytes: Buffer.from(content), // copy: detach from the request body buffer
        });
      } else {
        fields[disposition.name] = content.toString("utf8");
      }
    }
    pos = next + 2; // at the next "--boundary"
  }
  return { fields, files };
}

function boundaryOf(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function parseBody(contentType: string, body: Buffer): { params: Params; files: ReceivedFile[] } {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return { params: {}, files: [] };
  if (type === "application/json" || type === "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("invalid JSON in request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("request body must be a JSON object");
    }
    return { params: parsed as Params, files: [] };
  }
  if (type === "application/x-www-form-urlencoded") {
    const params: Params = {};
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = coerceFormValue(k, v);
    return { params, files: [] };
  }
  if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (boundary === undefined) throw badRequest("multipart boundary is missing");
    let result: MultipartResult;
    try {
      result = parseMultipart(body, boundary);
    } catch (err) {
      throw badRequest(err instanceof Error ? err.message : String(err));
    }
    const params: Params = {};
    for (const [k, v] of Object.entries(result.fields)) params[k] = coerceFormValue(k, v);
    return { params, files: result.files };
  }
  throw badRequest(`unsupported content type "${type}"`);
}

// ---------------------------------------------------------------------------------------------------
// Message text: HTML validation (Telegram rejects malformed HTML), entity helpers

const HTML_TAGS: ReadonlySet<string> = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
  "tg-time",
]);

function decodeEntity(entity: string): string {
  switch (entity) {
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "amp":
      return "&";
    case "quot":
      return '"';
    default: {
      const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
  }
}

/**
 * Checks Telegram's HTML parse mode rules (supported tags only, properly nested, a bare "<" is an error)
 * and returns the plain text Telegram would store. Bots that forget to escape user text fail here
 * exactly as they would against the real API.
 */
export function parseTelegramHtml(text: string): { plain: string } | { error: string } {
  const byteOffset = (index: number): number => Buffer.byteLength(text.slice(0, index), "utf8");
  const stack: string[] = [];
  let plain = "";
  let i = 0;
  const special = /[<&]/g;
  while (i < text.length) {
    special.lastIndex = i;
    const found = special.exec(text);
    if (found === null) {
      plain += text.slice(i);
      break;
    }
    plain += text.slice(i, found.index);
    i = found.index;
    if (text[i] === "&") {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(text.slice(i, i + 12));
      if (m?.[1] !== undefined) {
        plain += decodeEntity(m[1]);
        i += m[0].length;
      } else {
        plain += "&";
        i++;
      }
      continue;
    }
    const close = text.indexOf(">", i);
    if (close < 0) return { error: `Unclosed start tag at byte offset ${byteOffset(i)}` };
    if (text[i + 1] === "/") {
      const name = text
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (top === undefined) return { error: `Unexpected end tag at byte offset ${byteOffset(i)}` };
      if (name !== "" && name !== top) {
        return {
          error: `Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${top}>", found "</${name}>"`,
        };
      }
    } else {
      const inner = text.slice(i + 1, close);
      const name = /^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner)?.[1]?.toLowerCase() ?? "";
      if (!HTML_TAGS.has(name)) {
        return { error: `Unsupported start tag "${name}" at byte offset ${byteOffset(i)}` };
      }
      if (name === "span" && !/class\s*=\s*["']?tg-spoiler/i.test(inner)) {
        return { error: `Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(i)}` };
      }
      stack.push(name);
    }
    i = close + 1;
  }
  const open = stack.at(-1);
  if (open !== undefined) return { error: `Can't find end tag corresponding to start tag "${open}"` };
  return { plain };
}

/** The plain text of a message after its parse mode is applied, or a 400 like Telegram's. */
function renderText(text: string, parseMode: unknown): string {
  if (typeof parseMode === "string" && parseMode.toLowerCase() === "html") {
    const result = parseTelegramHtml(text);
    if ("error" in result) throw badRequest(`can't parse entities: ${result.error}`);
    return result.plain;
  }
  return text;
}

/** bot_command entities, which grammY's `bot.command()` relies on. Offsets are UTF-16 units, as in JS. */
function commandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const re = /(^|\s)(\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?)(?=$|\s)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const command = m[2] ?? "";
    entities.push({ type: "bot_command", offset: m.index + (m[1]?.length ?? 0), length: command.length });
  }
  return entities;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Validates reply_markup the way Telegram does for the cases bots commonly get wrong. */
function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined) return;
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  const keyboard = markup.inline_keyboard;
  if (keyboard === undefined) return;
  if (!Array.isArray(keyboard))
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array');
  for (const row of keyboard) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row) {
      if (!isRecord(button) || typeof button.text !== "string")
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      const data = button.callback_data;
      if (data !== undefined) {
        const size = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
        if (size < 1 || size > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
}

function inlineMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
  return isRecord(markup) && Array.isArray(markup.inline_keyboard)
    ? (markup as unknown as InlineKeyboardMarkup)
    : undefined;
}

const MIME_BY_EXT: Readonly<Record<string, string>> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  json: "application/json",
  txt: "text/plain",
  pdf: "application/pdf",
  zip: "application/zip",
};

function mimeFor(filename: string, declared: string | undefined): string {
  const ext = filename.split(".").pop()?.toLowerCase() ?? "";
  return (
    MIME_BY_EXT[ext] ??
    (declared && declared !== "application/octet-stream" ? declared : "application/octet-stream")
  );
}

function toInt(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function toBool(v: unknown): boolean {
  return v === true || v === "true" || v === "1" || v === 1;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function defaultDescription(status: number): string {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return `Error ${status}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// The server

interface StoredMessage {
  message: Message;
  fromBot: boolean;
  /** Raw text/caption as sent (before parse mode), for the "message is not modified" check. */
  rawText: string | undefined;
  parseMode: string | undefined;
  markupJson: string;
  sent: SentMessage | undefined;
}

interface QueuedUpdate {
  update: Update;
  /** Injected with enqueueRawUpdate: delivered once even if the bot's offset already passed its id. */
  forced: boolean;
  delivered: boolean;
}

interface MethodFault {
  fault: Fault;
  remaining: number;
}

interface ChatFault {
  fault: Fault;
  remaining: number | "always";
  methods: ReadonlySet<string> | undefined;
}

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface ActivePoll {
  terminate: () => void;
}

interface HandlerContext {
  params: Params;
  files: ReceivedFile[];
  res: ServerResponse;
}

const emptyStats = (): FakeStats => ({
  accepted: 0,
  tooManyRequests: 0,
  rateLimited: 0,
  faultsInjected: 0,
  requests: 0,
});

export class FakeTelegram {
  /** e.g. "http://127.0.0.1:41234"; pass as grammY's `client.apiRoot` / TELEGRAM_API_ROOT. */
  readonly apiRoot: string;
  /** A well-formed token to give the bot (the configured one if `options.token` was set). */
  readonly token: string;
  readonly bot: UserFromGetMe;
  /** Every call received, in arrival order (since the last reset). */
  readonly calls: RecordedCall[] = [];
  readonly stats: FakeStats = emptyStats();

  private readonly options: ResolvedOptions;
  private readonly server: Server;
  private sent: SentMessage[] = [];
  private readonly store = new Map<string, StoredMessage>();
  private readonly nextMessageIds = new Map<number, number>();
  private readonly firstMessageId: number;
  private readonly users = new Map<number, User>();
  private readonly uploadedFiles = new Map<string, ReceivedFile>();
  private readonly pendingCallbackIds = new Set<string>();
  private readonly commands = new Map<string, BotCommand[]>();
  private queue: QueuedUpdate[] = [];
  private nextUpdateId = 1;
  private nextCallbackId = 1;
  private nextFileId = 1;
  private webhook: { url: string; secretToken: string | undefined } | undefined;
  private readonly pollWakers = new Set<() => void>();
  private activePoll: ActivePoll | undefined;
  private methodFaults = new Map<string, MethodFault[]>();
  private chatFaults = new Map<number, ChatFault[]>();
  private globalWindow = new SlidingWindow();
  private readonly groupWindows = new Map<number, SlidingWindow>();
  private readonly buckets = new Map<number, TokenBucket>();
  private messageWaiters = new Set<Waiter<SentMessage>>();
  private callWaiters = new Set<Waiter<RecordedCall>>();
  private closed = false;

  /** Use `startFakeTelegram()`. */
  constructor(server: Server, port: number, options: FakeTelegramOptions) {
    this.server = server;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.options = {
      token: options.token,
      enforceLimits: options.enforceLimits ?? true,
      globalPerSecond: options.globalPerSecond ?? 30,
      perChatPerSecond: options.perChatPerSecond ?? 1,
      perChatBurst: Math.max(1, options.perChatBurst ?? 10),
      perGroupPerMinute: options.perGroupPerMinute ?? 20,
      limitToleranceMs: Math.max(0, options.limitToleranceMs ?? 25),
      latencyMs: Math.max(0, options.latencyMs ?? 0),
      maxPollSeconds: Math.max(0, options.maxPollSeconds ?? 2),
    };
    this.token = options.token ?? DEFAULT_TOKEN;
    this.firstMessageId = options.firstMessageId ?? 1;
    const idFromToken = Number(this.token.split(":")[0]);
    this.bot = {
      id:
        options.botInfo?.id ??
        (Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 123456789),
      is_bot: true,
      first_name: options.botInfo?.first_name ?? "Nhắc Việc",
      username: options.botInfo?.username ?? "nhacviec_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    server.on("request", (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((err: unknown) => {
        // Last resort: never let a handler bug crash the test process.
        if (!res.headersSent && !res.destroyed) {
          const description = `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`;
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error_code: 500, description }));
        }
      });
    });
  }

  // ----- configuration at run time

  /** Changes the server-side latency for subsequent requests. */
  setLatency(ms: number): void {
    this.options.latencyMs = Math.max(0, ms);
  }

  /** Turns flood-limit enforcement on or off. */
  setEnforceLimits(on: boolean): void {
    this.options.enforceLimits = on;
  }

  /** Current limit settings (resolved defaults). */
  get limits(): Readonly<Omit<ResolvedOptions, "token" | "latencyMs" | "maxPollSeconds">> {
    const { token: _t, latencyMs: _l, maxPollSeconds: _m, ...rest } = this.options;
    return rest;
  }

  // ----- fault injection

  /** The next `count` calls of `method` ("*" = any method) get `fault`. */
  failNext(method: string, fault: Fault, count = 1): void {
    const key = method === "*" ? "*" : method.toLowerCase();
    const list = this.methodFaults.get(key) ?? [];
    list.push({ fault, remaining: count });
    this.methodFaults.set(key, list);
  }

  /**
   * Calls addressed to `chatId` (any method with that chat_id, or only `methods`) get `fault`,
   * `count` times or "always" (e.g. a user who blocked the bot).
   */
  failChat(
    chatId: number,
    fault: Fault,
    count: number | "always" = "always",
    methods?: readonly string[],
  ): void {
    const list = this.chatFaults.get(chatId) ?? [];
    list.push({
      fault,
      remaining: count,
      methods: methods ? new Set(methods.map((m) => m.toLowerCase())) : undefined,
    });
    this.chatFaults.set(chatId, list);
  }

  /** Removes every injected fault (or only those of one chat). */
  clearFaults(chatId?: number): void {
    if (chatId === undefined) {
      this.methodFaults = new Map();
      this.chatFaults = new Map();
    } else {
      this.chatFaults.delete(chatId);
    }
  }

  // ----- injection

  /** Enqueues a `message` update from a user (private chat by default) and returns it. */
  sendUserMessage(input: UserMessageInput): Update {
    const user = this.rememberUser(input.userId, input.firstName, input.username, input.lastName);
    const chatId = input.chatId ?? input.userId;
    const message: Message & Update.NonChannel = {
      message_id: this.allocMessageId(chatId),
      from: user,
      chat: this.chatFor(chatId),
      date: input.date ?? this.nowSeconds(),
      text: input.text,
    };
    const entities = commandEntities(input.text);
    if (entities.length > 0) message.entities = entities;
    if (input.replyToMessageId !== undefined) {
      message.reply_to_message = this.replyTarget(chatId, input.replyToMessageId);
    }
    this.store.set(this.key(chatId, message.message_id), {
      message,
      fromBot: false,
      rawText: input.text,
      parseMode: undefined,
      markupJson: "",
      sent: undefined,
    });
    return this.enqueue({ update_id: this.nextUpdateId++, message }, false);
  }

  /** Enqueues an `edited_message` update for a message the user sent earlier and returns it. */
  editUserMessage(input: EditUserMessageInput): Update {
    const user = this.rememberUser(input.userId, input.firstName, input.username);
    const chatId = input.chatId ?? input.userId;
    const editDate = input.editDate ?? this.nowSeconds();
    const stored = this.store.get(this.key(chatId, input.messageId));
    const base: Message = stored?.message ?? {
      message_id: input.messageId,
      chat: this.chatFor(chatId),
      date: editDate,
    };
    const edited: Message & Update.Edited & Update.NonChannel = {
      ...base,
      from: user,
      chat: this.chatFor(chatId),
      text: input.text,
      edit_date: editDate,
    };
    const entities = commandEntities(input.text);
    if (entities.length > 0) edited.entities = entities;
    else delete edited.entities;
    if (stored) {
      stored.message = edited;
      stored.rawText = input.text;
    }
    return this.enqueue({ update_id: this.nextUpdateId++, edited_message: edited }, false);
  }

  /**
   * Enqueues a `callback_query` as if the user pressed an inline button under message `messageId`.
   * The data is not checked against the keyboard, so tests can also forge stale or bogus presses.
   */
  pressButton(input: PressButtonInput): Update {
    const user = this.rememberUser(input.userId, input.firstName, input.username);
    const chatId = input.chatId ?? input.userId;
    const id = String(4_000_000_000 + this.nextCallbackId++);
    this.pendingCallbackIds.add(id);
    const message: Message = this.store.get(this.key(chatId, input.messageId))?.message ?? {
      message_id: input.messageId,
      chat: this.chatFor(chatId),
      date: this.nowSeconds(),
      from: this.bot,
    };
    return this.enqueue(
      {
        update_id: this.nextUpdateId++,
        callback_query: { id, from: user, message, chat_instance: `ci${chatId}`, data: input.data },
      },
      false,
    );
  }

  /**
   * Enqueues an arbitrary update. Without `update_id` the next id is used. It is delivered on the next
   * getUpdates even if the bot's offset already passed its id (to deliver the same update twice).
   */
  enqueueRawUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const full: Update = { ...update, update_id: update.update_id ?? this.nextUpdateId };
    if (full.update_id >= this.nextUpdateId) this.nextUpdateId = full.update_id + 1;
    if (full.callback_query) this.pendingCallbackIds.add(full.callback_query.id);
    return this.enqueue(full, true);
  }

  /** Updates enqueued but not yet confirmed by the bot (getUpdates offset). */
  get pendingUpdateCount(): number {
    return this.queue.length;
  }

  /** The webhook URL set by the bot, if any. */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  // ----- recordings

  /** Messages the bot sent (sendMessage, sendDocument), optionally for one chat, in order. */
  sentMessages(chatId?: number): SentMessage[] {
    return chatId === undefined ? [...this.sent] : this.sent.filter((m) => m.chatId === chatId);
  }

  /** Calls of one method (case-insensitive), in order. */
  callsOf(method: string): RecordedCall[] {
    const lower = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === lower);
  }

  /** The number of messages recorded so far; pass it as `since` to wait only for later messages. */
  checkpoint(): number {
    return this.sent.length;
  }

  /**
   * Resolves with the first sent message (from position `since`, default: all since the last reset,
   * including those already sent) that matches `predicate`; rejects after `timeoutMs` listing what was sent.
   */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs = 5000, since = 0): Promise<SentMessage> {
    return this.waitForMatch(predicate, timeoutMs, since, "a matching sent message");
  }

  /** Like `waitFor`, for a message into `chatId` (optionally also matching `predicate`). */
  waitForMessage(
    chatId: number,
    predicate?: (m: SentMessage) => boolean,
    timeoutMs = 5000,
    since = 0,
  ): Promise<SentMessage> {
    return this.waitForMatch(
      (m) => m.chatId === chatId && (predicate === undefined || predicate(m)),
      timeoutMs,
      since,
      `a${predicate ? " matching" : ""} message to chat ${chatId}`,
    );
  }

  /** Resolves when a call matching `predicate` has been answered (from call index `since`). */
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs = 5000, since = 0): Promise<RecordedCall> {
    for (let i = since; i < this.calls.length; i++) {
      const call = this.calls[i];
      if (call !== undefined && call.status !== 0 && predicate(call)) return Promise.resolve(call);
    }
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: Waiter<RecordedCall> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.callWaiters.delete(waiter);
          const recent = this.calls.slice(-20).map((c) => `  ${c.method} -> ${c.status || "dropped"}`);
          reject(
            new Error(
              `FakeTelegram: timed out after ${timeoutMs} ms waiting for a matching call. ${this.calls.length} call(s) received${recent.length > 0 ? ` (last ${recent.length}):\n${recent.join("\n")}` : "."}`,
            ),
          );
        }, timeoutMs),
      };
      this.callWaiters.add(waiter);
    });
  }

  /** Clears recordings, faults, stats and flood-limit state. Keeps pending updates, ids and stored messages. */
  reset(): void {
    this.calls.length = 0;
    this.sent = [];
    Object.assign(this.stats, emptyStats());
    this.methodFaults = new Map();
    this.chatFaults = new Map();
    this.buckets.clear();
    this.groupWindows.clear();
    this.globalWindow = new SlidingWindow();
  }

  /** Stops the server, ends pending long polls and rejects pending waits. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.pollWakers) wake();
    for (const w of this.messageWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error("FakeTelegram closed while waiting for a message"));
    }
    for (const w of this.callWaiters) {
      clearTimeout(w.timer);
      w.reject(new Error("FakeTelegram closed while waiting for a call"));
    }
    this.messageWaiters.clear();
    this.callWaiters.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ----- HTTP handling

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests++;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    const body = await this.readBody(req, res);
    if (body === undefined) return;
    if (match === null) {
      this.writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = decodeURIComponent(match[1] ?? "");
    const methodRaw = match[2] ?? "";
    if (this.options.token !== undefined && token !== this.options.token) {
      this.writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }

    const call: RecordedCall = { method: methodRaw, params: {}, time: Date.now(), status: 0, files: [] };
    this.calls.push(call);
    try {
      const queryParams: Params = {};
      for (const [k, v] of url.searchParams) queryParams[k] = coerceFormValue(k, v);
      const parsed = parseBody(headerValue(req.headers["content-type"]), body);
      call.params = { ...queryParams, ...parsed.params };
      call.files = parsed.files;

      const method = METHOD_BY_LOWER.get(methodRaw.toLowerCase());
      if (method === undefined) throw new ApiError(404, "Not Found: method not found");
      call.method = method;

      if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);

      const fault = this.takeFault(method, call.params);
      if (fault !== undefined) {
        this.stats.faultsInjected++;
        if (fault.kind === "drop") {
          call.error = "dropped connection";
          res.destroy();
          req.socket.destroy();
          this.notifyCall(call);
          return;
        }
        if (fault.kind === "html") {
          call.status = fault.status;
          call.error = "html error page";
          res.writeHead(fault.status, { "content-type": "text/html" });
          res.end(`<html><body><h1>${fault.status}</h1></body></html>`);
          this.notifyCall(call);
          return;
        }
        if (fault.kind === "delay") await sleep(fault.ms);
        else throw this.faultError(fault);
      }

      const result = await this.dispatch(method, { params: call.params, files: call.files, res });
      this.respond(res, call, 200, { ok: true, result });
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 429) this.stats.tooManyRequests++;
        const payload: Record<string, unknown> = {
          ok: false,
          error_code: err.status,
          description: err.message,
        };
        if (err.parameters !== undefined) payload.parameters = err.parameters;
        call.error = err.message;
        this.respond(res, call, err.status, payload);
      } else {
        const description = `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`;
        call.error = description;
        this.respond(res, call, 500, { ok: false, error_code: 500, description });
      }
    }
  }

  private readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on("end", () => {
        if (tooLarge) {
          this.writeJson(res, 413, { ok: false, error_code: 413, description: "Request Entity Too Large" });
          resolve(undefined);
        } else {
          resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
        }
      });
      req.on("error", () => resolve(undefined));
    });
  }

  private respond(res: ServerResponse, call: RecordedCall, status: number, payload: unknown): void {
    call.status = status;
    this.writeJson(res, status, payload);
    this.notifyCall(call);
  }

  private writeJson(res: ServerResponse, status: number, payload: unknown): void {
    if (res.destroyed || res.headersSent) return;
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  }

  private faultError(
    fault: Exclude<Fault, { kind: "drop" } | { kind: "delay" } | { kind: "html" }>,
  ): ApiError {
    switch (fault.kind) {
      case "http":
        return new ApiError(fault.status, fault.description ?? defaultDescription(fault.status));
      case "retryAfter":
        return new ApiError(429, `Too Many Requests: retry after ${fault.seconds}`, {
          retry_after: fault.seconds,
        });
      case "blocked":
        return new ApiError(403, "Forbidden: bot was blocked by the user");
    }
  }

  private takeFault(method: string, params: Params): Fault | undefined {
    const lower = method.toLowerCase();
    for (const key of [lower, "*"]) {
      const list = this.methodFaults.get(key);
      const entry = list?.[0];
      if (list !== undefined && entry !== undefined) {
        entry.remaining--;
        if (entry.remaining <= 0) list.shift();
        return entry.fault;
      }
    }
    const chatId = toInt(params.chat_id);
    if (chatId === undefined) return undefined;
    const list = this.chatFaults.get(chatId);
    if (list === undefined) return undefined;
    const index = list.findIndex((f) => f.methods === undefined || f.methods.has(lower));
    const entry = list[index];
    if (entry === undefined) return undefined;
    if (entry.remaining !== "always") {
      entry.remaining--;
      if (entry.remaining <= 0) list.splice(index, 1);
    }
    return entry.fault;
  }

  private dispatch(method: MethodName, ctx: HandlerContext): unknown {
    const p = ctx.params;
    switch (method) {
      case "getMe":
        return this.bot;
      case "deleteWebhook":
        this.webhook = undefined;
        if (toBool(p.drop_pending_updates)) this.queue = [];
        return true;
      case "setWebhook": {
        const url = typeof p.url === "string" ? p.url : "";
        this.webhook =
          url === ""
            ? undefined
            : { url, secretToken: typeof p.secret_token === "string" ? p.secret_token : undefined };
        if (toBool(p.drop_pending_updates)) this.queue = [];
        return true;
      }
      case "getWebhookInfo": {
        const info: WebhookInfo = {
          url: this.webhook?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
        };
        return info;
      }
      case "setMyCommands":
        return this.setMyCommands(p);
      case "getMyCommands":
        return this.commands.get(this.commandsKey(p)) ?? [];
      case "deleteMyCommands":
        this.commands.delete(this.commandsKey(p));
        return true;
      case "getUpdates":
        return this.getUpdates(p, ctx.res);
      case "sendMessage":
        return this.sendMessage(p);
      case "sendDocument":
        return this.sendDocument(p, ctx.files);
      case "editMessageText":
        return this.editMessage(p, "text");
      case "editMessageReplyMarkup":
        return this.editMessage(p, "markup");
      case "answerCallbackQuery": {
        const id =
          typeof p.callback_query_id === "string" ? p.callback_query_id : String(p.callback_query_id ?? "");
        if (!this.pendingCallbackIds.delete(id)) {
          throw badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        return true;
      }
      case "sendChatAction":
        this.requireChatId(p);
        if (typeof p.action !== "string" || p.action === "") throw badRequest("action is empty");
        return true;
      case "deleteMessage": {
        const chatId = this.requireChatId(p);
        const messageId = toInt(p.message_id);
        const key = this.key(chatId, messageId ?? -1);
        const stored = this.store.get(key);
        if (stored === undefined) throw badRequest("message to delete not found");
        this.store.delete(key);
        if (stored.sent) stored.sent.deleted = true;
        return true;
      }
    }
  }

  // ----- methods

  private commandsKey(p: Params): string {
    return `${JSON.stringify(p.scope ?? { type: "default" })}|${typeof p.language_code === "string" ? p.language_code : ""}`;
  }

  private setMyCommands(p: Params): true {
    const list = p.commands;
    if (!Array.isArray(list)) throw badRequest('field "commands" must be an Array');
    const commands: BotCommand[] = [];
    for (const item of list) {
      if (!isRecord(item) || typeof item.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(item.command)) {
        throw badRequest("BOT_COMMAND_INVALID");
      }
      if (
        typeof item.description !== "string" ||
        item.description.length < 1 ||
        item.description.length > 256
      ) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      commands.push({ command: item.command, description: item.description });
    }
    if (commands.length > 100) throw badRequest("too many commands");
    this.commands.set(this.commandsKey(p), commands);
    return true;
  }

  private async getUpdates(p: Params, res: ServerResponse): Promise<Update[]> {
    if (this.webhook !== undefined) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    // Like Telegram, a new getUpdates request ends the one still waiting with 409.
    this.activePoll?.terminate();
    this.activePoll = undefined;

    const offset = toInt(p.offset);
    const limit = Math.min(100, Math.max(1, toInt(p.limit) ?? 100));
    const timeoutSec = Math.max(0, toInt(p.timeout) ?? 0);
    if (offset !== undefined) this.confirm(offset);

    const batch = this.collect(limit);
    const holdMs = Math.min(timeoutSec, this.options.maxPollSeconds) * 1000;
    if (batch.length > 0 || holdMs <= 0 || this.closed) return batch;

    const outcome = await new Promise<"ready" | "terminated">((resolve) => {
      let done = false;
      const finish = (how: "ready" | "terminated"): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pollWakers.delete(wake);
        res.off("close", onClose);
        if (this.activePoll === poll) this.activePoll = undefined;
        resolve(how);
      };
      const wake = (): void => finish("ready");
      const onClose = (): void => finish("ready");
      const poll: ActivePoll = { terminate: () => finish("terminated") };
      const timer = setTimeout(wake, holdMs);
      this.pollWakers.add(wake);
      res.on("close", onClose); // the client gave up (grammY aborts the poll on bot.stop())
      this.activePoll = poll;
    });
    if (outcome === "terminated") {
      throw new ApiError(
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      );
    }
    return res.destroyed ? [] : this.collect(limit);
  }

  /** Forgets updates below `offset` (negative: keep only the last |offset|), as Telegram does. */
  private confirm(offset: number): void {
    if (offset < 0) {
      this.queue = this.queue.slice(offset);
      return;
    }
    if (this.queue.length === 0) return;
    this.queue = this.queue.filter((q) => q.update.update_id >= offset || (q.forced && !q.delivered));
  }

  private collect(limit: number): Update[] {
    const batch: Update[] = [];
    for (const q of this.queue) {
      if (batch.length >= limit) break;
      q.delivered = true;
      batch.push(q.update);
    }
    return batch;
  }

  private enqueue(update: Update, forced: boolean): Update {
    this.queue.push({ update, forced, delivered: false });
    for (const wake of [...this.pollWakers]) wake();
    return update;
  }

  private sendMessage(p: Params): Message {
    const chatId = this.requireChatId(p);
    const raw = typeof p.text === "string" ? p.text : p.text === undefined ? "" : String(p.text);
    const plain = renderText(raw, p.parse_mode);
    if (plain.trim() === "") throw badRequest("message text is empty");
    if (plain.length > 4096) throw badRequest("message is too long");
    checkReplyMarkup(p.reply_markup);
    const replyTo = this.replyParameter(chatId, p);
    this.admit(chatId);

    const message: Message = this.newBotMessage(chatId);
    message.text = plain;
    const markup = inlineMarkup(p.reply_markup);
    if (markup) message.reply_markup = markup;
    if (replyTo) message.reply_to_message = replyTo;
    const record = this.record("sendMessage", chatId, message, p, {
      text: raw,
      parseMode: typeof p.parse_mode === "string" ? p.parse_mode : undefined,
    });
    this.store.set(this.key(chatId, message.message_id), {
      message,
      fromBot: true,
      rawText: raw,
      parseMode: record.parseMode,
      markupJson: JSON.stringify(markup ?? null),
      sent: record,
    });
    return message;
  }

  private sendDocument(p: Params, files: ReceivedFile[]): Message {
    const chatId = this.requireChatId(p);
    const file = this.resolveDocument(p.document, files);
    const rawCaption = typeof p.caption === "string" ? p.caption : undefined;
    const caption = rawCaption === undefined ? undefined : renderText(rawCaption, p.parse_mode);
    if (caption !== undefined && caption.length > 1024) throw badRequest("message caption is too long");
    checkReplyMarkup(p.reply_markup);
    const replyTo = this.replyParameter(chatId, p);
    this.admit(chatId);

    const fileId = `BQACAgIAAxkBAAI${this.nextFileId++}`;
    const document: Document = {
      file_id: fileId,
      file_unique_id: `AgAD${fileId.slice(-8)}`,
      file_name: file.filename,
      mime_type: mimeFor(file.filename, file.contentType),
    };
    if (file.bytes) {
      document.file_size = file.bytes.length;
      this.uploadedFiles.set(fileId, {
        field: "document",
        filename: file.filename,
        contentType: document.mime_type ?? "application/octet-stream",
        bytes: file.bytes,
      });
    }
    const message: Message = this.newBotMessage(chatId);
    message.document = document;
    if (caption !== undefined) message.caption = caption;
    const markup = inlineMarkup(p.reply_markup);
    if (markup) message.reply_markup = markup;
    if (replyTo) message.reply_to_message = replyTo;
    const doc: NonNullable<SentMessage["document"]> = { filename: file.filename };
    if (file.bytes) doc.bytes = file.bytes;
    if (file.contentType) doc.contentType = file.contentType;
    if (file.reference) doc.reference = file.reference;
    const record = this.record("sendDocument", chatId, message, p, {
      caption: rawCaption,
      parseMode: typeof p.parse_mode === "string" ? p.parse_mode : undefined,
      document: doc,
    });
    this.store.set(this.key(chatId, message.message_id), {
      message,
      fromBot: true,
      rawText: rawCaption,
      parseMode: record.parseMode,
      markupJson: JSON.stringify(markup ?? null),
      sent: record,
    });
    return message;
  }

  private resolveDocument(
    value: unknown,
    files: ReceivedFile[],
  ): { filename: string; bytes?: Buffer; contentType?: string; reference?: string } {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const field = value.slice("attach://".length);
      const file = files.find((f) => f.field === field);
      if (file === undefined) throw badRequest(`file "${field}" is not found in the request`);
      return { filename: file.filename, bytes: file.bytes, contentType: file.contentType };
    }
    const direct = files.find((f) => f.field === "document");
    if (direct !== undefined)
      return { filename: direct.filename, bytes: direct.bytes, contentType: direct.contentType };
    if (typeof value === "string" && value !== "") {
      const known = this.uploadedFiles.get(value);
      if (known)
        return {
          filename: known.filename,
          bytes: known.bytes,
          contentType: known.contentType,
          reference: value,
        };
      if (/^https?:\/\//.test(value)) {
        const name = decodeURIComponent(new URL(value).pathname.split("/").pop() ?? "") || "document";
        return { filename: name, reference: value };
      }
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    throw badRequest("there is no document in the request");
  }

  private editMessage(p: Params, what: "text" | "markup"): Message {
    if (p.inline_message_id !== undefined) throw badRequest("message to edit not found");
    const chatId = this.requireChatId(p);
    const stored = this.store.get(this.key(chatId, toInt(p.message_id) ?? -1));
    if (stored === undefined) throw badRequest("message to edit not found");
    if (!stored.fromBot) throw badRequest("message can't be edited");
    checkReplyMarkup(p.reply_markup);
    const markup = inlineMarkup(p.reply_markup);
    const markupJson = JSON.stringify(markup ?? null);
    const message = stored.message;

    if (what === "text") {
      if (message.text === undefined) throw badRequest("there is no text in the message to edit");
      const raw = typeof p.text === "string" ? p.text : "";
      const parseMode = typeof p.parse_mode === "string" ? p.parse_mode : undefined;
      const plain = renderText(raw, parseMode);
      if (plain.trim() === "") throw badRequest("message text is empty");
      if (plain.length > 4096) throw badRequest("message is too long");
      if (raw === stored.rawText && parseMode === stored.parseMode && markupJson === stored.markupJson) {
        throw this.notModified();
      }
      message.text = plain;
      stored.rawText = raw;
      stored.parseMode = parseMode;
    } else if (markupJson === stored.markupJson) {
      throw this.notModified();
    }
    // Like Telegram, an edit without reply_markup removes the inline keyboard.
    if (markup) message.reply_markup = markup;
    else delete message.reply_markup;
    stored.markupJson = markupJson;
    message.edit_date = this.nowSeconds();
    return message;
  }

  private notModified(): ApiError {
    return badRequest(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
  }

  // ----- flood limits

  /**
   * Admits one outgoing message into `chatId` or throws 429 with retry_after, like Telegram:
   * - overall: at most `globalPerSecond` in any sliding 1 s window;
   * - private chats: a token bucket refilled at `perChatPerSecond` holding up to `perChatBurst` tokens.
   *   Real Telegram tolerates short bursts in private chats (a bot answering several times at once is
   *   fine; only sustained >1/s gets 429), so the default burst is 10, enough for a quick conversational
   *   test yet caught by a bot that floods a chat. Delivery tests use burst 1 (`STRICT_LIMITS`) for the
   *   strict 1/s rule;
   * - groups (chat id < 0): at most `perGroupPerMinute` in any sliding 60 s window.
   * `limitToleranceMs` forgives network jitter without raising the sustained rate.
   * Rejected requests consume nothing.
   */
  private admit(chatId: number): void {
    if (!this.options.enforceLimits) {
      this.stats.accepted++;
      return;
    }
    const o = this.options;
    const now = performance.now();
    const tol = o.limitToleranceMs;
    let retryMs = 0;

    let group: SlidingWindow | undefined;
    let bucket: TokenBucket | undefined;
    if (chatId < 0) {
      if (isActiveRate(o.perGroupPerMinute)) {
        const windowMs = Math.max(1, 60_000 - tol);
        group = this.groupWindows.get(chatId);
        if (group === undefined) {
          group = new SlidingWindow();
          this.groupWindows.set(chatId, group);
        }
        if (group.count(now, windowMs) >= o.perGroupPerMinute) {
          retryMs = Math.max(retryMs, (group.oldest() ?? now) + windowMs - now);
        }
      }
    } else if (isActiveRate(o.perChatPerSecond)) {
      bucket = this.buckets.get(chatId);
      if (bucket === undefined) {
        bucket = { tokens: o.perChatBurst, last: now };
        this.buckets.set(chatId, bucket);
      }
      bucket.tokens = Math.min(
        o.perChatBurst,
        bucket.tokens + ((now - bucket.last) / 1000) * o.perChatPerSecond,
      );
      bucket.last = now;
      const slack = (tol / 1000) * o.perChatPerSecond;
      if (bucket.tokens + slack < 1) {
        retryMs = Math.max(retryMs, ((1 - slack - bucket.tokens) / o.perChatPerSecond) * 1000);
      }
    }
    const globalWindowMs = Math.max(1, 1000 - tol);
    if (
      isActiveRate(o.globalPerSecond) &&
      this.globalWindow.count(now, globalWindowMs) >= o.globalPerSecond
    ) {
      retryMs = Math.max(retryMs, (this.globalWindow.oldest() ?? now) + globalWindowMs - now);
    }

    if (retryMs > 0) {
      const seconds = Math.max(1, Math.ceil(retryMs / 1000));
      this.stats.rateLimited++;
      throw new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
    }
    group?.push(now);
    if (bucket) bucket.tokens -= 1;
    if (isActiveRate(o.globalPerSecond)) this.globalWindow.push(now);
    this.stats.accepted++;
  }

  // ----- helpers

  private requireChatId(p: Params): number {
    if (p.chat_id === undefined || p.chat_id === "") throw badRequest("chat_id is empty");
    const id = toInt(p.chat_id);
    if (id === undefined) throw badRequest("chat not found");
    return id;
  }

  private replyParameter(chatId: number, p: Params): (Message & { reply_to_message: undefined }) | undefined {
    const params = isRecord(p.reply_parameters) ? p.reply_parameters : undefined;
    const id = toInt(params?.message_id ?? p.reply_to_message_id);
    if (id === undefined) return undefined;
    const stored = this.store.get(this.key(chatId, id));
    if (stored === undefined) {
      if (toBool(params?.allow_sending_without_reply ?? p.allow_sending_without_reply)) return undefined;
      throw badRequest("message to be replied not found");
    }
    return this.withoutReply(stored.message);
  }

  private replyTarget(chatId: number, messageId: number): Message & { reply_to_message: undefined } {
    const stored = this.store.get(this.key(chatId, messageId));
    if (stored) return this.withoutReply(stored.message);
    return {
      message_id: messageId,
      chat: this.chatFor(chatId),
      date: this.nowSeconds(),
      reply_to_message: undefined,
    };
  }

  /** Telegram nests reply_to_message only one level deep. */
  private withoutReply(message: Message): Message & { reply_to_message: undefined } {
    const { reply_to_message: _nested, ...rest } = message;
    return { ...rest, reply_to_message: undefined };
  }

  private newBotMessage(chatId: number): Message {
    return {
      message_id: this.allocMessageId(chatId),
      from: this.bot,
      chat: this.chatFor(chatId),
      date: this.nowSeconds(),
    };
  }

  private record(
    method: SentMessage["method"],
    chatId: number,
    message: Message,
    params: Params,
    extra: Pick<SentMessage, "text" | "caption" | "parseMode" | "document">,
  ): SentMessage {
    const record: SentMessage = {
      seq: this.sent.length,
      method,
      chatId,
      messageId: message.message_id,
      message,
      params,
      time: Date.now(),
      deleted: false,
    };
    if (extra.text !== undefined) record.text = extra.text;
    if (extra.caption !== undefined) record.caption = extra.caption;
    if (extra.parseMode !== undefined) record.parseMode = extra.parseMode;
    if (extra.document !== undefined) record.document = extra.document;
    const markup = params.reply_markup;
    if (isRecord(markup)) record.replyMarkup = inlineMarkup(markup) ?? markup;
    this.sent.push(record);
    this.notifyMessage(record);
    return record;
  }

  private waitForMatch(
    predicate: (m: SentMessage) => boolean,
    timeoutMs: number,
    since: number,
    what: string,
  ): Promise<SentMessage> {
    for (let i = Math.max(0, since); i < this.sent.length; i++) {
      const m = this.sent[i];
      if (m !== undefined && predicate(m)) return Promise.resolve(m);
    }
    return new Promise<SentMessage>((resolve, reject) => {
      const waiter: Waiter<SentMessage> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.messageWaiters.delete(waiter);
          reject(
            new Error(
              `FakeTelegram: timed out after ${timeoutMs} ms waiting for ${what}. ${this.describeSent()}`,
            ),
          );
        }, timeoutMs),
      };
      this.messageWaiters.add(waiter);
    });
  }

  private describeSent(): string {
    const lines: string[] = [];
    if (this.sent.length === 0) lines.push("The bot sent no messages.");
    else {
      const shown = this.sent.slice(-20);
      lines.push(
        `The bot sent ${this.sent.length} message(s)${shown.length < this.sent.length ? ` (last ${shown.length})` : ""}:`,
      );
      for (const m of shown) {
        const body = m.text ?? (m.document ? `[document ${m.document.filename}] ${m.caption ?? ""}` : "");
        const short = body.length > 160 ? `${body.slice(0, 157)}...` : body;
        lines.push(`  #${m.seq} chat ${m.chatId} msg ${m.messageId} ${m.method}: ${JSON.stringify(short)}`);
      }
    }
    const failed = this.calls.filter((c) => c.status !== 200 && c.status !== 0).slice(-5);
    if (failed.length > 0) {
      lines.push("Recent failed calls:");
      for (const c of failed) lines.push(`  ${c.method} -> ${c.status} ${c.error ?? ""}`);
    }
    return lines.join("\n");
  }

  private notifyMessage(m: SentMessage): void {
    this.notify(this.messageWaiters, m);
  }

  private notifyCall(c: RecordedCall): void {
    this.notify(this.callWaiters, c);
  }

  private notify<T>(waiters: Set<Waiter<T>>, item: T): void {
    if (waiters.size === 0) return;
    for (const w of [...waiters]) {
      let matched: boolean;
      try {
        matched = w.predicate(item);
      } catch (err) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (matched) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(item);
      }
    }
  }

  private rememberUser(userId: number, firstName?: string, username?: string, lastName?: string): User {
    const prev = this.users.get(userId);
    const user: User = {
      id: userId,
      is_bot: false,
      first_name: firstName ?? prev?.first_name ?? `User ${userId}`,
      language_code: "vi",
    };
    const name = username ?? prev?.username;
    if (name !== undefined) user.username = name;
    const last = lastName ?? prev?.last_name;
    if (last !== undefined) user.last_name = last;
    this.users.set(userId, user);
    return user;
  }

  private chatFor(chatId: number): NonChannelChat {
    if (chatId > 0) {
      const user = this.users.get(chatId);
      const chat: Chat.PrivateChat = {
        id: chatId,
        type: "private",
        first_name: user?.first_name ?? `User ${chatId}`,
      };
      if (user?.username !== undefined) chat.username = user.username;
      if (user?.last_name !== undefined) chat.last_name = user.last_name;
      return chat;
    }
    if (chatId <= -1_000_000_000_000)
      return { id: chatId, type: "supergroup", title: `Supergroup ${-chatId}` };
    return { id: chatId, type: "group", title: `Group ${-chatId}` };
  }

  private allocMessageId(chatId: number): number {
    const id = this.nextMessageIds.get(chatId) ?? this.firstMessageId;
    this.nextMessageIds.set(chatId, id + 1);
    return id;
  }

  private key(chatId: number, messageId: number): string {
    return `${chatId}:${messageId}`;
  }

  private nowSeconds(): number {
    return Math.floor(Date.now() / 1000);
  }
}

/** Starts a fake Telegram Bot API on 127.0.0.1 with a free port. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const server = createServer();
  // Longer than any idle gap in a test, so a keep-alive socket is not closed while the client reuses it.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return new FakeTelegram(server, address.port, options);
}

/** A random token in Telegram's format, for tests that want a distinct one. */
export function randomBotToken(botId = 123456789): string {
  return `${botId}:${randomBytes(24).toString("base64url").slice(0, 35)}`;
}
