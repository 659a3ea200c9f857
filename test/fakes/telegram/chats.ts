// What the fake remembers of users, chats and their messages (to answer replies and button presses).
import type { Chat, Message, User } from "grammy/types";

export type NonChannelChat = Exclude<Chat, Chat.ChannelChat>;

export class Chats {
  private readonly users = new Map<number, User>();
  private readonly nextMessageIds = new Map<number, number>();
  private readonly messages = new Map<string, Message>();

  /** Telegram never reuses a chat's message ids: a fake standing in for "a week later" starts higher. */
  constructor(private readonly firstMessageId: number) {}

  rememberUser(userId: number, firstName: string | undefined): User {
    const user: User = {
      id: userId,
      is_bot: false,
      first_name: firstName ?? this.users.get(userId)?.first_name ?? `User ${userId}`,
      language_code: "vi",
    };
    this.users.set(userId, user);
    return user;
  }

  chatFor(chatId: number): NonChannelChat {
    if (chatId > 0) {
      return {
        id: chatId,
        type: "private",
        first_name: this.users.get(chatId)?.first_name ?? `User ${chatId}`,
      };
    }
    if (chatId <= -1_000_000_000_000)
      return { id: chatId, type: "supergroup", title: `Supergroup ${-chatId}` };
    return { id: chatId, type: "group", title: `Group ${-chatId}` };
  }

  allocMessageId(chatId: number): number {
    const id = this.nextMessageIds.get(chatId) ?? this.firstMessageId;
    this.nextMessageIds.set(chatId, id + 1);
    return id;
  }

  store(message: Message): void {
    this.messages.set(`${message.chat.id}:${message.message_id}`, message);
  }

  find(chatId: number, messageId: number): Message | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** The message a user replies to; Telegram nests reply_to_message only one level deep. */
  replyTarget(chatId: number, messageId: number): Message & { reply_to_message: undefined } {
    const stored = this.find(chatId, messageId);
    if (stored === undefined) {
      return {
        message_id: messageId,
        chat: this.chatFor(chatId),
        date: nowSeconds(),
        reply_to_message: undefined,
      };
    }
    const { reply_to_message: _nested, ...rest } = stored;
    return { ...rest, reply_to_message: undefined };
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
