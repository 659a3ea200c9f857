import { localDateOf } from "../../domain/calendar.ts";
import { shortTitle } from "../../domain/short-title.ts";
import type { Reply } from "../../messages.ts";
import { type AgencyTask, tasksLedBy } from "../../store/assignments.ts";
import { rememberList } from "../../store/conversation-state.ts";
import { exampleCodes } from "../../texts/format.ts";
import { taskKeyboard } from "../../texts/task-keyboard.ts";
import { taskLabel } from "../../texts/task-label.ts";
import { withPlanEndedNotice } from "../plan-ended.ts";
import { type LinkedTurn, say } from "../turn.ts";

/** `/nhiemvu`: the tasks the person's agency leads, this year's first, numbered for "#n". */
export async function tasksFeature(turn: LinkedTurn): Promise<Reply[]> {
  const { agencyId } = turn.person;
  if (agencyId === null) return say(turn.deps.translator.t("tasks-no-agency"));
  return withPlanEndedNotice(turn, () => tasksOf(turn, agencyId));
}

async function tasksOf(turn: LinkedTurn, agencyId: number): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const { person, deps } = turn;
  const tasks = await tasksLedBy(deps.db, agencyId);
  const agency = person.agencyName ?? "-";
  if (tasks.length === 0) return say(t("tasks-none", { agency }));
  // Years are passed as text: Fluent would format the number 2026 as "2.026" in Vietnamese.
  const year = localDateOf(deps.clock.now(), deps.zone).slice(0, 4);
  const current = tasks.filter((task) => task.activeYears.includes(Number(year)) && !task.dormant);
  const other = tasks.filter((task) => !current.includes(task));
  // With nothing due this year (e.g. a plan that has ended) the full list is what the person needs.
  const numbered = current.length > 0 ? current : other;
  await rememberList(
    deps.db,
    person.accountId,
    numbered.map((task) => task.assignmentId),
    deps.clock.now(),
  );
  // An agency leading tasks of several plans reads each code with its plan ("CDS2026 II.2").
  const severalPlans = new Set(tasks.map((task) => task.planShortCode)).size > 1;
  const label = (task: AgencyTask) => taskLabel(t, task.code, severalPlans ? task.planShortCode : null);
  const item = (task: AgencyTask, index: number) =>
    t("tasks-item", { index: index + 1, code: label(task), title: shortTitle(task.title) });
  const lines = [t("tasks-header", { agency, count: current.length, year })];
  lines.push(...current.map(item));
  if (current.length === 0) lines.push(t("tasks-none-this-year", { year }));
  if (other.length > 0) {
    lines.push("", t("tasks-other-header", { count: other.length, year }));
    lines.push(...(current.length === 0 ? other.map(item) : [other.map(label).join(", ")]));
  }
  lines.push("", t("tasks-footer", exampleCodes(numbered.map(label))));
  const buttons = taskKeyboard(
    t,
    current.map((task) => ({ assignmentId: task.assignmentId, code: label(task) })),
    "button",
  );
  return [buttons.length > 0 ? { text: lines.join("\n"), buttons } : { text: lines.join("\n") }];
}
