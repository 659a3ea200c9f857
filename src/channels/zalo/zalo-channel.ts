// The Zalo Bot Platform channel: a thin adapter that hands each text message to the conversation
// core, like Telegram's. Long polling asks for one update per call; a webhook hands the same update
// to `handleZaloUpdate`. Per chat, messages are read and stored in order and answered in order.
import type { Conversation } from "../../conversation/conversation.ts";
import type { SendPacer } from "../../delivery/send-pacer.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";
import type { IncomingMessage, Reply, ReplyDocument } from "../../messages.ts";
import { loadChoices, rememberChoices } from "../../store/chat-choices.ts";
import { numberChoices, readChoiceNumber } from "../numbered-choices.ts";
import type { GetMeAttempts } from "../telegram/bot-info.ts";
import { ChatLanes } from "../telegram/chat-lanes.ts";
import type { HandledUpdate } from "../telegram/update-poller.ts";
import type { ZaloApi } from "./zalo-api.ts";
import { fetchZaloBotInfo } from "./zalo-bot-info.ts";
import { startZaloPoller } from "./zalo-poller.ts";
import { zaloTextsOf } from "./zalo-render.ts";
import { sendPaced, sendPhotoPaced } from "./zalo-sender.ts";
import { type ZaloMessage, type ZaloUpdate, zaloUpdateOf } from "./zalo-update.ts";

/** Where a file becomes a short-lived link (the HTTP server's file links); structural, so channels need no http/. */
export interface ZaloFileLinks {
  create(bytes: Uint8Array, fileName: string): string;
  readonly ttlHours: number;
}

export interface ZaloBotOptions {
  api: ZaloApi;
  /** The process's one pacer for this token, shared with the scheduled sends; replies go first. */
  pacer: SendPacer;
  conversation: Conversation;
  translator: Translator;
  logger: Logger;
  /** Without them (no public base URL), a file reply is a notice that points elsewhere. */
  fileLinks?: ZaloFileLinks;
}

export interface ZaloBot {
  /**
   * Handles one update as getUpdates or a webhook delivers it (with or without `{ok, result}`):
   * `accepted` once it is stored, `done` once answered. A body that is no Zalo update throws
   * ZaloUpdateShapeError at once (a webhook answers 400).
   */
  handleZaloUpdate(body: unknown): HandledUpdate;
  /** After shutdown's timeout: what is still running sends no replies. */
  silence(): void;
}

const TEXT_EVENT = "message.text.received";
// Zalo may deliver an event twice: the keys of recent ones, so a repeat is dropped before the core.
const REMEMBERED_EVENTS = 10_000;

function incomingOf(update: ZaloUpdate, message: ZaloMessage): IncomingMessage {
  const text = update.event_name === TEXT_EVENT ? (message.text ?? "") : (message.caption ?? "");
  return {
    channel: "zalo",
    userId: message.from.id,
    chatId: message.chat.id,
    displayName: message.from.display_name || message.from.id,
    text,
    messageId: message.message_id,
    sentAt: new Date(message.date),
    replyToMessageId: null,
    updateKey: `${update.event_name}:${message.message_id}`,
    // Images, stickers and whatever Zalo adds later: the same hint as on Telegram (only text is read).
    unsupported: text === "",
    inGroup: message.chat.chat_type === "GROUP",
  };
}

