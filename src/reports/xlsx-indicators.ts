// The XLSX report's "Chỉ tiêu" sheet: the written report's indicators table (docx-indicators.ts), one
// row per indicator in force, with the whole indicator text and more of the agencies not reported.
import type { IndicatorReportRow } from "../domain/indicator-report.ts";
import { capitalised } from "../domain/vietnamese.ts";
import type { Translator } from "../i18n/translator.ts";
import { figureText, metText, missingText, targetText } from "./indicator-text.ts";
import type { CellValue, Column } from "./report-columns.ts";
import type { PrintableSheet } from "./xlsx-printable.ts";

// A sheet is read on screen as much as printed: more names than the written report's eight.
const LISTED = 40;

const text = (value: string): CellValue => ({ kind: "text", value });

function indicatorColumns(translator: Translator): Column<IndicatorReportRow>[] {
  const { t } = translator;
  const figure = (header: string, pick: (row: IndicatorReportRow) => IndicatorReportRow["period"]) => ({
    header,
    width: 16,
    centred: true,
    value: (row: IndicatorReportRow) => text(figureText(translator, row.definition, pick(row))),
  });
  return [
    {
      header: t("report-docx-col-index"),
      width: 5,
      centred: true,
      value: (row) => ({ kind: "number", value: row.definition.number }),
    },
    {
      header: t("report-docx-indicator-col-text"),
      width: 46,
      value: (row) => text(capitalised(row.definition.text)),
    },
    figure(t("report-docx-indicator-col-period"), (row) => row.period),
    figure(t("report-docx-indicator-col-cumulative"), (row) => row.cumulative),
    {
      header: t("report-docx-indicator-col-target"),
      width: 16,
      centred: true,
      value: (row) => text(targetText(translator, row.definition)),
    },
    {
      header: t("report-docx-indicator-col-met"),
      width: 12,
      centred: true,
      value: (row) => text(metText(translator, row.met)),
    },
    {
      header: t("report-xlsx-indicator-col-missing-count"),
      width: 11,
      centred: true,
      value: (row) => text(`${row.missing.length}/${row.expected}`),
    },
    {
      header: t("report-docx-indicator-col-missing"),
      width: 40,
      value: (row) =>
        text(
          row.expected > 0 && row.missing.length === row.expected
            ? t("report-xlsx-indicator-missing-all")
            : missingText(translator, row, LISTED),
        ),
    },
  ];
}

/** The sheet, or null when no indicator of the report's plans is in force in the period. */
export function indicatorSheet(
  translator: Translator,
  rows: readonly IndicatorReportRow[],
  title: readonly string[],
): PrintableSheet<IndicatorReportRow> | null {
  if (rows.length === 0) return null;
  return {
    name: translator.t("report-sheet-indicators"),
    title,
    page: translator.t("report-page"),
    columns: indicatorColumns(translator),
    items: rows.map((row) => ({ row })),
  };
}
