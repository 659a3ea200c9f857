// "nhiệm vụ II.2 thế nào?": every lead agency's standing on one task, most behind first.
import { isInScope } from "../../domain/behind.ts";
import { shortTitle } from "../../domain/short-title.ts";
import { dateText, periodName } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { loadBehind } from "../../services/behind-query.ts";
import { liveTaskTitle } from "../../store/plans.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { assignmentLine, orderForAttention } from "./assignment-lines.ts";

export async function taskStatusAnswer(turn: LinkedTurn, code: string): Promise<Reply[]> {
  const { deps } = turn;
  const { translator } = deps;
  const { t } = translator;
  const at = deps.clock.now();
  const { period, snapshots: leads } = await loadBehind(deps.db, {
    at,
    zone: deps.zone,
    staleAfterDays: deps.staleAfterDays,
    taskCode: code,
  });
  const [first] = leads;
  if (!first) {
    const title = await liveTaskTitle(deps.db, code);
    if (title === null) return say(t("task-status-unknown", { code }));
    return say(
      [t("task-status-header", { code, title: shortTitle(title) }), t("task-status-no-lead")].join("\n"),
    );
  }
  const lines = [
    t("task-status-header", { code, title: shortTitle(first.taskTitle) }),
    first.dueDate === null
      ? t("task-status-no-due", { period: periodName(translator, period) })
      : t("task-status-due", { due: dateText(first.dueDate), period: periodName(translator, period) }),
  ];
  if (first.dormant) lines.push(t("task-status-dormant"));
  const shown = first.dormant
    ? leads
    : leads.filter((lead) => isInScope(lead, period) || lead.latestStatus !== null);
  const options = { period, at, zone: deps.zone };
  lines.push(
    ...orderForAttention(shown, period.year).map((s) => assignmentLine(translator, s, options, s.agencyName)),
  );
  return say(lines.join("\n"));
}
