// `/baocao [YYYY-Qn]`: the quarter's report as an Excel file in the chat (coordinators).
import { dateTimeText, periodName } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { renderReport } from "../../reports/report-file.ts";
import { loadQuarterReport } from "../../services/quarter-report.ts";
import { PeriodError } from "../../services/reporting-period.ts";
import { type LinkedTurn, say } from "../turn.ts";

export async function reportFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const { deps } = turn;
  const { t } = deps.translator;
  let loaded: Awaited<ReturnType<typeof loadQuarterReport>>;
  try {
    loaded = await loadQuarterReport(deps.db, {
      quarter: args.trim() === "" ? undefined : args.trim(),
      now: deps.clock.now(),
      zone: deps.zone,
    });
  } catch (error) {
    if (error instanceof PeriodError) {
      return say(`${error.describe(deps.translator)}\n${t("report-usage")}`);
    }
    throw error;
  }
  const { period, report } = loaded;
  const bytes = await renderReport(report, "xlsx", deps.translator, deps.zone, {
    period,
    unit: deps.reportIssuer,
    madeAt: deps.clock.now(),
  });
  // Tasks and assignments (task × lead agency) are counted apart: 34 tasks make ~300 assignments.
  const { totals } = report;
  const caption = t("report-caption", {
    period: periodName(deps.translator, period),
    asOf: dateTimeText(new Date(report.asOf), deps.zone),
    tasks: totals.tasks,
    assignments: totals.assignments,
    agencies: totals.agenciesInScope,
    reported: totals.agenciesReported,
    owing: totals.agenciesOwing,
    overdue: totals.categories.overdue,
  });
  return [{ text: caption, document: { fileName: t("report-file-name", { key: period.key }), bytes } }];
}
