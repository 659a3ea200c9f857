// A fake Telegram Bot API server for tests and benchmarks. The real bot (grammY) talks to it over real
// HTTP via the client option `apiRoot` (env TELEGRAM_API_ROOT). It records every call, lets tests inject
// user updates, enforces Telegram's flood limits and can inject faults. Only `node:http` is used.
// Its parts: server.ts (HTTP, routing), methods.ts (the Bot API methods), update-queue.ts (getUpdates),
// flood-limits.ts, faults.ts, multipart.ts and request-body.ts, html-entities.ts, chats.ts, recorder.ts.
import type { Server } from "node:http";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { Chats, nowSeconds } from "./chats.ts";
import { Faults } from "./faults.ts";
import { FloodLimits } from "./flood-limits.ts";
import { commandEntities } from "./html-entities.ts";
import type { BotApiState } from "./methods.ts";
import { Recorder } from "./recorder.ts";
import { listen, type Routing, route } from "./server.ts";
import type {
  EditUserMessageInput,
  FakeStats,
  FakeTelegramOptions,
  Fault,
  PressButtonInput,
  RecordedCall,
  SentMessage,
  UserMessageInput,
} from "./types.ts";
import { UpdateQueue } from "./update-queue.ts";

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
} from "./types.ts";

/** Options for delivery tests: the strict 1 message/s per private chat rule, no burst. */
export const STRICT_LIMITS = { enforceLimits: true, perChatBurst: 1 } as const satisfies FakeTelegramOptions;

// Shaped like a real @BotFather token (35 characters after the colon): the bot's config checks the shape.
export const DEFAULT_TOKEN = "123456789:TEST-nhacviec-fake-token-0123456789";

