// Where every feature is mounted: commands by name (Vietnamese first, English aliases), and the
// handlers that read plain text, tried in order until one answers.
import { helpFeature } from "./features/help.ts";
import { tasksFeature } from "./features/tasks.ts";
import type { CommandHandler, TextHandler } from "./turn.ts";

export const COMMANDS: Record<string, CommandHandler> = {
  trogiup: helpFeature,
  help: helpFeature,
  nhiemvu: tasksFeature,
  tasks: tasksFeature,
};

/** Plain-text readers; each returns null to let the next one try. */
export const TEXT_HANDLERS: TextHandler[] = [];

/** The commands a channel advertises (Telegram's command menu), with their locale message ids. */
export const ADVERTISED_COMMANDS: { command: string; descriptionId: string }[] = [
  { command: "nhiemvu", descriptionId: "command-nhiemvu" },
  { command: "trogiup", descriptionId: "command-trogiup" },
  { command: "start", descriptionId: "command-start" },
];
