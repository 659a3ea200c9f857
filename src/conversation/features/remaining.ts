import type { AssignmentSnapshot } from "../../domain/assignment-status.ts";
import { shortTitle } from "../../domain/short-title.ts";
import { dateText, periodName } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { rememberList } from "../../store/conversation-state.ts";
import { planLabelsOfAssignments } from "../../store/plan-labels.ts";
import { exampleCodes } from "../../texts/format.ts";
import { taskKeyboard } from "../../texts/task-keyboard.ts";
import { taskLabel } from "../../texts/task-label.ts";
import { agencyPeriodView } from "../agency-period.ts";
import { withPlanEndedNotice } from "../plan-ended.ts";
import { type LinkedTurn, say } from "../turn.ts";

/**
 * `/conlai`: what the person's agency still owes for the current period, then its overdue unfinished
 * tasks (past years' too), numbered once for "#n"; the counts are who-is-behind's.
 */
export async function remainingFeature(turn: LinkedTurn): Promise<Reply[]> {
  const { agencyId } = turn.person;
  if (agencyId === null) return say(turn.deps.translator.t("tasks-no-agency"));
  return withPlanEndedNotice(turn, () => remainingOf(turn, agencyId));
}

/**
 * How the agency's tasks read: "II.2", or "CDS2026 II.2" when its assignments this period span
 * several plans (README: several plans at once).
 */
async function planLabeller(
  turn: LinkedTurn,
  assignments: readonly AssignmentSnapshot[],
): Promise<(assignment: AssignmentSnapshot) => string> {
  const { t } = turn.deps.translator;
  const plans = await planLabelsOfAssignments(
    turn.deps.db,
    assignments.map((assignment) => assignment.assignmentId),
  );
  const several = new Set([...plans.values()].map((plan) => plan.shortCode)).size > 1;
  return (assignment) =>
    taskLabel(t, assignment.taskCode, several ? plans.get(assignment.assignmentId)?.shortCode : null);
}

async function remainingOf(turn: LinkedTurn, agencyId: number): Promise<Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  const now = deps.clock.now();
  const view = await agencyPeriodView(turn, agencyId, now);
  const { missing, overdue, all, owedCount } = view.work;
  const agency = person.agencyName ?? "";
  const period = periodName(deps.translator, view.period);
  const none = () => t("remaining-none", { agency, period, owed: owedCount, overdue: overdue.length });
  if (all.length === 0) return say(none());
  await rememberList(
    deps.db,
    person.accountId,
    all.map((assignment) => assignment.assignmentId),
    now,
  );
  const number = new Map(all.map((assignment, index) => [assignment.assignmentId, index + 1]));
  const label = await planLabeller(turn, view.assignments);
  const item = (assignment: AssignmentSnapshot, withDue: boolean) => {
    const line = t("tasks-item", {
      index: number.get(assignment.assignmentId) ?? 0,
      code: label(assignment),
      title: shortTitle(assignment.taskTitle),
    });
    return withDue && assignment.dueDate !== null
      ? `${line} ${t("remaining-overdue-tag", { due: dateText(assignment.dueDate) })}`
      : line;
  };
  const lines =
    missing.length > 0
      ? [
          t("remaining-header", {
            agency,
            period,
            deadline: dateText(view.period.dueDateLocal),
            count: missing.length,
          }),
          ...missing.map((assignment) => item(assignment, false)),
        ]
      : [none()];
  // Every overdue task is listed here, under the number it has above if it is also missing: in number
  // order, so those come first rather than after another plan's.
  if (overdue.length > 0) {
    const numberOf = (assignment: AssignmentSnapshot) => number.get(assignment.assignmentId) ?? 0;
    lines.push("", t("remaining-overdue-header", { count: overdue.length }));
    lines.push(
      ...[...overdue].sort((a, b) => numberOf(a) - numberOf(b)).map((assignment) => item(assignment, true)),
    );
  }
  lines.push("", t("remaining-footer", { code: exampleCodes(all.map(label)).doing }));
  const buttons = taskKeyboard(
    t,
    all.map((assignment) => ({ assignmentId: assignment.assignmentId, code: label(assignment) })),
    "button",
  );
  return [{ text: lines.join("\n"), buttons }];
}
