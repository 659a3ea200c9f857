// Section I.3 of the written report: per plan section, per task, one sentence per lead agency from
// its latest update in the period (status in words, progress, who, when), then who did not report.
import type { Paragraph } from "docx";
import { localDateOf } from "../domain/calendar.ts";
import type { CumulativeRow, ReportRow } from "../domain/quarter-report.ts";
import type { SectionGroup, TaskGroup } from "../domain/written-report.ts";
import { dateText } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { bodyParagraph, headingParagraph } from "./docx-style.ts";

export interface TaskLineContext {
  translator: Translator;
  zone: string;
  /** Per assignment, its view since the year's start (Q2–Q4), with the months it covers. */
  cumulative: { months: number; rows: ReadonlyMap<number, CumulativeRow> } | null;
}

/** The local date of an ISO instant, as dd/mm/yyyy. */
export function localDateText(iso: string, zone: string): string {
  return dateText(localDateOf(new Date(iso), zone));
}

function stateOf(row: ReportRow, t: Translator["t"]): string {
  const due = row.dueDate === null ? "" : dateText(row.dueDate);
  if (row.status === "done") {
    return row.category === "done_late" ? t("report-docx-row-done-late", { due }) : t("report-docx-row-done");
  }
  if (row.status === "blocked") {
    return row.blocker
      ? t("report-docx-row-blocked", { blocker: row.blocker })
      : t("report-docx-row-blocked-plain");
  }
  if (row.status === "in_progress") return t("report-docx-row-in-progress");
  if (row.status === "not_started") return t("report-docx-row-not-started");
  return t("report-docx-row-text", { text: row.rawText ?? "" });
}

/** "Sở Y tế: đang thực hiện, đạt 60%, dự kiến hoàn thành ngày 30/09/2020 (Nguyễn Văn A báo cáo ngày 10/09/2020)." */
export function rowSentence(row: ReportRow, context: TaskLineContext): string {
  const { t } = context.translator;
  const parts = [stateOf(row, t)];
  if (row.progress !== null && row.status !== "done" && row.status !== "not_started") {
    parts.push(t("report-docx-row-progress", { progress: row.progress }));
  }
  if (row.eta !== null && row.status !== "done")
    parts.push(t("report-docx-row-eta", { date: dateText(row.eta) }));
  if (row.category === "overdue" && row.dueDate !== null) {
    parts.push(t("report-docx-row-overdue", { due: dateText(row.dueDate) }));
  }
  const cumulative = context.cumulative?.rows.get(row.assignmentId);
  if (context.cumulative && cumulative) {
    parts.push(
      t("report-docx-row-cumulative", {
        months: context.cumulative.months,
        count: cumulative.updatesSinceYearStart,
      }),
    );
  }
  const date = row.reportedAt === null ? "" : localDateText(row.reportedAt, context.zone);
  const source =
    row.reporter === null
      ? t("report-docx-row-source-unnamed", { date })
      : t("report-docx-row-source", { person: row.reporter, date });
  return t("report-docx-row", { agency: row.agencyName, details: parts.join(", "), source });
}

function taskParagraphs(task: TaskGroup, context: TaskLineContext): Paragraph[] {
  const { t } = context.translator;
  const reported = task.rows.filter((row) => row.reportedInPeriod);
  const silent = task.rows.filter((row) => !row.reportedInPeriod);
  const doneBefore = silent.filter((row) => row.status === "done").map((row) => row.agencyName);
  const notReported = silent.filter((row) => row.status !== "done").map((row) => row.agencyName);
  const paragraphs = [
    headingParagraph(t("report-docx-task", { code: task.taskCode, title: task.taskTitle }), {
      italics: true,
    }),
    ...reported.map((row) => bodyParagraph(rowSentence(row, context))),
  ];
  if (doneBefore.length > 0) {
    paragraphs.push(bodyParagraph(t("report-docx-done-before", { agencies: doneBefore.join(", ") })));
  }
  if (notReported.length > 0) {
    paragraphs.push(bodyParagraph(t("report-docx-not-reported", { agencies: notReported.join(", ") })));
  }
  return paragraphs;
}

/** "3.1. <section title>", then each of its tasks. */
export function sectionParagraphs(sections: readonly SectionGroup[], context: TaskLineContext): Paragraph[] {
  const { t } = context.translator;
  return sections.flatMap((section, index) => [
    headingParagraph(t("report-docx-section", { number: `3.${index + 1}`, title: section.title }), {
      bold: true,
      italics: true,
    }),
    ...section.tasks.flatMap((task) => taskParagraphs(task, context)),
  ]);
}
