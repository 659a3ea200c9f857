// Where every feature is mounted: commands by name (Vietnamese first, English aliases), and the
// handlers that read plain text, tried in order until one answers.
import { BEHIND_PAGE_PREFIX, NUDGE_PREFIX, OVERDUE_PAGE_PREFIX } from "./coordinator-buttons.ts";
import { awayCommand, awayTextHandler } from "./features/away.ts";
import { behindFeature, behindPageButton } from "./features/behind.ts";
import {
  coordinatorQuestionHandler,
  officialQuestionHandler,
  situationFeature,
} from "./features/coordinator-question.ts";
import { helpFeature } from "./features/help.ts";
import { handleNudgeButton, nudgeFeature } from "./features/nudge.ts";
import { statusTextHandler } from "./features/plain-text-update.ts";
import { remainingFeature } from "./features/remaining.ts";
import { reportFeature } from "./features/report.ts";
import { updateCommand } from "./features/status-update.ts";
import { taskButtonFeature } from "./features/task-buttons.ts";
import { TASK_CHOICE_PAGE_PREFIX, taskChoicePageButton } from "./features/task-choice.ts";
import { tasksFeature } from "./features/tasks.ts";
import type { ButtonHandler, CommandHandler, TextHandler } from "./turn.ts";

export const COMMANDS: Record<string, CommandHandler> = {
  trogiup: helpFeature,
  help: helpFeature,
  nhiemvu: tasksFeature,
  tasks: tasksFeature,
  conlai: remainingFeature,
  remaining: remainingFeature,
  capnhat: updateCommand,
  update: updateCommand,
  cham: behindFeature,
  chuabaocao: behindFeature,
  behind: behindFeature,
  late: behindFeature,
  nhac: nudgeFeature,
  nudge: nudgeFeature,
  tinhhinh: situationFeature,
  baocao: reportFeature,
  report: reportFeature,
  status: situationFeature,
  vang: awayCommand,
  away: awayCommand,
};

/** Plain-text readers; each returns null to let the next one try. */
export const TEXT_HANDLERS: TextHandler[] = [
  awayTextHandler,
  coordinatorQuestionHandler,
  statusTextHandler,
  officialQuestionHandler,
];

/** Button presses by the prefix of their callback data ("u:" task buttons). */
export const BUTTON_HANDLERS: Record<string, ButtonHandler> = {
  u: taskButtonFeature,
  [NUDGE_PREFIX]: handleNudgeButton,
  [BEHIND_PAGE_PREFIX]: behindPageButton,
  [OVERDUE_PAGE_PREFIX]: behindPageButton,
  [TASK_CHOICE_PAGE_PREFIX]: taskChoicePageButton,
};

/** The commands a channel advertises (Telegram's command menu), with their locale message ids. */
export const ADVERTISED_COMMANDS: { command: string; descriptionId: string }[] = [
  { command: "nhiemvu", descriptionId: "command-nhiemvu" },
  { command: "conlai", descriptionId: "command-conlai" },
  { command: "capnhat", descriptionId: "command-capnhat" },
  { command: "cham", descriptionId: "command-cham" },
  { command: "nhac", descriptionId: "command-nhac" },
  { command: "tinhhinh", descriptionId: "command-tinhhinh" },
  { command: "baocao", descriptionId: "command-baocao" },
  { command: "vang", descriptionId: "command-vang" },
  { command: "trogiup", descriptionId: "command-trogiup" },
  { command: "start", descriptionId: "command-start" },
];
