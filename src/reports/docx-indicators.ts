// The written report's "4. Kết quả thực hiện các chỉ tiêu": per indicator in force, the province's
// figure for the period, the cumulative figure, the target, met or not, and who has not reported.
import { type Paragraph, Table, TableRow, WidthType } from "docx";
import type { IndicatorReportRow } from "../domain/indicator-report.ts";
import type { Translator } from "../i18n/translator.ts";
import type { WrittenReportInput } from "./docx-input.ts";
import { bodyParagraph, GRID, headingParagraph, mm, TEXT_WIDTH, tableCell } from "./docx-style.ts";
import { figureText, metText, missingText, shortIndicatorText, targetText } from "./indicator-text.ts";

const INDEX = mm(9);
const NUMBER = mm(19);
const MET = mm(16);
const MISSING = mm(32);
// The indicator's text takes what the figures leave.
const TEXT = TEXT_WIDTH - INDEX - 3 * NUMBER - MET - MISSING;
const COLUMNS = [INDEX, TEXT, NUMBER, NUMBER, NUMBER, MET, MISSING];

function headerRow(translator: Translator): TableRow {
  const { t } = translator;
  const titles = [
    t("report-docx-col-index"),
    t("report-docx-indicator-col-text"),
    t("report-docx-indicator-col-period"),
    t("report-docx-indicator-col-cumulative"),
    t("report-docx-indicator-col-target"),
    t("report-docx-indicator-col-met"),
    t("report-docx-indicator-col-missing"),
  ];
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: titles.map((title, index) => tableCell(title, COLUMNS[index] ?? NUMBER, { bold: true })),
  });
}

function indicatorRow(translator: Translator, row: IndicatorReportRow): TableRow {
  const { definition } = row;
  const texts = [
    String(definition.number),
    shortIndicatorText(definition.text),
    figureText(translator, definition, row.period),
    figureText(translator, definition, row.cumulative),
    targetText(translator, definition),
    metText(translator, row.met),
    row.missing.length === 0
      ? missingText(translator, row)
      : `${row.missing.length}/${row.expected}: ${missingText(translator, row)}`,
  ];
  return new TableRow({
    cantSplit: true,
    children: texts.map((text, index) =>
      tableCell(text, COLUMNS[index] ?? NUMBER, { align: index === 1 || index === 6 ? "left" : "center" }),
    ),
  });
}

/** The section, or nothing when the plan has no indicators in force in the period. */
export function indicatorParagraphs(input: WrittenReportInput): (Paragraph | Table)[] {
  const rows = input.details.indicators ?? [];
  if (rows.length === 0) return [];
  const { t } = input.translator;
  const met = rows.filter((row) => row.met === true).length;
  const notMet = rows.filter((row) => row.met === false).length;
  return [
    headingParagraph(t("report-docx-indicators-heading")),
    bodyParagraph(
      t("report-docx-indicators-intro", {
        count: rows.length,
        met,
        notMet,
        unknown: rows.length - met - notMet,
      }),
    ),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: COLUMNS,
      borders: GRID,
      rows: [headerRow(input.translator), ...rows.map((row) => indicatorRow(input.translator, row))],
    }),
    bodyParagraph(t("report-docx-indicators-rules"), { italics: true }),
  ];
}
