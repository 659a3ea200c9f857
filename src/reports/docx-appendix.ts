// The written report's appendix: the per-agency table (STT, agency, owed, reported, the five
// categories, reporting status) with a totals row, on landscape pages with the header row repeated.
import { AlignmentType, ImageRun, Paragraph, Table, TableRow, WidthType } from "docx";
import { CATEGORIES } from "../domain/behind.ts";
import type { AgencySummaryRow, Timeliness } from "../domain/quarter-report.ts";
import { capitalised } from "../domain/vietnamese.ts";
import type { Translator } from "../i18n/translator.ts";
import { periodPhrase } from "./docx-body.ts";
import { documentNumber } from "./docx-header.ts";
import type { ChartImage, WrittenReportInput } from "./docx-input.ts";
import {
  centredParagraph,
  GRID,
  LANDSCAPE_TEXT_WIDTH,
  mm,
  pt,
  ruleParagraph,
  run,
  tableCell,
} from "./docx-style.ts";

const TABLE_SIZE = pt(12);
const INDEX_WIDTH = mm(12);
const NUMBER_WIDTH = mm(22);
const STANDING_WIDTH = mm(36);
// The agency's name takes what the numbers leave.
const AGENCY_WIDTH = LANDSCAPE_TEXT_WIDTH - INDEX_WIDTH - 7 * NUMBER_WIDTH - STANDING_WIDTH;
const COLUMNS = [INDEX_WIDTH, AGENCY_WIDTH, ...Array.from({ length: 7 }, () => NUMBER_WIDTH), STANDING_WIDTH];
export function timelinessText(translator: Translator, timeliness: Timeliness): string {
  if (timeliness.kind === "late") return translator.t("report-timeliness-late", { days: timeliness.days });
  return translator.t(`report-timeliness-${timeliness.kind}`);
}

function headerRow(translator: Translator): TableRow {
  const { t } = translator;
  const titles = [
    t("report-docx-col-index"),
    t("report-docx-col-agency"),
    t("report-docx-col-owed"),
    t("report-docx-col-reported"),
    ...CATEGORIES.map((category) => capitalised(t(`category-${category}`))),
    t("report-docx-col-standing"),
  ];
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: titles.map((title, index) => tableCell(title, COLUMNS[index] ?? NUMBER_WIDTH, { bold: true })),
  });
}

function numbersOf(row: Pick<AgencySummaryRow, "owed" | "reported" | "categories">): number[] {
  return [row.owed, row.reported, ...CATEGORIES.map((category) => row.categories[category])];
}

function agencyRow(translator: Translator, row: AgencySummaryRow, index: number): TableRow {
  const cells = [
    tableCell(String(index + 1), INDEX_WIDTH),
    tableCell(row.agencyName, AGENCY_WIDTH, { align: "left" }),
    ...numbersOf(row).map((value) => tableCell(String(value), NUMBER_WIDTH)),
    tableCell(timelinessText(translator, row.timeliness), STANDING_WIDTH, { align: "left" }),
  ];
  return new TableRow({ cantSplit: true, children: cells });
}

function totalsRow(translator: Translator, rows: readonly AgencySummaryRow[]): TableRow {
  const sums = rows
    .map(numbersOf)
    .reduce((sum, values) => sum.map((total, i) => total + (values[i] ?? 0)), Array(7).fill(0));
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell("", INDEX_WIDTH),
      tableCell(translator.t("report-docx-total"), AGENCY_WIDTH, { bold: true }),
      ...sums.map((value) => tableCell(String(value), NUMBER_WIDTH, { bold: true })),
      tableCell("", STANDING_WIDTH),
    ],
  });
}

// The chart fills the landscape text area's width, or less when it would be taller than the page.
const PIXELS_PER_TWIP = 96 / 1440;
const CHART_BOX = { width: LANDSCAPE_TEXT_WIDTH, height: mm(158) };

/** One part of the progress chart on a page of its own after the table, with its title. */
function chartParagraphs(
  input: WrittenReportInput,
  chart: ChartImage,
  part: number,
  parts: number,
): Paragraph[] {
  const { t } = input.translator;
  const scale = Math.min(CHART_BOX.width / chart.width, CHART_BOX.height / chart.height);
  const whole = t("report-docx-chart-caption", { period: periodPhrase(input, input.period) });
  const caption = parts === 1 ? whole : t("report-docx-chart-part", { caption: whole, part, parts });
  const image = new ImageRun({
    type: "png",
    data: chart.png,
    transformation: {
      width: Math.round(chart.width * scale * PIXELS_PER_TWIP),
      height: Math.round(chart.height * scale * PIXELS_PER_TWIP),
    },
    altText: { name: "chart", title: caption, description: caption },
  });
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [run(caption, { bold: true })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 }, children: [image] }),
  ];
}

export function appendixChildren(
  input: WrittenReportInput,
  madeDate: string,
  charts: readonly ChartImage[],
): (Paragraph | Table)[] {
  const { translator, settings } = input;
  const { t } = translator;
  const period = periodPhrase(input, input.period).toLocaleUpperCase("vi");
  const rows = input.report.summary;
  return [
    centredParagraph(t("report-docx-appendix"), { bold: true, size: pt(14) }),
    centredParagraph(t("report-docx-appendix-title", { period }), { bold: true, size: pt(14) }),
    centredParagraph(
      t("report-docx-appendix-reference", {
        number: documentNumber(settings),
        date: madeDate,
        issuer: settings.issuer,
      }),
      { italics: true, size: pt(14) },
    ),
    ruleParagraph(mm(50), LANDSCAPE_TEXT_WIDTH),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 120, after: 60 },
      children: [run(t("report-docx-appendix-unit"), { italics: true, size: TABLE_SIZE })],
    }),
    new Table({
      width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: COLUMNS,
      borders: GRID,
      rows: [
        headerRow(translator),
        ...rows.map((row, index) => agencyRow(translator, row, index)),
        totalsRow(translator, rows),
      ],
    }),
    ...(rows.length > 0
      ? charts.flatMap((chart, index) => chartParagraphs(input, chart, index + 1, charts.length))
      : []),
  ];
}
