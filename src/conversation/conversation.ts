import { findLinkedPerson } from "../store/people.ts";
import { parseCommand } from "./command.ts";
import { isBareInviteCode, startFeature } from "./features/start.ts";
import { COMMANDS, TEXT_HANDLERS } from "./routes.ts";
import { type ConversationDeps, type LinkedTurn, say, type Turn } from "./turn.ts";
import type { IncomingMessage, Reply } from "./types.ts";

/** The channel-agnostic core: one message in, the replies out. */
export class Conversation {
  constructor(readonly deps: ConversationDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[]> {
    const person = await findLinkedPerson(this.deps.db, message.channel, message.userId);
    const turn: Turn = { message, person, deps: this.deps };
    const command = parseCommand(message.text);
    if (command?.name === "start") return startFeature(turn, command.args);
    if (!person) {
      // Unlinked people may only link; everything else gets the explanation and writes nothing.
      return startFeature(turn, isBareInviteCode(message.text) ? message.text : "");
    }
    const linked: LinkedTurn = { ...turn, person };
    const { t } = this.deps.translator;
    if (command) {
      const handler = COMMANDS[command.name];
      return handler ? handler(linked, command.args) : say(t("unknown-command", { command: command.name }));
    }
    for (const handler of TEXT_HANDLERS) {
      const replies = await handler(linked);
      if (replies) return replies;
    }
    return say(t("not-understood"));
  }
}
