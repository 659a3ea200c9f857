// Whether the plans being followed have all ended or been closed: a plan that ran 2019–2025 has
// nothing to remind or to count in 2026, and the bot says so rather than "everyone has reported".
import type { Db } from "../db/database.ts";
import { localDateOf } from "../domain/calendar.ts";
import { planStatus } from "../domain/plan-status.ts";
import { planSpansLatestFirst } from "../store/plans.ts";

export interface EndedPlans {
  titles: string[];
  /** The last year of the latest-ending plan. */
  endYear: number;
  /** A month of that plan with a report, to try the demo clock on (`--at`, `:ngay`). */
  demo: { year: number; month: number };
}

/** Null while some plan is still followed at `now` (one with no known span always is), or none is loaded. */
export async function endedPlansAt(db: Db, now: Date, zone: string): Promise<EndedPlans | null> {
  const plans = await planSpansLatestFirst(db);
  const latest = plans[0];
  const followed = (plan: (typeof plans)[number]) =>
    planStatus({ closedAt: plan.closed_at, spanToYear: plan.span_to_year }, now, zone) === "open";
  if (!latest || plans.some(followed)) return null;
  const year = Number(localDateOf(now, zone).slice(0, 4));
  const endYear = latest.span_to_year ?? year;
  const firstYear = latest.first_report_year ?? latest.span_from_year ?? endYear;
  const firstQuarter = latest.first_report_quarter ?? 1;
  // Reporting may begin after Q1 (Gia Lai: Q2 2019): then the demo is the next year's Q1 (13/3/2020),
  // or, for a plan of one year, its first report's quarter.
  const demo =
    firstQuarter > 1 && endYear > firstYear
      ? { year: firstYear + 1, month: 3 }
      : { year: firstYear, month: 3 * firstQuarter };
  return { titles: plans.map((plan) => plan.title), endYear, demo };
}
