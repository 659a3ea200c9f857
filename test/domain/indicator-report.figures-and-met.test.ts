// The indicators' table: the province's figure by each rule, the cumulative figure from each agency's
// latest value up to the period, met or not, and who has not reported.
import { describe, expect, it } from "vitest";
import type { IndicatorDefinition } from "../../src/domain/indicator-definition.ts";
import {
  aggregate,
  figureMeets,
  indicatorReport,
  type ReportedValue,
} from "../../src/domain/indicator-report.ts";

const base: IndicatorDefinition = {
  number: 2,
  metric: "online_dossier_share",
  text: "Tỷ lệ hồ sơ giải quyết trực tuyến",
  fromYear: 2019,
  toYear: 2020,
  level: null,
  unit: "percent",
  target: 20,
  targetMax: null,
  deadlineYear: null,
  rule: "mean",
};
const agencies = [
  { id: 1, name: "Sở Nội vụ" },
  { id: 2, name: "Sở Y tế" },
  { id: 3, name: "TP. Pleiku" },
];
let nextId = 1;
function value(
  agencyId: number,
  periodKey: string,
  figure: number,
  sentAt = "2020-08-01T00:00:00Z",
): ReportedValue {
  return { id: nextId++, indicatorId: 7, agencyId, periodKey, value: figure, sentAt };
}

describe("the province's figure", () => {
  it("is the mean, the sum or the share of agencies reaching the target, by the indicator's rule", () => {
    expect(aggregate(base, [10, 30, 50])).toBe(30);
    expect(aggregate({ ...base, rule: "sum" }, [10, 30, 50])).toBe(90);
    expect(aggregate({ ...base, rule: "share" }, [10, 30, 50])).toBeCloseTo(66.67, 1);
    expect(aggregate(base, [])).toBeNull();
  });

  it("meets a share only when every reporting agency reaches the target, a rank when at or above it", () => {
    expect(figureMeets({ ...base, rule: "share" }, 100)).toBe(true);
    expect(figureMeets({ ...base, rule: "share" }, 66.7)).toBe(false);
    expect(figureMeets(base, 20)).toBe(true);
    expect(figureMeets(base, 19.9)).toBe(false);
    const rank = { ...base, unit: "rank" as const, target: 30 };
    expect(figureMeets(rank, 25)).toBe(true);
    expect(figureMeets(rank, 31)).toBe(false);
    expect(figureMeets({ ...base, target: null }, 50)).toBeNull();
    expect(figureMeets(base, null)).toBeNull();
  });
});

describe("the indicators' table of a period", () => {
  const values = [
    value(1, "2020-Q2", 10),
    // A correction: the later figure of the period counts.
    value(2, "2020-Q3", 12, "2020-08-01T00:00:00Z"),
    value(2, "2020-Q3", 40, "2020-09-01T00:00:00Z"),
    // After the period: left out.
    value(3, "2020-Q4", 90),
  ];
  const [row] = indicatorReport([{ id: 7, definition: base, expected: agencies }], values, "2020-Q3");

  it("takes the period's latest value per agency, and lists who has not reported in the period", () => {
    expect(row?.period).toEqual({ figure: 40, reported: 1 });
    expect(row?.missing).toEqual(["Sở Nội vụ", "TP. Pleiku"]);
    expect(row?.expected).toBe(3);
  });

  it("judges the target on the cumulative figure: each agency's latest value up to the period", () => {
    expect(row?.cumulative).toEqual({ figure: 25, reported: 2 });
    expect(row?.met).toBe(true);
  });

  it("has no figure and no judgement for an indicator nobody reported", () => {
    const [empty] = indicatorReport([{ id: 8, definition: base, expected: agencies }], values, "2020-Q3");
    expect(empty).toMatchObject({ period: { figure: null, reported: 0 }, met: null });
    expect(empty?.missing).toHaveLength(3);
  });
});
