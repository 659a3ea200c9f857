import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type Context, InputFile } from "grammy";
import type { CallbackQuery, Message, Update, User } from "grammy/types";
import type { Clock } from "../../clock.ts";
import type { Conversation } from "../../conversation/conversation.ts";
import { ADVERTISED_COMMANDS } from "../../conversation/routes.ts";
import type { SendPacer } from "../../delivery/send-pacer.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";
import type { IncomingButton, IncomingMessage, Reply } from "../../messages.ts";
import { splitLongText } from "../../texts/format.ts";
import { botApiFetch } from "./bot-api-fetch.ts";
import { fetchBotInfo, type GetMeAttempts } from "./bot-info.ts";
import { ChatLanes } from "./chat-lanes.ts";
import { paceReplies } from "./telegram-pacing.ts";
import { inlineKeyboardOf, TELEGRAM_TEXT_LIMIT } from "./telegram-render.ts";
import { type HandledUpdate, startUpdatePoller } from "./update-poller.ts";

export interface TelegramChannelOptions {
  token: string;
  /** How the start asks Telegram who the bot is before polling. */
  getMe: GetMeAttempts;
  /** Button presses carry no time of their own; they are stamped with this clock. */
  clock: Clock;
  apiRoot: string;
  /** The process's one pacer for this token, shared with the scheduled sends; replies go first. */
  pacer: SendPacer;
  conversation: Conversation;
  translator: Translator;
  logger: Logger;
}

export interface TelegramChannel {
  bot: Bot;
  username: string;
  /**
   * Stops fetching and lets every update in hand finish, for at most `timeoutMs`; then confirms to
   * Telegram the ones stored, so the rest is sent again at the next start, and sends nothing more.
   */
  stop(timeoutMs?: number): Promise<void>;
}

/** The bot and how to hand it one update, telling when the update is accepted (stored) and answered. */
export interface TelegramBot {
  bot: Bot;
  handle(update: Update): HandledUpdate;
  /** After shutdown's timeout: what is still running sends no replies. */
  silence(): void;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;

function nothing(): void {}

/** How the person is named in the bot's records: full name, else @username, else the id. */
function displayNameOf(user: User): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ") || user.username || String(user.id);
}

/** Text messages, and the caption of a photo or file (an official may send a scan with "II.2 xong"). */
function incomingOf(message: Message, isEdit: boolean): IncomingMessage {
  const from = message.from;
  // What identifies the event, not Telegram's update_id, which may start again after a quiet week:
  // a chat's message ids are never reused, and each edit carries its own edit_date.
  const event = isEdit ? `edit:${message.edit_date ?? message.date}` : "msg";
  return {
    channel: "telegram",
    userId: String(from?.id ?? message.chat.id),
    chatId: String(message.chat.id),
    displayName: from ? displayNameOf(from) : String(message.chat.id),
    text: message.text ?? message.caption ?? "",
    messageId: String(message.message_id),
    sentAt: new Date(message.date * 1000),
    replyToMessageId: message.reply_to_message ? String(message.reply_to_message.message_id) : null,
    updateKey: `${event}:${message.chat.id}:${message.message_id}`,
    isEdit,
    unsupported: message.text === undefined && message.caption === undefined,
    inGroup: message.chat.type !== "private",
  };
}

function buttonOf(
  ctx: Context & { callbackQuery: CallbackQuery & { data: string } },
  clock: Clock,
): IncomingButton {
  const query = ctx.callbackQuery;
  const from = query.from;
  return {
    channel: "telegram",
    userId: String(from.id),
    chatId: String(query.message?.chat.id ?? from.id),
    displayName: displayNameOf(from),
    data: query.data,
    pressId: query.id,
    messageId: query.message ? String(query.message.message_id) : null,
    pressedAt: clock.now(),
  };
}

async function sendReplies(ctx: Context, replies: Reply[]): Promise<void> {
  for (const reply of replies) {
    if (reply.document) {
      await ctx.replyWithDocument(new InputFile(reply.document.bytes, reply.document.fileName), {
        caption: reply.document.caption,
      });
    }
    if (reply.photo) await ctx.replyWithPhoto(new InputFile(reply.photo.bytes, reply.photo.fileName));
    const parts = splitLongText(reply.text, TELEGRAM_TEXT_LIMIT);
    for (const [index, part] of parts.entries()) {
      const isLast = index === parts.length - 1;
      await ctx.reply(part, isLast && reply.buttons ? { reply_markup: inlineKeyboardOf(reply.buttons) } : {});
    }
  }
}

/**
 * Builds the grammY bot: a thin adapter that hands every text message to the conversation core.
 * Per chat, messages are read and stored in order, and replies are sent in the same order; storing a
 * chat's next message does not wait for the replies to the previous one.
 */
