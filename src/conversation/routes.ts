// Where every feature is mounted. Commands: their names (Vietnamese first, English aliases), who may
// use them, their help lines and menu entry; in the order of the menu and the help. Buttons: by the
// prefix their codec writes. Plain text: readers tried in order until one answers.
import { TASK_BUTTON_PREFIX } from "../texts/callback-data.ts";
import { BEHIND_PAGE_PREFIX, NUDGE_PREFIX, OVERDUE_PAGE_PREFIX } from "../texts/coordinator-buttons.ts";
import { INDICATOR_CHOICE_PREFIX } from "../texts/indicator-choice-codec.ts";
import { REPORT_CHOICE_PREFIX } from "../texts/report-buttons.ts";
import { TASK_CHOICE_PAGE_PREFIX } from "../texts/task-choice-codec.ts";
import { awayCommand, awayTextHandler } from "./features/away.ts";
import { behindFeature, behindPageButton } from "./features/behind.ts";
import { channelsFeature, linkChannelFeature } from "./features/channels.ts";
import { chartFeature } from "./features/chart.ts";
import {
  coordinatorQuestionHandler,
  officialQuestionHandler,
  situationFeature,
} from "./features/coordinator-question.ts";
import { helpFeature } from "./features/help.ts";
import { indicatorChoiceButton, indicatorsFeature, indicatorTextHandler } from "./features/indicators.ts";
import { handleNudgeButton, nudgeFeature } from "./features/nudge.ts";
import { pendingAnswerHandler } from "./features/pending-answer.ts";
import { remainingFeature } from "./features/remaining.ts";
import { reportChoiceButton, reportFeature } from "./features/report.ts";
import { startFeature } from "./features/start.ts";
import { notAnUpdateHandler, statusTextHandler, updateCommand } from "./features/status-update.ts";
import { taskButtonFeature } from "./features/task-buttons.ts";
import { taskChoicePageButton } from "./features/task-choice.ts";
import { tasksFeature } from "./features/tasks.ts";
import type { ButtonRoute, CommandRoute } from "./route.ts";
import type { TextHandler } from "./turn.ts";

export const COMMAND_ROUTES: readonly CommandRoute[] = [
  {
    names: ["nhiemvu", "tasks"],
    role: "linked",
    help: { official: "help-nhiemvu", coordinator: "help-nhiemvu-coordinator" },
    menu: "command-nhiemvu",
    handler: tasksFeature,
  },
  {
    names: ["conlai", "remaining"],
    role: "linked",
    help: { official: "help-conlai" },
    menu: "command-conlai",
    handler: remainingFeature,
  },
  {
    names: ["capnhat", "update"],
    role: "linked",
    help: { official: "help-capnhat" },
    menu: "command-capnhat",
    handler: updateCommand,
  },
  {
    names: ["chitieu", "indicators"],
    role: "linked",
    help: { official: "help-chitieu", coordinator: "help-chitieu-coordinator" },
    menu: "command-chitieu",
    handler: indicatorsFeature,
  },
  {
    names: ["cham", "chuabaocao", "behind", "late"],
    role: "coordinator",
    help: { coordinator: "help-cham" },
    menu: "command-cham",
    handler: behindFeature,
  },
  {
    names: ["tinhhinh", "status"],
    role: "coordinator",
    help: { coordinator: "help-tinhhinh" },
    menu: "command-tinhhinh",
    handler: situationFeature,
  },
  {
    names: ["nhac", "nudge"],
    role: "coordinator",
    help: { coordinator: "help-nhac" },
    menu: "command-nhac",
    handler: nudgeFeature,
  },
  {
    names: ["baocao", "report"],
    role: "coordinator",
    help: { coordinator: "help-baocao" },
    menu: "command-baocao",
    handler: reportFeature,
  },
  {
    names: ["bieudo", "chart"],
    role: "coordinator",
    help: { coordinator: "help-bieudo" },
    menu: "command-bieudo",
    handler: chartFeature,
  },
  {
    names: ["vang", "away"],
    role: "linked",
    help: { official: "help-vang" },
    menu: "command-vang",
    handler: awayCommand,
  },
  {
    names: ["kenh", "channels"],
    role: "linked",
    help: { official: "help-kenh", coordinator: "help-kenh" },
    menu: "command-kenh",
    handler: channelsFeature,
  },
  // Open to people not linked yet: `/lienket CODE` links this chat to the person who asked for CODE.
  {
    names: ["lienket", "link"],
    role: "anyone",
    help: { official: "help-lienket", coordinator: "help-lienket" },
    menu: "command-lienket",
    handler: linkChannelFeature,
  },
  {
    names: ["trogiup", "help"],
    role: "linked",
    help: { official: "help-trogiup", coordinator: "help-trogiup" },
    menu: "command-trogiup",
    handler: (turn) => helpFeature(turn, COMMAND_ROUTES),
  },
  // Linking: the one command for people not linked yet, whose help is the not-linked explanation.
  { names: ["start"], role: "anyone", help: {}, menu: "command-start", handler: startFeature },
];

const COMMANDS_BY_NAME = new Map(COMMAND_ROUTES.flatMap((route) => route.names.map((name) => [name, route])));

export function commandRoute(name: string): CommandRoute | undefined {
  return COMMANDS_BY_NAME.get(name);
}

/**
 * Plain-text readers; each returns null to let the next one try. An away message and a
 * coordinator's question come before the answer to a pending question (so "tình hình Sở Y tế" after
 * "Vướng" is answered, not stored as the obstacle); an update naming its own task wins inside it; an
 * official's coordinator question is refused only once it did not read as an update. An indicator's
 * figure ("chỉ tiêu 2: 45%", or the number asked for) comes before both the pending answer and the
 * status parser, which would read it as task 2 at 45%. Last, a message that is no update but an excuse or a
 * question about a task is told how to report.
 */
export const TEXT_HANDLERS: readonly TextHandler[] = [
  awayTextHandler,
  coordinatorQuestionHandler,
  indicatorTextHandler,
  pendingAnswerHandler,
  statusTextHandler,
  officialQuestionHandler,
  notAnUpdateHandler,
];

export const BUTTON_ROUTES: readonly ButtonRoute[] = [
  { prefix: TASK_BUTTON_PREFIX, role: "linked", handler: taskButtonFeature },
  { prefix: TASK_CHOICE_PAGE_PREFIX, role: "linked", handler: taskChoicePageButton },
  { prefix: NUDGE_PREFIX, role: "coordinator", handler: handleNudgeButton },
  { prefix: BEHIND_PAGE_PREFIX, role: "coordinator", handler: behindPageButton },
  { prefix: OVERDUE_PAGE_PREFIX, role: "coordinator", handler: behindPageButton },
  { prefix: REPORT_CHOICE_PREFIX, role: "coordinator", handler: reportChoiceButton },
  { prefix: INDICATOR_CHOICE_PREFIX, role: "linked", handler: indicatorChoiceButton },
];

const BUTTONS_BY_PREFIX = new Map(BUTTON_ROUTES.map((route) => [route.prefix, route]));

/** The route of a press, by the prefix before the first ":" of its callback data. */
export function buttonRoute(data: string): ButtonRoute | undefined {
  return BUTTONS_BY_PREFIX.get(data.split(":")[0] ?? "");
}

/** The commands a channel advertises (Telegram's command menu), with their locale message ids. */
export const ADVERTISED_COMMANDS: { command: string; descriptionId: string }[] = COMMAND_ROUTES.flatMap(
  (route) => (route.menu === undefined ? [] : [{ command: route.names[0], descriptionId: route.menu }]),
);
