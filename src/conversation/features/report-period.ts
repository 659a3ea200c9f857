// The quarter's report as /baocao and /bieudo load it: the period asked for (or the current one), of
// every plan or one, or the answer that names a bad quarter and how to write one.
import type { ReportingPeriod } from "../../domain/calendar.ts";
import type { QuarterReport } from "../../domain/quarter-report.ts";
import type { Reply } from "../../messages.ts";
import { loadQuarterReport } from "../../services/quarter-report.ts";
import { PeriodError } from "../../services/reporting-period.ts";
import { type LinkedTurn, say } from "../turn.ts";
import type { NamedPlan } from "./plan-words.ts";

export interface LoadedReport {
  period: ReportingPeriod;
  report: QuarterReport;
  /** The one plan it is about; every plan's when undefined. */
  plan: NamedPlan | undefined;
  /** When it was asked for: days late count to here, and the written report is dated so. */
  now: Date;
}

/** The report, or the reply to send instead (a bad quarter, with the usage line `usageId`). */
export async function loadReportFor(
  turn: LinkedTurn,
  quarter: string | undefined,
  plan: NamedPlan | undefined,
  usageId: string,
): Promise<LoadedReport | Reply[]> {
  const { deps } = turn;
  const now = deps.clock.now();
  try {
    const loaded = await loadQuarterReport(deps.db, { quarter, now, zone: deps.zone, planId: plan?.id });
    return { ...loaded, plan, now };
  } catch (error) {
    if (error instanceof PeriodError) {
      return say(`${error.describe(deps.translator)}\n${deps.translator.t(usageId)}`);
    }
    throw error;
  }
}

/** A caption with "Chỉ tính kế hoạch CDS2026." below it, for one plan's report. */
export function withPlanLine(caption: string, turn: LinkedTurn, loaded: LoadedReport): string {
  if (loaded.plan === undefined) return caption;
  return `${caption}\n${turn.deps.translator.t("behind-plan-only", { plan: loaded.plan.shortCode })}`;
}
