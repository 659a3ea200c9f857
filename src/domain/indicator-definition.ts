// A plan's numeric target (chỉ tiêu): what it asks, for which years and level of government, and how
// the province's figure is made from the agencies' reports (README: indicators). Pure.

import { foldText } from "./vietnamese.ts";
import type { AgencyKind } from "./vocabulary.ts";

/** Cấp tỉnh, cấp huyện, cấp xã; an indicator without a level applies to every agency. */
export const INDICATOR_LEVELS = ["province", "district", "commune"] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/**
 * mean: the province's figure is the mean of the agencies' latest values; sum: their total; share:
 * the percentage of reporting agencies whose own value reaches the target (met when all of them do).
 */
export const INDICATOR_RULES = ["mean", "sum", "share"] as const;
export type IndicatorRule = (typeof INDICATOR_RULES)[number];

/** A percentage, or a rank among provinces (lower is better: "nhóm 30 tỉnh" is met by rank ≤ 30). */
export const INDICATOR_UNITS = ["percent", "rank"] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export interface IndicatorDefinition {
  /** 1..n in the plan's order: what officials type ("chỉ tiêu 2"). */
  number: number;
  /** A stable name, so a re-import finds the same target even when numbers shift. */
  metric: string;
  text: string;
  fromYear: number;
  toYear: number;
  level: IndicatorLevel | null;
  unit: IndicatorUnit;
  target: number | null;
  targetMax: number | null;
  deadlineYear: number | null;
  rule: IndicatorRule;
}

const LEVEL_KINDS: Record<IndicatorLevel, readonly AgencyKind[]> = {
  province: ["department", "sector"],
  district: ["district"],
  commune: ["commune", "ward"],
};

/** Whether an agency of this kind reports an indicator of this level. */
export function levelApplies(level: IndicatorLevel | null, kind: AgencyKind): boolean {
  return level === null || LEVEL_KINDS[level].includes(kind);
}

/** Whether the indicator is in force in a year: its period, ending earlier at its deadline year. */
export function appliesInYear(
  indicator: Pick<IndicatorDefinition, "fromYear" | "toYear" | "deadlineYear">,
  year: number,
): boolean {
  return indicator.fromYear <= year && year <= (indicator.deadlineYear ?? indicator.toYear);
}

const LEVEL_WORDS: Record<string, IndicatorLevel> = {
  tinh: "province",
  "cap tinh": "province",
  province: "province",
  huyen: "district",
  "cap huyen": "district",
  district: "district",
  xa: "commune",
  "cap xa": "commune",
  commune: "commune",
};

/** "tỉnh", "cấp huyện", "xã" (or the English words); "" is no level; undefined when unreadable. */
export function readLevel(text: string): IndicatorLevel | null | undefined {
  const folded = foldText(text);
  if (folded === "" || folded === "-" || folded === "tat ca" || folded === "all") return null;
  return LEVEL_WORDS[folded];
}

const RULE_WORDS: Record<string, IndicatorRule> = {
  mean: "mean",
  "trung binh": "mean",
  tb: "mean",
  sum: "sum",
  tong: "sum",
  cong: "sum",
  share: "share",
  "ty le dat": "share",
  "ty le don vi dat": "share",
  "don vi dat": "share",
};

/** "trung bình" / "tổng" / "tỷ lệ đơn vị đạt" (or mean / sum / share); "" is the mean. */
export function readRule(text: string): IndicatorRule | undefined {
  const folded = foldText(text).replace(/[()]/g, "");
  return folded === "" ? "mean" : RULE_WORDS[folded];
}

/** "2019-2020", "2021 – 2025" or one year; null when unreadable. */
export function readYearSpan(text: string): { fromYear: number; toYear: number } | null {
  const match = /^(\d{4})(?:\s*-\s*(\d{4}))?$/.exec(foldText(text));
  if (!match) return null;
  const fromYear = Number(match[1]);
  const toYear = Number(match[2] ?? match[1]);
  return fromYear <= toYear ? { fromYear, toYear } : null;
}

/** A number as officials and spreadsheets write it: "45", "45,5", "45.5", "45%". */
export function readFigure(text: string): number | null {
  const match = /^(\d{1,6}(?:[.,]\d{1,4})?)\s*%?$/.exec(text.trim());
  return match ? Number((match[1] ?? "").replace(",", ".")) : null;
}

const MAX_RANK = 63;

/** Whether a reported value can be right: 0–100 for a percentage, a whole rank among 63 provinces. */
export function valueInRange(unit: IndicatorUnit, value: number): boolean {
  if (unit === "rank") return Number.isInteger(value) && value >= 1 && value <= MAX_RANK;
  return value >= 0 && value <= 100;
}