export function createZaloBot(options: ZaloBotOptions): ZaloBot {
  const { api, pacer, conversation, translator, logger, fileLinks } = options;
  const { db, clock } = conversation.deps;
  const reading = new ChatLanes();
  const replying = new ChatLanes();
  const seen = new Set<string>();
  const withheld = new WeakSet<ZaloUpdate>();
  let silenced = false;

  /** A typed number presses the choice it names, when the chat was last shown that many. */
  const answer = async (incoming: IncomingMessage): Promise<Reply[]> => {
    const number = incoming.unsupported ? null : readChoiceNumber(incoming.text);
    if (number !== null) {
      const button = (await loadChoices(db, incoming))[number - 1];
      if (button) {
        return conversation.handleButton({
          ...incoming,
          data: button.data,
          pressId: incoming.updateKey ?? `${incoming.chatId}:${incoming.messageId}`,
          pressedAt: incoming.sentAt,
        });
      }
    }
    return conversation.handle(incoming);
  };

  // Zalo takes no file uploads: the file is served by the bot's own HTTP server behind a link.
  const documentText = ({ fileName, bytes }: ReplyDocument) =>
    fileLinks
      ? translator.t("zalo-document-link", {
          fileName,
          url: fileLinks.create(bytes, fileName),
          hours: fileLinks.ttlHours,
        })
      : translator.t("zalo-document-elsewhere", { fileName });

  const send = async (chatId: string, replies: Reply[]) => {
    const numbered = numberChoices(replies);
    await rememberChoices(db, { channel: "zalo", chatId }, numbered.buttons, clock.now());
    for (const [index, reply] of replies.entries()) {
      if (reply.document) {
        await sendPaced(api, pacer, chatId, documentText(reply.document), "reply");
      }
      if (reply.photo && fileLinks) {
        await sendPhotoPaced(api, pacer, chatId, fileLinks.create(reply.photo.bytes, reply.photo.fileName));
      } else if (reply.photo) {
        const text = translator.t("zalo-photo-elsewhere", { fileName: reply.photo.fileName });
        await sendPaced(api, pacer, chatId, text, "reply");
      }
      for (const part of zaloTextsOf(reply.text, numbered.lines[index] ?? [])) {
        await sendPaced(api, pacer, chatId, part, "reply");
      }
    }
  };

  const process = async (update: ZaloUpdate, message: ZaloMessage, accept: () => void) => {
    const incoming = incomingOf(update, message);
    const lane = incoming.chatId;
    const replies = await reading.run(lane, async () => {
      try {
        return await answer(incoming);
      } catch (error) {
        logger.error({ err: error, chat: lane }, "conversation failed");
        return [{ text: translator.t("internal-error") }];
      }
    });
    // Answered while the database was gone: never accepted, so a webhook asks Zalo to send it again.
    if (conversation.databaseGone()) withheld.add(update);
    else accept();
    await replying.run(lane, async () => {
      if (silenced) logger.warn({ chat: lane }, "reply dropped at shutdown");
      else await send(lane, replies);
    });
  };

  return {
    handleZaloUpdate(body) {
      const update = zaloUpdateOf(body);
      let accept = () => {};
      const accepted = new Promise<void>((resolve) => {
        accept = resolve;
      });
      const message = update.message;
      const key = message ? `${update.event_name}:${message.message_id}` : "";
      // A repeated event, a group's picture or sticker, a bot's own message: nothing to answer.
      const ignored =
        !message ||
        seen.has(key) ||
        message.from.is_bot === true ||
        (message.chat.chat_type === "GROUP" && update.event_name !== TEXT_EVENT);
      if (ignored || !message) {
        accept();
        return { accepted, done: Promise.resolve() };
      }
      seen.add(key);
      if (seen.size > REMEMBERED_EVENTS) seen.delete(seen.values().next().value ?? "");
      const done = process(update, message, accept)
        .catch((error: unknown) => logger.error({ err: error, event: key }, "zalo update failed"))
        .finally(() => {
          if (!withheld.has(update)) accept();
        });
      return { accepted, done };
    },
    silence() {
      silenced = true;
    },
  };
}

export interface ZaloChannelOptions extends ZaloBotOptions {
  apiRoot: string;
  getMe: GetMeAttempts;
  /** Long-poll wait of one getUpdates. */
  pollSeconds?: number;
}

export interface ZaloChannel extends Pick<ZaloBot, "handleZaloUpdate"> {
  /** The bot's name as Zalo knows it. */
  name: string;
  /** Stops fetching and lets the updates in hand finish, for at most `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** Asks Zalo who the bot is (retrying as configured); the bot's name as Zalo knows it. */
export async function introduceZaloBot(options: ZaloChannelOptions): Promise<string> {
  const info = await fetchZaloBotInfo({ ...options.getMe, ...options });
  return info.account_name || info.display_name || info.id;
}

/** Asks Zalo who the bot is, removes a webhook left from webhook mode, then polls until stopped. */
export async function startZalo(options: ZaloChannelOptions): Promise<ZaloChannel> {
  const { api, translator, logger } = options;
  const name = await introduceZaloBot(options);
  try {
    await api.deleteWebhook();
  } catch (error) {
    // Not confirmed how Zalo answers when no webhook is set: the poller reports any real conflict.
    logger.warn({ err: error }, "zalo deleteWebhook failed");
  }
  const bot = createZaloBot(options);
  const poller = startZaloPoller({
    api,
    handle: (update) => bot.handleZaloUpdate(update),
    translator,
    logger,
    pollSeconds: options.pollSeconds,
  });
  let stopped: Promise<void> | null = null;
  return {
    name,
    handleZaloUpdate: (body) => bot.handleZaloUpdate(body),
    stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS) {
      stopped ??= poller.stop(timeoutMs).then(({ unfinished }) => {
        bot.silence();
        if (unfinished > 0) logger.warn({ unfinished }, "Zalo updates unfinished at shutdown");
      });
      return stopped;
    },
  };
}
