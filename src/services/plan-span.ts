// Whether the plans being followed have all ended: a plan that ran 2019–2025 has nothing to remind or
// to count in 2026, and the bot says so rather than "everyone has reported".
import type { Db } from "../db/database.ts";
import { planSpansLatestFirst } from "../store/plans.ts";

export interface EndedPlans {
  titles: string[];
  /** The last year of the latest-ending plan. */
  endYear: number;
  /** A year of that plan with a first-quarter report, to try the demo clock on (`--at`, `:ngay`). */
  demoYear: number;
}

/** Null while some plan still runs in `year`, has no known span, or no plan is loaded at all. */
export async function endedPlansBefore(db: Db, year: number): Promise<EndedPlans | null> {
  const plans = await planSpansLatestFirst(db);
  const latest = plans[0];
  if (!latest || plans.some((plan) => plan.span_to_year === null || plan.span_to_year >= year)) return null;
  const endYear = latest.span_to_year ?? year;
  const firstYear = latest.first_report_year ?? latest.span_from_year ?? endYear;
  // Reporting may begin after Q1 of the first year (Gia Lai: Q2 2019), so its first Q1 is a year on.
  const demoYear = Math.min(endYear, firstYear + ((latest.first_report_quarter ?? 1) > 1 ? 1 : 0));
  return { titles: plans.map((plan) => plan.title), endYear, demoYear };
}
