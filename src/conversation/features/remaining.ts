import { dateText, periodName } from "../../i18n/display.ts";
import { rememberList } from "../../store/conversation-state.ts";
import { agencyPeriodView } from "../agency-period.ts";
import { shortTitle } from "../format.ts";
import { planEndedNotice } from "../plan-ended.ts";
import { type LinkedTurn, say } from "../turn.ts";
import type { Reply } from "../types.ts";
import { taskKeyboard } from "./task-buttons.ts";

/** `/conlai`: what the person's agency still owes for the current period, numbered for "#n". */
export async function remainingFeature(turn: LinkedTurn): Promise<Reply[]> {
  const { deps, person } = turn;
  const { t } = deps.translator;
  if (person.agencyId === null) return say(t("tasks-no-agency"));
  const ended = await planEndedNotice(turn);
  if (ended) return ended;
  const now = deps.clock.now();
  const view = await agencyPeriodView(turn, person.agencyId, now);
  const agency = person.agencyName ?? "";
  const deadline = dateText(view.period.dueDateLocal);
  const period = periodName(deps.translator, view.period);
  if (view.missing.length === 0) {
    return say(t("remaining-none", { agency, period, open: view.open.length }));
  }
  await rememberList(
    deps.db,
    person.accountId,
    view.missing.map((assignment) => assignment.assignmentId),
    now,
  );
  const lines = [t("remaining-header", { agency, period, deadline, count: view.missing.length })];
  view.missing.forEach((assignment, index) => {
    lines.push(
      t("tasks-item", {
        index: index + 1,
        code: assignment.taskCode,
        title: shortTitle(assignment.taskTitle),
      }),
    );
  });
  lines.push("", t("remaining-footer"));
  const buttons = taskKeyboard(
    turn,
    view.missing.map((assignment) => ({ assignmentId: assignment.assignmentId, code: assignment.taskCode })),
  );
  return [{ text: lines.join("\n"), buttons }];
}
