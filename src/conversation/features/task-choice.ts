// "Anh/chị cập nhật cho nhiệm vụ nào?": one button per candidate task, a page at a time, so an agency
// with 23 open tasks can reach every one of them.

import type { PendingAnswer } from "../../db/json-columns.ts";
import { shortTitle } from "../../domain/short-title.ts";
import type { IncomingButton, Reply, ReplyButton } from "../../messages.ts";
import { type AssignmentRef, findAssignment } from "../../store/assignments.ts";
import { loadConversationState, setPending } from "../../store/conversation-state.ts";
import { encodeButton } from "../../texts/callback-data.ts";
import { decodeChoicePage, encodeChoicePage } from "../../texts/task-choice-codec.ts";
import { type LinkedTurn, say } from "../turn.ts";

type PickTask = Extract<PendingAnswer, { kind: "pick_task" }>;

export const TASK_CHOICE_PAGE_SIZE = 10;
async function candidateRefs(turn: LinkedTurn, candidates: readonly number[]): Promise<AssignmentRef[]> {
  const refs: AssignmentRef[] = [];
  for (const assignmentId of candidates) {
    const assignment = await findAssignment(turn.deps.db, assignmentId);
    if (assignment) refs.push(assignment);
  }
  return refs;
}

function choicePage(turn: LinkedTurn, tasks: readonly AssignmentRef[], page: number): Reply[] {
  const { t } = turn.deps.translator;
  const pages = Math.max(1, Math.ceil(tasks.length / TASK_CHOICE_PAGE_SIZE));
  const shown = tasks.slice((page - 1) * TASK_CHOICE_PAGE_SIZE, page * TASK_CHOICE_PAGE_SIZE);
  const lines = [t("update-which-task")];
  lines.push(...shown.map((task) => `• ${task.taskCode} — ${shortTitle(task.taskTitle, 60)}`));
  if (pages > 1) lines.push(t("update-which-task-page", { page, pages, count: tasks.length }));
  lines.push(t("update-which-task-typed", { code: tasks[0]?.taskCode ?? "" }));
  const buttons: ReplyButton[][] = shown.map((task) => [
    { label: task.taskCode, data: encodeButton({ action: "pick", assignmentId: task.assignmentId }) },
  ]);
  if (page < pages) {
    buttons.push([{ label: t("update-which-task-more"), data: encodeChoicePage(page + 1) }]);
  }
  return [{ text: lines.join("\n"), buttons }];
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
  const choice: PickTask = { ...pending, candidates: tasks.map((task) => task.assignmentId) };
  await setPending(deps.db, person.accountId, choice, deps.clock.now());
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
