import type { Db } from "../db/database.ts";
import { firstPeriod, periodByKey, type ReportingPeriod } from "../domain/calendar.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import { loadCalendar } from "./calendar-rules.ts";

/** A quarter that is not a reporting period: malformed, impossible, or before the first period. */
export class PeriodError extends LocalizedError {
  constructor(
    readonly quarter: string,
    readonly first: string,
  ) {
    super("behind-bad-quarter", { quarter, first });
  }
}

/** The named period ("2020-Q1", "Q1/2020", ...), or the one containing `at` when none is named. */
export async function resolvePeriod(
  db: Db,
  zone: string,
  quarter: string | undefined,
  at: Date,
): Promise<ReportingPeriod> {
  const { rules, periodContaining } = await loadCalendar(db, zone);
  if (quarter === undefined) return periodContaining(at);
  const period = periodByKey(quarter, rules);
  if (!period) throw new PeriodError(quarter, firstPeriod(rules).key);
  return period;
}
