// The indicators' table of a period: per indicator, the province's figure from the agencies' latest
// values in the period, the cumulative (lũy kế) figure from each agency's latest value up to the
// period's end, whether the target is met, and who has not reported (README: indicators). Pure.
import type { IndicatorDefinition } from "./indicator-definition.ts";

export interface ReportedValue {
  id: number;
  indicatorId: number;
  agencyId: number;
  periodKey: string;
  value: number;
  sentAt: string;
}

export interface ExpectedAgency {
  id: number;
  name: string;
}

export interface IndicatorInput {
  id: number;
  definition: IndicatorDefinition;
  /** The agencies that should report it: live assignments in its plan, kind matching its level. */
  expected: readonly ExpectedAgency[];
}

export interface IndicatorFigure {
  /** Null when no agency has reported. */
  figure: number | null;
  /** How many agencies' values made it. */
  reported: number;
}

export interface IndicatorReportRow {
  indicatorId: number;
  definition: IndicatorDefinition;
  period: IndicatorFigure;
  cumulative: IndicatorFigure;
  /** Judged on the cumulative figure (the target's standing at the period's end); null: no figure or no target. */
  met: boolean | null;
  expected: number;
  /** Expected agencies with no value in the period, in the order given. */
  missing: string[];
}

/** Whether one value (an agency's, or the province's) reaches the target. */
export function reaches(definition: IndicatorDefinition, value: number): boolean | null {
  if (definition.target === null) return null;
  return definition.unit === "rank" ? value <= definition.target : value >= definition.target;
}

/** The province's figure by the indicator's rule. */
export function aggregate(definition: IndicatorDefinition, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  switch (definition.rule) {
    case "sum":
      return values.reduce((sum, value) => sum + value, 0);
    case "share": {
      const meeting = values.filter((value) => reaches(definition, value) === true).length;
      return (100 * meeting) / values.length;
    }
    default:
      return values.reduce((sum, value) => sum + value, 0) / values.length;
  }
}

/** Whether the province's figure meets the target: a share is met when every reporting agency reaches it. */
export function figureMeets(definition: IndicatorDefinition, figure: number | null): boolean | null {
  if (figure === null || definition.target === null) return null;
  return definition.rule === "share" ? figure >= 100 : reaches(definition, figure);
}

/** Each agency's latest value, later periods first, then the later sending, then the later row. */
function latestByAgency(values: readonly ReportedValue[]): Map<number, number> {
  const sorted = [...values].sort(
    (a, b) => a.periodKey.localeCompare(b.periodKey) || a.sentAt.localeCompare(b.sentAt) || a.id - b.id,
  );
  return new Map(sorted.map((value) => [value.agencyId, value.value]));
}

function figureOf(definition: IndicatorDefinition, values: readonly ReportedValue[]): IndicatorFigure {
  const latest = latestByAgency(values);
  return { figure: aggregate(definition, [...latest.values()]), reported: latest.size };
}

/**
 * One row per indicator, in the order given. `values` may hold any period's values; those of later
 * periods than `periodKey` are left out (period keys "2020-Q3" sort in time order).
 */
export function indicatorReport(
  indicators: readonly IndicatorInput[],
  values: readonly ReportedValue[],
  periodKey: string,
): IndicatorReportRow[] {
  const byIndicator = new Map<number, ReportedValue[]>();
  for (const value of values) {
    if (value.periodKey > periodKey) continue;
    const list = byIndicator.get(value.indicatorId) ?? [];
    list.push(value);
    byIndicator.set(value.indicatorId, list);
  }
  return indicators.map(({ id, definition, expected }) => {
    const upToPeriod = byIndicator.get(id) ?? [];
    const inPeriod = upToPeriod.filter((value) => value.periodKey === periodKey);
    const cumulative = figureOf(definition, upToPeriod);
    const reporters = new Set(inPeriod.map((value) => value.agencyId));
    return {
      indicatorId: id,
      definition,
      period: figureOf(definition, inPeriod),
      cumulative,
      met: figureMeets(definition, cumulative.figure),
      expected: expected.length,
      missing: expected.filter((agency) => !reporters.has(agency.id)).map((agency) => agency.name),
    };
  });
}
