// The indicators' table of a period, from the stored figures (README: indicators).
import type { Db } from "../db/database.ts";
import { asOfInstant } from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { sortByName } from "../domain/collation.ts";
import { appliesInYear, levelApplies } from "../domain/indicator-definition.ts";
import { type IndicatorReportRow, indicatorReport } from "../domain/indicator-report.ts";
import { liveIndicators, planAgencies, valuesUpTo } from "../store/indicators.ts";

/**
 * Per indicator in force in the period's year: the province's and the cumulative figure, the target
 * met or not, and the agencies (with live assignments in its plan, of its level) that have not
 * reported it; figures sent up to the report's instant (`now`, or the period's deadline once past).
 * Every plan's indicators, or one plan's (`planId`).
 */
export async function loadIndicatorReport(
  db: Db,
  period: ReportingPeriod,
  now: Date,
  planId?: number,
): Promise<IndicatorReportRow[]> {
  const until = asOfInstant(period, now);
  const [indicators, agencies, values] = await Promise.all([
    liveIndicators(db),
    planAgencies(db, period.key, until),
    valuesUpTo(db, period.key, until),
  ]);
  // A plan has a few dozen indicators: one plan's are picked here.
  const inputs = indicators
    .filter((indicator) => planId === undefined || indicator.planId === planId)
    .filter((indicator) => appliesInYear(indicator.definition, period.year))
    .map(({ id, planId, definition }) => ({
      id,
      definition,
      expected: sortByName(
        agencies.filter((agency) => agency.planId === planId && levelApplies(definition.level, agency.kind)),
        (agency) => agency.name,
      ).map((agency) => ({ id: agency.agencyId, name: agency.name })),
    }));
  return indicatorReport(inputs, values, period.key);
}
