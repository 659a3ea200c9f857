// "nhiệm vụ II.2 thế nào?": every lead agency's standing on one task, most behind first.

import { isInScope } from "../../domain/behind.ts";
import { groupBy } from "../../domain/group-by.ts";
import { shortTitle } from "../../domain/short-title.ts";
import { dateText, periodName } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { loadBehind } from "../../services/behind-query.ts";
import { liveTaskTitle } from "../../store/plans.ts";
import { taskLabel } from "../../texts/task-label.ts";
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
  // A code of several plans (README: several plans at once) is one block per plan, each named.
  const byPlan = groupBy(leads, (lead) => lead.plan);
  const named = byPlan.size > 1;
  const blocks = [...byPlan.values()].map((ofPlan) => {
    const [head = first] = ofPlan;
    const label = taskLabel(t, code, named ? head.plan : null);
    const lines = [
      t("task-status-header", { code: label, title: shortTitle(head.taskTitle) }),
      head.dueDate === null
        ? t("task-status-no-due", { period: periodName(translator, period) })
        : t("task-status-due", { due: dateText(head.dueDate), period: periodName(translator, period) }),
    ];
    if (head.dormant) lines.push(t("task-status-dormant"));
    const shown = head.dormant
      ? ofPlan
      : ofPlan.filter((lead) => isInScope(lead, period) || lead.latestStatus !== null);
    const options = { period, at, zone: deps.zone };
    lines.push(
      ...orderForAttention(shown, period.year).map((s) =>
        assignmentLine(translator, s, options, s.agencyName),
      ),
    );
    return lines.join("\n");
  });
  return say(blocks.join("\n\n"));
}
