// "Anh/chị cập nhật cho nhiệm vụ nào?": one button per candidate task, a page at a time, so an agency
// with 23 open tasks can reach every one of them; and "kế hoạch nào?" for a code in several plans.

import type { PendingAnswer } from "../../db/json-columns.ts";
import { shortTitle } from "../../domain/short-title.ts";
import type { IncomingButton, Reply, ReplyButton } from "../../messages.ts";
import { type AssignmentRef, findAssignment } from "../../store/assignments.ts";
import { loadConversationState, setPending } from "../../store/conversation-state.ts";
import { encodeButton } from "../../texts/callback-data.ts";
import { decodeChoicePage, encodeChoicePage } from "../../texts/task-choice-codec.ts";
import { assignmentLabel } from "../../texts/task-label.ts";
import { type LinkedTurn, say } from "../turn.ts";

type PickTask = Extract<PendingAnswer, { kind: "pick_task" }>;

export const TASK_CHOICE_PAGE_SIZE = 10;
/** The offered tasks still current, in the order offered. */
export async function candidateRefs(
  turn: LinkedTurn,
  candidates: readonly number[],
): Promise<AssignmentRef[]> {
  const refs: AssignmentRef[] = [];
  for (const assignmentId of candidates) {
    const assignment = await findAssignment(turn.deps.db, assignmentId);
    if (assignment) refs.push(assignment);
  }
  return refs;
}

/** A question with its buttons, to send alone or under other lines of an answer. */
export interface ChoiceQuestion {
  lines: string[];
  buttons: ReplyButton[][];
}

function choiceButtons(turn: LinkedTurn, tasks: readonly AssignmentRef[]): ReplyButton[][] {
  const { t } = turn.deps.translator;
  return tasks.map((task) => [
    {
      label: assignmentLabel(t, task),
      data: encodeButton({ action: "pick", assignmentId: task.assignmentId }),
    },
  ]);
}

function choiceLines(turn: LinkedTurn, tasks: readonly AssignmentRef[]): string[] {
  const { t } = turn.deps.translator;
  return tasks.map((task) => `• ${assignmentLabel(t, task)} — ${shortTitle(task.taskTitle, 60)}`);
}

function choicePage(turn: LinkedTurn, tasks: readonly AssignmentRef[], page: number): Reply[] {
  const { t } = turn.deps.translator;
  const pages = Math.max(1, Math.ceil(tasks.length / TASK_CHOICE_PAGE_SIZE));
  const shown = tasks.slice((page - 1) * TASK_CHOICE_PAGE_SIZE, page * TASK_CHOICE_PAGE_SIZE);
  const lines = [t("update-which-task"), ...choiceLines(turn, shown)];
  if (pages > 1) lines.push(t("update-which-task-page", { page, pages, count: tasks.length }));
  const [first] = tasks;
  lines.push(t("update-which-task-typed", { code: first ? assignmentLabel(t, first) : "" }));
  const buttons = choiceButtons(turn, shown);
  if (page < pages) {
    buttons.push([{ label: t("update-which-task-more"), data: encodeChoicePage(page + 1) }]);
  }
  return [{ text: lines.join("\n"), buttons }];
}

/** Remembers what a choice waits on: the updates to store once the person picks one of `candidates`. */
export async function awaitPick(
  turn: LinkedTurn,
  candidates: readonly AssignmentRef[],
  pending: Omit<PickTask, "candidates">,
): Promise<void> {
  const choice: PickTask = { ...pending, candidates: candidates.map((task) => task.assignmentId) };
  await setPending(turn.deps.db, turn.person.accountId, choice, turn.deps.clock.now());
}

/**
 * "II.2 có ở 2 kế hoạch; anh/chị cập nhật cho kế hoạch nào?": a button per plan's task (numbered
 * choices on Zalo and the console), each with the plan's short code and the task's title.
 */
export function whichPlanQuestion(
  turn: LinkedTurn,
  taskCode: string,
  candidates: readonly AssignmentRef[],
): ChoiceQuestion {
  const { t } = turn.deps.translator;
  const lines = [
    t("update-which-plan", { code: taskCode, count: candidates.length }),
    ...choiceLines(turn, candidates),
    t("update-which-plan-typed", { plan: candidates[0]?.plan.shortCode ?? "" }),
  ];
  return { lines, buttons: choiceButtons(turn, candidates) };
}

/** Asks which task a message without a task code means; remembers the question and its choices. */
export async function askWhichTask(
  turn: LinkedTurn,
  candidates: readonly number[],
  pending: Omit<PickTask, "candidates">,
): Promise<Reply[]> {
  const { deps, person } = turn;
  const tasks = await candidateRefs(turn, candidates);
  if (tasks.length === 0) {
    return say(deps.translator.t("update-no-open-task", { agency: person.agencyName ?? "" }));
  }
  await awaitPick(turn, tasks, pending);
  return choicePage(turn, tasks, 1);
}

/** The "Xem tiếp" button under the choice: the next page, while the question is still open. */
export async function taskChoicePageButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const page = decodeChoicePage(press.data);
  const { pending } = await loadConversationState(turn.deps.db, turn.person.accountId);
  if (page === null || pending?.kind !== "pick_task" || !pending.candidates) return say(t("button-expired"));
  const tasks = await candidateRefs(turn, pending.candidates);
  const pages = Math.ceil(tasks.length / TASK_CHOICE_PAGE_SIZE);
  if (page > pages) return say(t("button-expired"));
  return choicePage(turn, tasks, page);
}
