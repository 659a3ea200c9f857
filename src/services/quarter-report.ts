import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import { asOfInstant } from "../domain/behind.ts";
import { periodsOfYear, type ReportingPeriod } from "../domain/calendar.ts";
import { buildQuarterReport, type QuarterReport } from "../domain/quarter-report.ts";
import { loadCalendarRules } from "./calendar-rules.ts";
import { loadAssignmentSnapshots } from "./period-snapshot.ts";
import { resolvePeriod } from "./reporting-period.ts";

/** Effective updates (latest revision of their message) per assignment and period key. */
async function updateCounts(
  db: Db,
  periodKeys: string[],
  until: Date,
): Promise<Map<number, Map<string, number>>> {
  const counts = new Map<number, Map<string, number>>();
  if (periodKeys.length === 0) return counts;
  const result = await sql<{ assignment_id: number; period_key: string; n: number }>`
    select u.assignment_id, u.period_key, count(*) as n
    from status_updates u
    where u.period_key in (${sql.join(periodKeys)})
      and u.sent_at < ${until.toISOString()}
      and not exists (
        select 1 from status_updates newer
        where newer.message_key = u.message_key and newer.revision > u.revision
      )
    group by u.assignment_id, u.period_key`.execute(db);
  for (const row of result.rows) {
    const perPeriod = counts.get(row.assignment_id) ?? new Map<string, number>();
    perPeriod.set(row.period_key, Number(row.n));
    counts.set(row.assignment_id, perPeriod);
  }
  return counts;
}

/**
 * The quarter's report: statuses as of the period's deadline (or now, for a period still running),
 * lateness as of now, like who-is-behind. Throws PeriodError for a quarter that is not a reporting
 * period.
 */
export async function loadQuarterReport(
  db: Db,
  options: { quarter: string | undefined; now: Date; zone: string },
): Promise<{ period: ReportingPeriod; report: QuarterReport }> {
  const period = await resolvePeriod(db, options.zone, options.quarter, options.now);
  const asOf = asOfInstant(period, options.now);
  const rules = await loadCalendarRules(db, options.zone);
  const yearPeriods = periodsOfYear(period.year, rules).filter((p) => p.quarter <= period.quarter);
  const [snapshots, counts] = await Promise.all([
    loadAssignmentSnapshots(db, { until: asOf, periodKey: period.key }),
    period.cumulativeMonths === null
      ? Promise.resolve(new Map())
      : updateCounts(
          db,
          yearPeriods.map((p) => p.key),
          asOf,
        ),
  ]);
  const report = buildQuarterReport({
    snapshots,
    period,
    at: options.now,
    zone: options.zone,
    yearPeriods,
    updateCounts: counts,
  });
  return { period, report };
}
