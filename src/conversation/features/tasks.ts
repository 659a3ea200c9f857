import { localDateOf } from "../../domain/calendar.ts";
import { type AgencyTask, tasksLedBy } from "../../store/assignments.ts";
import { shortTitle } from "../format.ts";
import { type LinkedTurn, say } from "../turn.ts";
import type { Reply } from "../types.ts";

/** `/nhiemvu`: the tasks the person's agency leads, this year's first. */
export async function tasksFeature(turn: LinkedTurn): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const { person, deps } = turn;
  if (person.agencyId === null) return say(t("tasks-no-agency"));
  const tasks = await tasksLedBy(deps.db, person.agencyId);
  const agency = person.agencyName ?? "-";
  if (tasks.length === 0) return say(t("tasks-none", { agency }));
  // Years are passed as text: Fluent would format the number 2026 as "2.026" in Vietnamese.
  const year = localDateOf(deps.clock.now(), deps.zone).slice(0, 4);
  const current = tasks.filter((task) => task.activeYears.includes(Number(year)) && !task.dormant);
  const other = tasks.filter((task) => !current.includes(task));
  const lines = [t("tasks-header", { agency, count: current.length, year })];
  const item = (task: AgencyTask, index: number) =>
    t("tasks-item", { index: index + 1, code: task.code, title: shortTitle(task.title) });
  lines.push(...current.map(item));
  if (current.length === 0) lines.push(t("tasks-none-this-year", { year }));
  if (other.length > 0) {
    lines.push("", t("tasks-other-header", { count: other.length, year }));
    // With nothing due this year (e.g. a plan that has ended) the full list is what the person needs.
    lines.push(...(current.length === 0 ? other.map(item) : [other.map((task) => task.code).join(", ")]));
  }
  lines.push("", t("tasks-footer"));
  return say(lines.join("\n"));
}
