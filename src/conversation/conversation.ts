import { DatabaseBusyError } from "../db/busy-retry.ts";
import { DatabaseVanishedError } from "../db/file-watch.ts";
import type { ChannelName } from "../domain/vocabulary.ts";
import type { IncomingButton, IncomingMessage, Reply } from "../messages.ts";
import { looksLikeInviteCode, looksLikeLinkCode } from "../services/invite-code.ts";
import { conversationStateOf } from "../store/conversation-state.ts";
import { findLinkedPerson, findLinkedPersonWithState, moveChat } from "../store/people.ts";
import { parseCommand } from "./command.ts";
import { coordinatorsOnly } from "./coordinator-only.ts";
import { startFeature } from "./features/start.ts";
import { mayUse } from "./route.ts";
import { buttonRoute, commandRoute, TEXT_HANDLERS } from "./routes.ts";
import { type ConversationDeps, type LinkedTurn, say, type TextTurn, type Turn } from "./turn.ts";

/** The channel-agnostic core: one message in, the replies out, through the route table (routes.ts). */
export class Conversation {
  /** The file was found in place in this turn of the event loop (see checkBeforeWork). */
  #checkedThisTurn = false;

  constructor(readonly deps: ConversationDeps) {}

  handle(message: IncomingMessage): Promise<Reply[]> {
    return this.guarded(() => this.handleMessage(message));
  }

  /** A tap on one of the bot's buttons; unlinked people get the same explanation as for text. */
  handleButton(press: IncomingButton): Promise<Reply[]> {
    return this.guarded(() => this.handlePress(press));
  }

  /** The platform moved a chat to a new id (Telegram's migrate_to_chat_id): linked accounts follow it. */
  async chatMoved(channel: ChannelName, fromChatId: string, toChatId: string): Promise<void> {
    await moveChat(this.deps.db, channel, fromChatId, toChatId);
  }

  /** True once the database file was deleted or replaced: nothing is recorded, so nothing may be confirmed. */
  databaseGone(): boolean {
    try {
      this.deps.checkDatabase?.();
      return false;
    } catch (error) {
      if (error instanceof DatabaseVanishedError) return true;
      throw error;
    }
  }

  /**
   * Nothing is recorded, and the person is asked to send again, when the database file is gone (what
   * would be written now is lost at the next start) or another process kept it locked past the wait.
   */
  private async guarded(work: () => Promise<Reply[]>): Promise<Reply[]> {
    const { t } = this.deps.translator;
    try {
      this.checkBeforeWork();
      return await work();
    } catch (error) {
      if (error instanceof DatabaseVanishedError) return say(t("database-vanished"));
      if (error instanceof DatabaseBusyError) return say(t("database-busy"));
      throw error;
    }
  }

  /**
   * One look at the file serves every message taken up in the same turn of the event loop (a burst
   * is read in one): a file gone just after it is a race the look before confirming
   * (databaseGone, always afresh) settles, as for one gone while a message is worked on.
   */
  private checkBeforeWork(): void {
    if (this.#checkedThisTurn || this.deps.checkDatabase === undefined) return;
    this.deps.checkDatabase();
    this.#checkedThisTurn = true;
    setImmediate(() => {
      this.#checkedThisTurn = false;
    });
  }

  private async handleMessage(message: IncomingMessage): Promise<Reply[]> {
    // The sender with what the bot remembers of the chat (the question it waits on, the list it
    // showed): one statement, read once.
    const sender = await findLinkedPersonWithState(this.deps.db, message.channel, message.userId);
    const turn: Turn = { message, person: sender?.person ?? null, deps: this.deps };
    const command = parseCommand(message.text);
    const route = command ? commandRoute(command.name) : undefined;
    const args = command?.args ?? "";
    if (route?.role === "anyone") return route.handler(turn, args);
    if (!sender) {
      // Unlinked people may only link; everything else gets the explanation and writes nothing.
      const code = looksLikeInviteCode(message.text) || looksLikeLinkCode(message.text);
      return startFeature(turn, code ? message.text : "");
    }
    const { person, state } = sender;
    const linked: LinkedTurn = { ...turn, person };
    const { t } = this.deps.translator;
    if (message.unsupported) return say(t("unsupported-message"));
    if (command) {
      if (!route) return say(t("unknown-command", { command: command.name }));
      return mayUse(route.role, person) ? route.handler(linked, args) : coordinatorsOnly(linked);
    }
    const textTurn: TextTurn = { ...linked, state: conversationStateOf(state) };
    for (const handler of TEXT_HANDLERS) {
      const handling = handler(textTurn);
      const replies = handling === null ? null : await handling;
      if (replies) return replies;
    }
    return say(t("not-understood"));
  }

  private async handlePress(press: IncomingButton): Promise<Reply[]> {
    const person = await findLinkedPerson(this.deps.db, press.channel, press.userId);
    const message: IncomingMessage = {
      channel: press.channel,
      userId: press.userId,
      chatId: press.chatId,
      displayName: press.displayName,
      text: "",
      messageId: press.messageId,
      sentAt: press.pressedAt,
      replyToMessageId: null,
    };
    if (!person) return startFeature({ message, person, deps: this.deps }, "");
    const route = buttonRoute(press.data);
    if (!route) return say(this.deps.translator.t("button-expired"));
    const turn: LinkedTurn = { message, person, deps: this.deps };
    return mayUse(route.role, person) ? route.handler(turn, press) : coordinatorsOnly(turn);
  }
}
