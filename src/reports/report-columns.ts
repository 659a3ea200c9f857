// The report's columns, defined once for every writer: header message id, width and typed value.
import { blockerReason } from "../domain/blocker-text.ts";
import { localDateTimeOf } from "../domain/calendar.ts";
import type { AgencySummaryRow, CumulativeRow, QuarterReport, ReportRow } from "../domain/quarter-report.ts";
import type { Translator } from "../i18n/translator.ts";

/** A cell's value: text, a number, a local date ("YYYY-MM-DD") or a local date-time. */
export type CellValue =
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "date"; value: string }
  | { kind: "datetime"; value: { date: string; hour: number; minute: number; second: number } }
  | { kind: "empty" };

export interface Column<Row> {
  header: string;
  width: number;
  value(row: Row): CellValue;
}

export interface Sheet<Row = unknown> {
  name: string;
  columns: Column<Row>[];
  rows: Row[];
}

const empty: CellValue = { kind: "empty" };
const text = (value: string | null | undefined): CellValue => (value ? { kind: "text", value } : empty);
const number = (value: number | null): CellValue => (value === null ? empty : { kind: "number", value });
const date = (value: string | null): CellValue => (value === null ? empty : { kind: "date", value });

function column<Row>(
  translator: Translator,
  id: string,
  width: number,
  value: (row: Row) => CellValue,
): Column<Row> {
  return { header: translator.t(id), width, value };
}

function statusLabel(translator: Translator, status: string | null): string {
  return translator.t(status === null ? "behind-status-none" : `behind-status-${status}`);
}

export function assignmentSheet(
  translator: Translator,
  report: QuarterReport,
  zone: string,
): Sheet<ReportRow> {
  const { t } = translator;
  const yesNo = (value: boolean) => text(t(value ? "report-yes" : "report-no"));
  return {
    name: t("report-sheet-assignments"),
    rows: report.rows,
    columns: [
      column(translator, "report-col-task", 9, (r) => text(r.taskCode)),
      column(translator, "report-col-title", 60, (r) => text(r.taskTitle)),
      column(translator, "report-col-agency", 36, (r) => text(r.agencyName)),
      column(translator, "report-col-agency-code", 16, (r) => text(r.agencyCode)),
      column(translator, "report-col-due", 14, (r) => date(r.dueDate)),
      column(translator, "report-col-open", 12, (r) => yesNo(r.owed)),
      column(translator, "report-col-reported", 14, (r) => yesNo(r.reportedInPeriod)),
      column(translator, "report-col-status", 18, (r) => text(statusLabel(translator, r.status))),
      column(translator, "report-col-progress", 12, (r) => number(r.progress)),
      // Under the "Vướng mắc" header the reason stands alone, whole: "kinh phí", not "vướng kinh phí".
      column(translator, "report-col-blocker", 36, (r) => text(blockerReason(r.blocker))),
      column(translator, "report-col-eta", 16, (r) => date(r.eta)),
      column(translator, "report-col-reporter", 22, (r) => text(r.reporter)),
      column(translator, "report-col-time", 18, (r) =>
        r.reportedAt === null
          ? empty
          : { kind: "datetime", value: localDateTimeOf(new Date(r.reportedAt), zone) },
      ),
      column(translator, "report-col-category", 26, (r) => text(t(`category-${r.category}`))),
      column(translator, "report-col-text", 50, (r) => text(r.rawText)),
    ],
  };
}

function timelinessText(translator: Translator, row: AgencySummaryRow): string {
  const { t } = translator;
  const { timeliness } = row;
  return timeliness.kind === "late"
    ? t("report-timeliness-late", { days: timeliness.days })
    : t(`report-timeliness-${timeliness.kind}`);
}

export function summarySheet(translator: Translator, report: QuarterReport): Sheet<AgencySummaryRow> {
  const categories = (["done_on_time", "done_late", "in_progress", "overdue", "not_started"] as const).map(
    (category) =>
      column<AgencySummaryRow>(translator, `category-${category}`, 16, (r) => number(r.categories[category])),
  );
  return {
    name: translator.t("report-sheet-summary"),
    rows: report.summary,
    columns: [
      column(translator, "report-col-agency", 36, (r) => text(r.agencyName)),
      column(translator, "report-col-agency-code", 16, (r) => text(r.agencyCode)),
      column(translator, "report-col-reported-count", 12, (r) => number(r.reported)),
      column(translator, "report-col-open", 12, (r) => number(r.owed)),
      column(translator, "report-col-missing", 12, (r) => number(r.missing)),
      column(translator, "report-col-timeliness", 18, (r) => text(timelinessText(translator, r))),
      ...categories,
    ],
  };
}

export function cumulativeSheet(translator: Translator, report: QuarterReport): Sheet<CumulativeRow> | null {
  const cumulative = report.cumulative;
  if (cumulative === null) return null;
  const { t } = translator;
  // One column per period of the year, headed by its key ("2020-Q1").
  const perPeriod = cumulative.periodKeys.map(
    (key, index): Column<CumulativeRow> => ({
      header: `${t("report-col-reported")} ${key}`,
      width: 16,
      value: (r) => text(t(r.reportedByPeriod[index] ? "report-yes" : "report-no")),
    }),
  );
  return {
    name: t("report-sheet-cumulative", { months: cumulative.months }),
    rows: cumulative.rows,
    columns: [
      column(translator, "report-col-task", 9, (r) => text(r.taskCode)),
      column(translator, "report-col-title", 60, (r) => text(r.taskTitle)),
      column(translator, "report-col-agency", 36, (r) => text(r.agencyName)),
      column(translator, "report-col-status-end", 18, (r) => text(statusLabel(translator, r.status))),
      column(translator, "report-col-progress", 12, (r) => number(r.progress)),
      column(translator, "report-col-category", 26, (r) => text(t(`category-${r.category}`))),
      column(translator, "report-col-updates-year", 14, (r) => number(r.updatesSinceYearStart)),
      ...perPeriod,
    ],
  };
}
