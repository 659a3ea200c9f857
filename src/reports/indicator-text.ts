// How indicators and their figures read in chat, the CLI and the written report (README: indicators).

import type { IndicatorDefinition } from "../domain/indicator-definition.ts";
import type { IndicatorReportRow } from "../domain/indicator-report.ts";
import { shortTitle } from "../domain/short-title.ts";
import { capitalised } from "../domain/vietnamese.ts";
import type { Translator } from "../i18n/translator.ts";

/** An indicator's text cut at a word near 80 characters: enough to recognise it beside its number. */
export function shortIndicatorText(text: string): string {
  return shortTitle(capitalised(text), 80);
}

/** A number the Vietnamese way, at most one decimal: 45, 45,5 (the English locale writes 45.5). */
export function numberText(translator: Translator, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = String(rounded);
  return translator.locale === "vi" ? text.replace(".", ",") : text;
}

/** A value in the indicator's unit: "45%", "hạng 25". */
export function valueText(translator: Translator, definition: IndicatorDefinition, value: number): string {
  return translator.t(definition.unit === "rank" ? "indicator-value-rank" : "indicator-value-percent", {
    value: numberText(translator, value),
  });
}

/** The target: "≥ 20%", "30–50%", "nhóm 30 tỉnh đứng đầu"; a share asks it of every agency. */
export function targetText(translator: Translator, definition: IndicatorDefinition): string {
  const { t } = translator;
  if (definition.target === null) return t("indicator-target-none");
  const target = numberText(translator, definition.target);
  if (definition.unit === "rank") return t("indicator-target-rank", { rank: target });
  const base =
    definition.targetMax === null
      ? t("indicator-target-percent", { target })
      : t("indicator-target-range", { target, max: numberText(translator, definition.targetMax) });
  const deadline =
    definition.deadlineYear === null
      ? base
      : t("indicator-target-by", { target: base, year: String(definition.deadlineYear) });
  return definition.rule === "share" ? t("indicator-target-every-agency", { target: deadline }) : deadline;
}

/** A province figure: "45%" (the mean), "12/40 đơn vị đạt (30%)" for a share, "chưa có số liệu". */
export function figureText(
  translator: Translator,
  definition: IndicatorDefinition,
  figure: { figure: number | null; reported: number },
): string {
  if (figure.figure === null) return translator.t("indicator-figure-none");
  const value = valueText(translator, definition, figure.figure);
  return translator.t(definition.rule === "share" ? "indicator-figure-share" : "indicator-figure", {
    value,
    reported: figure.reported,
  });
}

export function metText(translator: Translator, met: boolean | null): string {
  return translator.t(met === null ? "indicator-met-unknown" : met ? "indicator-met" : "indicator-not-met");
}

const LISTED = 8;

/** The agencies that have not reported: the first eight (or `listed`), then how many more. */
export function missingText(translator: Translator, row: IndicatorReportRow, listed = LISTED): string {
  if (row.missing.length === 0) return translator.t("indicator-missing-none");
  const names = row.missing.slice(0, listed).join(", ");
  const more = row.missing.length - listed;
  return more > 0 ? translator.t("indicator-missing-more", { names, more }) : names;
}

/** One indicator of the table as text lines (the CLI and a coordinator's /chitieu). */
export function indicatorRowLines(translator: Translator, row: IndicatorReportRow): string[] {
  const { t } = translator;
  const { definition } = row;
  return [
    t("indicator-row-title", { number: definition.number, text: shortIndicatorText(definition.text) }),
    `  ${t("indicator-row-figures", {
      period: figureText(translator, definition, row.period),
      cumulative: figureText(translator, definition, row.cumulative),
      target: targetText(translator, definition),
      met: metText(translator, row.met),
    })}`,
    `  ${t("indicator-row-missing", { count: row.missing.length, expected: row.expected, names: missingText(translator, row) })}`,
  ];
}
