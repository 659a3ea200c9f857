// The report's columns, defined once for every writer: header, width and typed value. The XLSX prints
// them under a title block, grouped by agency; the CSV writes the same headers and values flat.
import { taskLabel } from "../domain/behind.ts";
import { blockerReason } from "../domain/blocker-text.ts";
import { localDateTimeOf, type Quarter } from "../domain/calendar.ts";
import type { AgencySummaryRow, CumulativeRow, QuarterReport, ReportRow } from "../domain/quarter-report.ts";
import { capitalised } from "../domain/vietnamese.ts";
import { periodName } from "../i18n/display.ts";
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
  /** In characters of the sheet's font; text longer than this wraps onto more lines. */
  width: number;
  value(row: Row): CellValue;
  /** Short values (Có/Không, a state) read best centred when printed. */
  centred?: boolean;
  /** Summed in the totals row of a sheet that has one. */
  total?: boolean;
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
  options: Pick<Column<Row>, "centred" | "total"> = {},
): Column<Row> {
  return { header: translator.t(id), width, value, ...options };
}

/** Cells of locale messages, each made once: a report repeats a handful of them 50,000 times. */
function labelsOf(translator: Translator): (id: string, capital?: boolean) => CellValue {
  const made = new Map<string, CellValue>();
  return (id, capital = false) => {
    const key = capital ? `^${id}` : id;
    let value = made.get(key);
    if (value === undefined) {
      const message = translator.t(id);
      value = text(capital ? capitalised(message) : message);
      made.set(key, value);
    }
    return value;
  };
}

const statusId = (status: string | null) =>
  status === null ? "behind-status-none" : `behind-status-${status}`;

// A button press is stored as the text the button stood for (locales: button-raw-done and
// button-raw-percent, in the language of the day): "[nút] ✅ Xong I.5", "[button] ⏳ I.5 60%".
const BUTTON_PRESS = /^\[(?:nút|button)\]\s*(✅|⏳)(?:.*?(\d{1,3})%)?/u;

/** What the official sent, in words: a button press reads "Bấm nút: Xong", a message stays as typed. */
export function sentText(translator: Translator, raw: string | null): string | null {
  const press = raw === null ? null : BUTTON_PRESS.exec(raw);
  if (!press) return raw;
  return press[1] === "✅"
    ? translator.t("report-text-button-done")
    : translator.t("report-text-button-progress", { value: press[2] ?? "?" });
}

/** The task column: its code, with its plan's when the report covers several plans ("CDS2026 II.2"). */
function taskColumn<Row extends { taskCode: string; plan: string }>(
  translator: Translator,
  plans: readonly string[],
  width: number,
): Column<Row> {
  const labelled = plans.length > 1;
  return column<Row>(
    translator,
    "report-col-task",
    labelled ? width + 8 : width,
    (r) => text(taskLabel(r, plans)),
    {
      centred: true,
    },
  );
}

/** The columns of one assignment, by name; the writers pick and order them. */
function assignmentColumns(translator: Translator, zone: string, plans: readonly string[]) {
  const label = labelsOf(translator);
  const yesNo = (value: boolean) => label(value ? "report-yes" : "report-no");
  const centred = { centred: true };
  const localTime = (instant: Date) => localDateTimeOf(instant, zone);
  return {
    task: taskColumn<ReportRow>(translator, plans, 8),
    title: column<ReportRow>(translator, "report-col-title", 32, (r) => text(r.taskTitle)),
    agency: column<ReportRow>(translator, "report-col-agency", 36, (r) => text(r.agencyName)),
    agencyCode: column<ReportRow>(translator, "report-col-agency-code", 16, (r) => text(r.agencyCode)),
    due: column<ReportRow>(translator, "report-col-due", 10, (r) => date(r.dueDate)),
    owed: column<ReportRow>(translator, "report-col-open", 8, (r) => yesNo(r.owed), centred),
    reported: column<ReportRow>(
      translator,
      "report-col-reported",
      9,
      (r) => yesNo(r.reportedInPeriod),
      centred,
    ),
    // Printed, the two above read as one: whether the period's update came, or was not owed.
    standing: column<ReportRow>(
      translator,
      "report-col-this-period",
      10,
      (r) => label(`report-this-period-${r.reportedInPeriod ? "reported" : r.owed ? "missing" : "none"}`),
      centred,
    ),
    status: column<ReportRow>(translator, "report-col-status", 11, (r) => label(statusId(r.status), true)),
    progress: column<ReportRow>(translator, "report-col-progress", 7, (r) => number(r.progress)),
    // Under the "Vướng mắc" header the reason stands alone, whole: "kinh phí", not "vướng kinh phí".
    blocker: column<ReportRow>(translator, "report-col-blocker", 14, (r) => text(blockerReason(r.blocker))),
    eta: column<ReportRow>(translator, "report-col-eta", 10, (r) => date(r.eta)),
    reporter: column<ReportRow>(translator, "report-col-reporter", 13, (r) => text(r.reporter)),
    time: column<ReportRow>(translator, "report-col-time", 15, (r) =>
      r.reportedAt === null ? empty : { kind: "datetime", value: localTime(new Date(r.reportedAt)) },
    ),
    category: column<ReportRow>(translator, "report-col-category", 12, (r) =>
      label(`category-${r.category}`, true),
    ),
    sent: column<ReportRow>(translator, "report-col-text", 22, (r) => text(sentText(translator, r.rawText))),
  };
}

