import { findLinkedPerson } from "../store/people.ts";
import { parseCommand } from "./command.ts";
import { helpFeature } from "./features/help.ts";
import { isBareInviteCode, startFeature } from "./features/start.ts";
import { tasksFeature } from "./features/tasks.ts";
import { type CommandHandler, type ConversationDeps, type LinkedTurn, say, type Turn } from "./turn.ts";
import type { IncomingMessage, Reply } from "./types.ts";

/** Vietnamese command names first; English aliases for the same handlers. */
const COMMANDS: Record<string, CommandHandler> = {
  trogiup: helpFeature,
  help: helpFeature,
  nhiemvu: tasksFeature,
  tasks: tasksFeature,
};

/** The commands a channel advertises (Telegram's command menu), with their locale message ids. */
export const ADVERTISED_COMMANDS = [
  { command: "nhiemvu", descriptionId: "command-nhiemvu" },
  { command: "trogiup", descriptionId: "command-trogiup" },
  { command: "start", descriptionId: "command-start" },
] as const;

/** The channel-agnostic core: one message in, the replies out. */
export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[]> {
    const person = await findLinkedPerson(this.deps.db, message.channel, message.userId);
    const turn: Turn = { message, person, deps: this.deps };
    const command = parseCommand(message.text);
    if (command?.name === "start") return startFeature(turn, command.args);
    if (!person) {
      // Unlinked people may only link; everything else gets the explanation and writes nothing.
      return isBareInviteCode(message.text) ? startFeature(turn, message.text) : startFeature(turn, "");
    }
    const linked: LinkedTurn = { ...turn, person };
    if (command) {
      const handler = COMMANDS[command.name];
      return handler
        ? handler(linked, command.args)
        : say(this.t("unknown-command", { command: command.name }));
    }
    return say(this.t("not-understood"));
  }

  private t(id: string, args?: Record<string, string>): string {
    return this.deps.translator.t(id, args);
  }
}