export function createTelegramBot(options: TelegramChannelOptions): TelegramBot {
  const { conversation, translator, logger } = options;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot, fetch: botApiFetch } });
  bot.api.config.use(paceReplies(options.pacer));
  // A 429 waits its retry_after and 5xx/network errors are retried (paced again), without handlers knowing.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 300 }));
  const reading = new ChatLanes();
  const replying = new ChatLanes();
  const acceptance = new WeakMap<Update, () => void>();
  // Updates answered while the database was gone: never accepted, so Telegram keeps them.
  const withheld = new WeakSet<Update>();
  let silenced = false;
  const ended = (update: Update, accept: () => void) => {
    if (!withheld.has(update)) accept();
  };
  const answer = async (ctx: Context, work: () => Promise<Reply[]>) => {
    const lane = String(ctx.chat?.id ?? ctx.from?.id);
    const replies = await reading.run(lane, async () => {
      try {
        return await work();
      } catch (error) {
        logger.error({ err: error, chat: ctx.chat?.id }, "conversation failed");
        return [{ text: translator.t("internal-error") }];
      }
    });
    if (conversation.databaseGone()) withheld.add(ctx.update);
    else acceptance.get(ctx.update)?.();
    await replying.run(lane, async () => {
      if (silenced) logger.warn({ update: ctx.update.update_id }, "reply dropped at shutdown");
      else await sendReplies(ctx, replies);
    });
  };
  // Every message gets an answer: text, a caption, or a note that only text is read (stickers, voice).
  // A group upgraded to a supergroup: Telegram names the new chat id once, in the old chat.
  bot.on("message:migrate_to_chat_id", async (ctx) => {
    await conversation.chatMoved("telegram", String(ctx.chat.id), String(ctx.message.migrate_to_chat_id));
  });
  bot.on("message", (ctx) => {
    if (ctx.chat.type !== "private" && ctx.message.text === undefined && ctx.message.caption === undefined) {
      return; // a group's photos and stickers are not addressed to the bot
    }
    return answer(ctx, () => conversation.handle(incomingOf(ctx.message, false)));
  });
  // An edit corrects the updates of the original message (same message key, a higher revision).
  bot.on(["edited_message:text", "edited_message:caption"], (ctx) =>
    answer(ctx, () => conversation.handle(incomingOf(ctx.editedMessage, true))),
  );
  bot.on("callback_query:data", async (ctx) => {
    // Answer at once so the button stops spinning, then reply in the chat.
    await ctx
      .answerCallbackQuery()
      .catch((error: unknown) => logger.warn({ err: error }, "answerCallbackQuery"));
    await answer(ctx, () => conversation.handleButton(buttonOf(ctx, options.clock)));
  });
  bot.catch((error) => {
    logger.error({ err: error.error, update: error.ctx.update.update_id }, "telegram update failed");
  });
  return {
    bot,
    handle(update) {
      let accept: () => void = nothing;
      const accepted = new Promise<void>((resolve) => {
        accept = resolve;
      });
      acceptance.set(update, accept);
      // An update no handler stores (a group's sticker) or a failed one is accepted when it ends.
      const done = bot.handleUpdate(update).then(
        () => ended(update, accept),
        (error: unknown) => {
          logger.error({ err: error, update: update.update_id }, "telegram update failed");
          ended(update, accept);
        },
      );
      return { accepted, done };
    },
    silence() {
      silenced = true;
    },
  };
}

/** The updates the bot reads, for getUpdates and setWebhook alike. */
export const TELEGRAM_ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

/** What long polling and webhooks start alike: the bot, who it is (getMe) and its command menu. */
export async function introduceTelegramBot(options: TelegramChannelOptions): Promise<TelegramBot> {
  const telegramBot = createTelegramBot(options);
  const { bot } = telegramBot;
  const { token, apiRoot, translator, logger } = options;
  bot.botInfo = await fetchBotInfo({ ...options.getMe, token, apiRoot, translator, logger });
  await bot.api.setMyCommands(
    ADVERTISED_COMMANDS.map(({ command, descriptionId }) => ({
      command,
      description: translator.t(descriptionId),
    })),
  );
  return telegramBot;
}

export async function startTelegram(options: TelegramChannelOptions): Promise<TelegramChannel> {
  const telegramBot = await introduceTelegramBot(options);
  const { bot } = telegramBot;
  const { logger } = options;
  // Back from webhook mode: Telegram refuses getUpdates while a webhook is set.
  await bot.api.deleteWebhook();
  const poller = startUpdatePoller({
    api: bot.api,
    allowedUpdates: TELEGRAM_ALLOWED_UPDATES,
    handle: telegramBot.handle,
    logger,
  });
  let stopped: Promise<void> | null = null;
  return {
    bot,
    username: bot.botInfo.username,
    stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS) {
      stopped ??= poller.stop(timeoutMs).then(({ unfinished }) => {
        telegramBot.silence();
        if (unfinished > 0)
          logger.warn({ unfinished }, "updates unfinished at shutdown; Telegram sends them again");
      });
      return stopped;
    },
  };
}
