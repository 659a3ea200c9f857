import type { Db } from "../db/database.ts";
import { asOfInstant } from "../domain/behind.ts";
import { periodsOfYear, type ReportingPeriod } from "../domain/calendar.ts";
import { type QuarterReport, quarterReportBuilder } from "../domain/quarter-report.ts";
import { planCodesWithLiveTasks } from "../store/assignments.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";
import { loadCalendarRules } from "./calendar-rules.ts";
import { inSlices } from "./period-snapshot.ts";
import { loadReportSnapshots } from "./report-snapshots.ts";
import { resolvePeriod } from "./reporting-period.ts";

/**
 * The quarter's report: statuses as of the period's deadline (or now, for a period still running),
 * lateness as of now, like who-is-behind. Throws PeriodError for a quarter that is not a reporting
 * period.
 */
export async function loadQuarterReport(
  db: Db,
  options: { quarter: string | undefined; now: Date; zone: string; planId?: number; yieldPoint?: YieldPoint },
): Promise<{ period: ReportingPeriod; report: QuarterReport }> {
  const period = await resolvePeriod(db, options.zone, options.quarter, options.now);
  const asOf = asOfInstant(period, options.now);
  const rules = await loadCalendarRules(db, options.zone);
  const yearPeriods = periodsOfYear(period.year, rules).filter((p) => p.quarter <= period.quarter);
  // Only the cumulative columns (Q2–Q4) count updates per period.
  const counted = period.cumulativeMonths === null ? [] : yearPeriods.map((p) => p.key);
  const yieldPoint = options.yieldPoint ?? createYieldPoint();
  const { snapshots, counts } = await loadReportSnapshots(
    db,
    {
      until: asOf,
      periodKey: period.key,
      planId: options.planId,
      readAsOf: asOf.getTime() < options.now.getTime(),
      yieldPoint,
    },
    counted,
  );
  const builder = quarterReportBuilder({
    period,
    at: options.now,
    zone: options.zone,
    yearPeriods,
    updateCounts: counts,
    plans: await planCodesWithLiveTasks(db, options.planId),
  });
  await inSlices(snapshots, yieldPoint, builder.add);
  const report = builder.finish();
  return { period, report };
}