function botFor(token: string): UserFromGetMe {
  const idFromToken = Number(token.split(":")[0]);
  return {
    id: Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : 123456789,
    is_bot: true,
    first_name: "Nhắc Việc",
    username: "nhacviec_test_bot",
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
}

export class FakeTelegram {
  /** e.g. "http://127.0.0.1:41234"; pass as grammY's `client.apiRoot` / TELEGRAM_API_ROOT. */
  readonly apiRoot: string;
  /** A well-formed token to give the bot (the configured one if `options.token` was set). */
  readonly token: string;
  readonly bot: UserFromGetMe;
  readonly stats: FakeStats = {
    accepted: 0,
    tooManyRequests: 0,
    rateLimited: 0,
    faultsInjected: 0,
    requests: 0,
  };

  private readonly server: Server;
  private readonly state: BotApiState;
  private readonly routing: Routing;
  private readonly faults = new Faults();
  private nextCallbackId = 1;
  private closed = false;

  /** Use `startFakeTelegram()`. */
  constructor(server: Server, port: number, options: FakeTelegramOptions) {
    this.server = server;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    this.bot = botFor(this.token);
    this.state = {
      bot: this.bot,
      chats: new Chats(options.firstMessageId ?? 1),
      updates: new UpdateQueue(),
      limits: new FloodLimits({
        enforce: options.enforceLimits ?? true,
        globalPerSecond: options.globalPerSecond ?? 30,
        perChatBurst: Math.max(1, options.perChatBurst ?? 10),
      }),
      recorder: new Recorder(),
      stats: this.stats,
      callbacks: new Set(),
      webhook: undefined,
    };
    this.routing = {
      state: this.state,
      faults: this.faults,
      token: options.token,
      latencyMs: Math.max(0, options.latencyMs ?? 0),
    };
    route(server, this.routing);
  }

  /** Every call received, in arrival order. */
  get calls(): readonly RecordedCall[] {
    return this.state.recorder.calls;
  }

  /** Changes the server-side latency for subsequent requests. */
  setLatency(ms: number): void {
    this.routing.latencyMs = Math.max(0, ms);
  }

  // ----- fault injection

  /** The next `count` calls of `method` ("*" = any method) get `fault`. */
  failNext(method: string, fault: Fault, count = 1): void {
    this.faults.failNext(method, fault, count);
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
    this.faults.failChat(chatId, fault, count, methods);
  }

  /** Removes every injected fault (or only those of one chat). */
  clearFaults(chatId?: number): void {
    this.faults.clear(chatId);
  }

  // ----- injection

  /** Enqueues a `message` update from a user (private chat by default) and returns it. */
  sendUserMessage(input: UserMessageInput): Update {
    const { chats } = this.state;
    const user = chats.rememberUser(input.userId, input.firstName);
    const chatId = input.chatId ?? input.userId;
    const message: Message & Update.NonChannel = {
      message_id: chats.allocMessageId(chatId),
      from: user,
      chat: chats.chatFor(chatId),
      date: input.date ?? nowSeconds(),
      text: input.text,
    };
    const entities = commandEntities(input.text);
    if (entities.length > 0) message.entities = entities;
    if (input.replyToMessageId !== undefined) {
      message.reply_to_message = chats.replyTarget(chatId, input.replyToMessageId);
    }
    chats.store(message);
    return this.state.updates.push((update_id) => ({ update_id, message }));
  }

  /** Enqueues an `edited_message` update for a message the user sent earlier and returns it. */
  editUserMessage(input: EditUserMessageInput): Update {
    const { chats } = this.state;
    const user = chats.rememberUser(input.userId, input.firstName);
    const chatId = input.chatId ?? input.userId;
    const editDate = input.editDate ?? nowSeconds();
    const base: Message = chats.find(chatId, input.messageId) ?? {
      message_id: input.messageId,
      chat: chats.chatFor(chatId),
      date: editDate,
    };
    const edited: Message & Update.Edited & Update.NonChannel = {
      ...base,
      from: user,
      chat: chats.chatFor(chatId),
      text: input.text,
      edit_date: editDate,
    };
    const entities = commandEntities(input.text);
    if (entities.length > 0) edited.entities = entities;
    else delete edited.entities;
    chats.store(edited);
    return this.state.updates.push((update_id) => ({ update_id, edited_message: edited }));
  }

  /**
   * Enqueues a `callback_query` as if the user pressed an inline button under message `messageId`.
   * The data is not checked against the keyboard, so tests can also forge stale or bogus presses.
   */
  pressButton(input: PressButtonInput): Update {
    const { chats } = this.state;
    const user = chats.rememberUser(input.userId, input.firstName);
    const chatId = input.chatId ?? input.userId;
    const id = String(4_000_000_000 + this.nextCallbackId++);
    this.state.callbacks.add(id);
    const message: Message = chats.find(chatId, input.messageId) ?? {
      message_id: input.messageId,
      chat: chats.chatFor(chatId),
      date: nowSeconds(),
      from: this.bot,
    };
    return this.state.updates.push((update_id) => ({
      update_id,
      callback_query: { id, from: user, message, chat_instance: `ci${chatId}`, data: input.data },
    }));
  }

  /**
   * Enqueues an arbitrary update. Without `update_id` the next id is used. It is delivered on the next
   * getUpdates even if the bot's offset already passed its id (to deliver the same update twice).
   */
  enqueueRawUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    if (update.callback_query) this.state.callbacks.add(update.callback_query.id);
    return this.state.updates.pushRaw(update);
  }

  /** Updates enqueued but not yet confirmed by the bot (getUpdates offset). */
  get pendingUpdateCount(): number {
    return this.state.updates.pending;
  }

  // Kept for the webhook mode (issue 11): the webhook URL set by the bot, if any.
  get webhookUrl(): string | undefined {
    return this.state.webhook?.url;
  }

  // ----- recordings

  /** Messages the bot sent (sendMessage, sendDocument), optionally for one chat, in order. */
  sentMessages(chatId?: number): SentMessage[] {
    const { sent } = this.state.recorder;
    return chatId === undefined ? [...sent] : sent.filter((m) => m.chatId === chatId);
  }

  /** Calls of one method (case-insensitive), in order. */
  callsOf(method: string): RecordedCall[] {
    const lower = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === lower);
  }

  /** The number of messages recorded so far; pass it as `since` to wait only for later messages. */
  checkpoint(): number {
    return this.state.recorder.sent.length;
  }

  /**
   * Resolves with the first sent message (from position `since`, default: all, including those already
   * sent) that matches `predicate`; rejects after `timeoutMs` listing what was sent.
   */
  waitFor(predicate: (m: SentMessage) => boolean, timeoutMs = 5000, since = 0): Promise<SentMessage> {
    return this.state.recorder.waitForMessage(predicate, timeoutMs, since, "a matching sent message");
  }

  /** Like `waitFor`, for a message into `chatId` (optionally also matching `predicate`). */
  waitForMessage(
    chatId: number,
    predicate?: (m: SentMessage) => boolean,
    timeoutMs = 5000,
    since = 0,
  ): Promise<SentMessage> {
    return this.state.recorder.waitForMessage(
      (m) => m.chatId === chatId && (predicate === undefined || predicate(m)),
      timeoutMs,
      since,
      `a${predicate ? " matching" : ""} message to chat ${chatId}`,
    );
  }

  /** Resolves when a call matching `predicate` has been answered (from call index `since`). */
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs = 5000, since = 0): Promise<RecordedCall> {
    return this.state.recorder.waitForCall(predicate, timeoutMs, since);
  }

  /** Stops the server, ends pending long polls and rejects pending waits. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.state.updates.close();
    this.state.recorder.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** Starts a fake Telegram Bot API on 127.0.0.1 with a free port. */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const { server, port } = await listen();
  return new FakeTelegram(server, port, options);
}
