// What the bot answers about an update it cannot store: another agency's task, a code or list item it
// does not know, a plan word it cannot place or a closed plan, a second code in several plans.
import { localDateOf } from "../../domain/calendar.ts";
import { dateText } from "../../i18n/display.ts";
import { taskLabel } from "../../texts/task-label.ts";
import type { Resolution } from "../task-resolution.ts";
import type { LinkedTurn } from "../turn.ts";

export function refusalLine(turn: LinkedTurn, resolution: Resolution): string | null {
  const { t } = turn.deps.translator;
  const agency = turn.person.agencyName ?? "";
  switch (resolution.kind) {
    case "not_own": {
      const code = taskLabel(t, resolution.taskCode, resolution.plan);
      return resolution.leads.length > 0
        ? t("update-not-own", { code, leads: resolution.leads.join(", "), agency })
        : t("update-no-lead", { code });
    }
    case "unknown_task":
      return resolution.plan === null
        ? t("update-unknown-task", { code: resolution.taskCode })
        : t("update-unknown-task-in-plan", { code: resolution.taskCode, plan: resolution.plan });
    case "unknown_item":
      return t("update-unknown-item", { index: resolution.index });
    case "unknown_plan":
      return t("update-unknown-plan", {
        word: resolution.word,
        code: resolution.taskCode,
        plans: resolution.open.join(", ") || "—",
        example: taskLabel(t, resolution.taskCode, resolution.open[0] ?? null),
      });
    case "closed_plan":
      return t("update-closed-plan", {
        plan: resolution.plan,
        date: dateText(localDateOf(new Date(resolution.closedAt), turn.deps.zone)),
      });
    case "ambiguous": {
      const [first] = resolution.candidates;
      return t("update-ambiguous-retype", {
        code: resolution.taskCode,
        plans: resolution.candidates.map((c) => c.plan.shortCode).join(", "),
        example: taskLabel(t, resolution.taskCode, first?.plan.shortCode ?? null),
      });
    }
    default:
      return null;
  }
}