/** The task sheet as the XLSX prints it: the agency is the heading of its group, not a column. */
export function assignmentPrintColumns(
  translator: Translator,
  zone: string,
  plans: readonly string[],
): Column<ReportRow>[] {
  const c = assignmentColumns(translator, zone, plans);
  return [
    c.task,
    c.title,
    c.due,
    c.standing,
    c.status,
    c.progress,
    c.category,
    c.blocker,
    c.eta,
    c.reporter,
    c.time,
    c.sent,
  ];
}

/** The task sheet flat, one row per assignment, for the CSV: the agency and its code are columns. */
export function assignmentSheet(
  translator: Translator,
  report: QuarterReport,
  zone: string,
): Sheet<ReportRow> {
  const c = assignmentColumns(translator, zone, report.plans);
  return {
    name: translator.t("report-sheet-assignments"),
    rows: report.rows,
    columns: [
      c.task,
      c.title,
      c.agency,
      c.agencyCode,
      c.due,
      c.owed,
      c.reported,
      c.status,
      c.progress,
      c.blocker,
      c.eta,
      c.reporter,
      c.time,
      c.category,
      c.sent,
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

export const CATEGORY_ORDER = ["done_on_time", "done_late", "in_progress", "overdue", "not_started"] as const;

/** The appendix's per-agency table, after STT: agency, the counts (each with a total), its standing. */
export function summaryColumns(translator: Translator): Column<AgencySummaryRow>[] {
  const counted = { centred: true, total: true };
  const categories = CATEGORY_ORDER.map((category) => ({
    header: capitalised(translator.t(`category-${category}`)),
    width: 12,
    value: (r: AgencySummaryRow) => number(r.categories[category]),
    ...counted,
  }));
  return [
    column(translator, "report-col-agency-name", 34, (r) => text(r.agencyName)),
    column(translator, "report-col-open", 10, (r) => number(r.owed), counted),
    column(translator, "report-col-reported-count", 10, (r) => number(r.reported), counted),
    column(translator, "report-col-missing", 10, (r) => number(r.missing), counted),
    ...categories,
    column(translator, "report-col-timeliness", 16, (r) => text(timelinessText(translator, r)), {
      centred: true,
    }),
  ];
}

const PERIOD_KEY = /^(\d{4})-Q([1-4])$/;

/** "2020-Q1" → "Quý I/2020" (the locale's name of the period). */
function periodLabel(translator: Translator, key: string): string {
  const match = PERIOD_KEY.exec(key);
  return match
    ? periodName(translator, { year: Number(match[1]), quarter: Number(match[2]) as Quarter })
    : key;
}

/** The cumulative sheet's columns (the agency heads each group): one column per period of the year. */
export function cumulativeColumns(
  translator: Translator,
  periodKeys: readonly string[],
  plans: readonly string[],
): Column<CumulativeRow>[] {
  const label = labelsOf(translator);
  const perPeriod = periodKeys.map(
    (key, index): Column<CumulativeRow> => ({
      header: periodLabel(translator, key),
      width: 11,
      value: (r) => label(r.reportedByPeriod[index] ? "report-yes" : "report-no"),
      centred: true,
    }),
  );
  return [
    taskColumn<CumulativeRow>(translator, plans, 9),
    column(translator, "report-col-title", 40, (r) => text(r.taskTitle)),
    column(translator, "report-col-status-end", 14, (r) => label(statusId(r.status), true)),
    column(translator, "report-col-progress", 9, (r) => number(r.progress)),
    column(translator, "report-col-category", 15, (r) => label(`category-${r.category}`, true)),
    column(translator, "report-col-updates-year", 11, (r) => number(r.updatesSinceYearStart)),
    ...perPeriod,
  ];
}
