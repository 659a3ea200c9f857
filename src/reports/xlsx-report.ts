// The quarter's report as a printable XLSX appendix: the per-agency table first (with totals), then every
// assignment and (Q2–Q4) the cumulative view, grouped by agency, then the plans' indicators. Also the
// plain table of the invite list.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { localDateOf, type ReportingPeriod } from "../domain/calendar.ts";
import type { IndicatorReportRow } from "../domain/indicator-report.ts";
import type { QuarterReport } from "../domain/quarter-report.ts";
import { dateText, dateTimeText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";
import {
  assignmentPrintColumns,
  CATEGORY_ORDER,
  cumulativeColumns,
  type Sheet,
  summaryColumns,
} from "./report-columns.ts";
import { groupedByAgency } from "./xlsx-groups.ts";
import { indicatorSheet } from "./xlsx-indicators.ts";
import { writePrintableSheet } from "./xlsx-printable.ts";

/** What the title block says besides the sheet's name. */
export interface ReportHeading {
  period: Pick<ReportingPeriod, "year" | "quarter">;
  /** The unit that compiles the report (REPORT_ISSUER). */
  unit: string;
  /** When the report is made (the report's --at, else now). */
  madeAt: Date;
}

// The streaming writer sends each committed row on, so a 50,000-row report is never held as cell
// objects; the yield point lets chat answers through while it runs (bench/xlsx.bench.ts).
async function writeWorkbook(
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, yieldPoint: YieldPoint) => Promise<void>,
): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Nhắc Việc";
  await write(workbook, createYieldPoint());
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** A workbook of plain tables (the invite list): a header row, widths, autofilter, printable. */
export async function writeXlsxSheets(sheets: readonly Sheet[]): Promise<Uint8Array> {
  return writeWorkbook(async (workbook, yieldPoint) => {
    for (const sheet of sheets) {
      const items = sheet.rows.map((row) => ({ row }));
      await writePrintableSheet(workbook, { ...sheet, title: [], items, autoFilter: true }, yieldPoint);
    }
  });
}

function titleBlock(
  translator: Translator,
  name: string,
  report: QuarterReport,
  heading: ReportHeading,
  zone: string,
): string[] {
  const { t } = translator;
  return [
    name,
    t("report-title-period", {
      period: periodName(translator, heading.period),
      asOf: dateTimeText(new Date(report.asOf), zone),
    }),
    t("report-title-unit", { unit: heading.unit }),
    t("report-title-made", { date: dateText(localDateOf(heading.madeAt, zone)) }),
  ];
}

/**
 * The report as an XLSX workbook: the per-agency appendix, the tasks, (Q2–Q4) the cumulative view and,
 * when the plans have indicators in force in the period, their table.
 */
export async function writeXlsxReport(
  report: QuarterReport,
  translator: Translator,
  zone: string,
  heading: ReportHeading,
  indicators: readonly IndicatorReportRow[] = [],
): Promise<Uint8Array> {
  const { t } = translator;
  const order = report.summary.map((row) => row.agencyName);
  const groupHeading = (agency: string, count: number) => t("report-group-heading", { agency, count });
  const summary = {
    name: t("report-sheet-summary"),
    title: titleBlock(translator, t("report-title-summary"), report, heading, zone),
    numbered: t("report-col-stt"),
    page: t("report-page"),
    columns: summaryColumns(translator),
    spans: [
      { label: t("report-span-counts"), first: 1, last: 3 },
      { label: t("report-span-categories"), first: 4, last: 3 + CATEGORY_ORDER.length },
    ],
    items: report.summary.map((row) => ({ row })),
    totals: t("report-totals"),
  };
  const assignments = {
    name: t("report-sheet-assignments"),
    title: titleBlock(translator, t("report-title-assignments"), report, heading, zone),
    numbered: t("report-col-stt"),
    page: t("report-page"),
    columns: assignmentPrintColumns(translator, zone, report.plans),
    items: groupedByAgency(report.rows, order, groupHeading),
  };
  const cumulative = report.cumulative;
  const indicatorTitle = titleBlock(translator, t("report-title-indicators"), report, heading, zone);
  const indicatorTable = indicatorSheet(translator, indicators, indicatorTitle);
  return writeWorkbook(async (workbook, yieldPoint) => {
    await writePrintableSheet(workbook, summary, yieldPoint);
    await writePrintableSheet(workbook, assignments, yieldPoint);
    if (cumulative !== null) await writeCumulativeSheet(workbook, cumulative, yieldPoint);
    if (indicatorTable !== null) await writePrintableSheet(workbook, indicatorTable, yieldPoint);
  });

  async function writeCumulativeSheet(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    cumulative: NonNullable<QuarterReport["cumulative"]>,
    yieldPoint: YieldPoint,
  ): Promise<void> {
    const periods = cumulative.periodKeys.length;
    const columns = cumulativeColumns(translator, cumulative.periodKeys, report.plans);
    const title = t("report-title-cumulative", { months: cumulative.months });
    await writePrintableSheet(
      workbook,
      {
        name: t("report-sheet-cumulative", { months: cumulative.months }),
        title: titleBlock(translator, title, report, heading, zone),
        numbered: t("report-col-stt"),
        page: t("report-page"),
        columns,
        spans: [
          { label: t("report-span-periods"), first: columns.length - periods, last: columns.length - 1 },
        ],
        items: groupedByAgency(cumulative.rows, order, groupHeading),
      },
      yieldPoint,
    );
  }
}
