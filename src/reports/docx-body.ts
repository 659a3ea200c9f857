// The written report's body: the introduction, I. results (reporting, categories with the chart, each
// section's tasks), II. obstacles, III. the next quarter's focus, IV. proposals, and the closing line.
import type { Paragraph, Table } from "docx";
import { CATEGORIES, taskLabel } from "../domain/behind.ts";
import { addDays, localDateTimeOf } from "../domain/calendar.ts";
import { shortTitle } from "../domain/short-title.ts";
import {
  blockedRows,
  type FocusTask,
  groupBySection,
  nextPeriodFocus,
  obstaclesByAgency,
} from "../domain/written-report.ts";
import { dateText } from "../i18n/display.ts";
import { indicatorParagraphs } from "./docx-indicators.ts";
import type { WrittenReportInput } from "./docx-input.ts";
import { bodyParagraph, headingParagraph } from "./docx-style.ts";
import { localDateText, sectionParagraphs } from "./docx-task-lines.ts";

/** "Quý III năm 2020", as the form writes a period in running text, never broken across lines. */
export function periodPhrase(
  input: Pick<WrittenReportInput, "translator">,
  period: { year: number; quarter: number },
): string {
  return input.translator
    .t("report-docx-period", { quarter: period.quarter, year: String(period.year) })
    .replaceAll(" ", "\u00a0");
}

/** "… tính đến hết ngày 19/09/2020" for a deadline (local midnight), else "… tính đến 09 giờ 30 ngày …". */
function asOfSentence(input: WrittenReportInput): string {
  const { t } = input.translator;
  const asOf = localDateTimeOf(new Date(input.report.asOf), input.zone);
  if (asOf.hour === 0 && asOf.minute === 0) {
    return t("report-docx-as-of-day", { date: dateText(addDays(asOf.date, -1)) });
  }
  const pad = (value: number) => String(value).padStart(2, "0");
  return t("report-docx-as-of", {
    hour: pad(asOf.hour),
    minute: pad(asOf.minute),
    date: dateText(asOf.date),
  });
}

function reportingParagraphs(input: WrittenReportInput): Paragraph[] {
  const { t } = input.translator;
  const { totals } = input.report;
  const { period } = input;
  const window = {
    period: periodPhrase(input, period),
    from: dateText(period.dataWindow.from),
    to: dateText(period.dataWindow.to),
  };
  const reporting =
    totals.agenciesOwing === 0
      ? t("report-docx-reporting-none", window)
      : t("report-docx-reporting", {
          ...window,
          deadline: dateText(period.dueDateLocal),
          owing: totals.agenciesOwing,
          reported: totals.agenciesReported,
          notReported: totals.agenciesOwing - totals.agenciesReported,
          missing: totals.missingAssignments,
          owed: totals.owedAssignments,
        });
  return [
    headingParagraph(t("report-docx-reporting-heading")),
    bodyParagraph(reporting),
    bodyParagraph(asOfSentence(input)),
  ];
}

function categoryParagraphs(input: WrittenReportInput): Paragraph[] {
  const { t } = input.translator;
  const { totals, cumulative } = input.report;
  const counts = CATEGORIES.map((category) =>
    t("report-docx-category-count", {
      category: t(`category-${category}`),
      count: totals.categories[category],
    }),
  ).join("; ");
  const paragraphs = [
    headingParagraph(t("report-docx-categories-heading")),
    bodyParagraph(
      t("report-docx-categories", {
        assignments: totals.assignments,
        tasks: totals.tasks,
        agencies: totals.agenciesInScope,
        counts,
      }),
    ),
  ];
  if (cumulative) {
    const everyPeriod = cumulative.rows.filter((row) => row.reportedByPeriod.every(Boolean)).length;
    paragraphs.push(
      bodyParagraph(
        t("report-docx-cumulative", {
          months: cumulative.months,
          year: String(input.period.year),
          updates: cumulative.rows.reduce((sum, row) => sum + row.updatesSinceYearStart, 0),
          everyPeriod,
          assignments: cumulative.rows.length,
          periods: cumulative.periodKeys.length,
        }),
      ),
    );
  }
  if (input.report.summary.length > 0) paragraphs.push(bodyParagraph(t("report-docx-chart-reference")));
  return paragraphs;
}

function resultParagraphs(input: WrittenReportInput): (Paragraph | Table)[] {
  const { t } = input.translator;
  const cumulative = input.report.cumulative;
  return [
    headingParagraph(t("report-docx-results")),
    ...reportingParagraphs(input),
    ...categoryParagraphs(input),
    headingParagraph(t("report-docx-details-heading")),
    ...sectionParagraphs(groupBySection(input.report.rows, input.details.places), {
      translator: input.translator,
      zone: input.zone,
      cumulative: cumulative
        ? { months: cumulative.months, rows: new Map(cumulative.rows.map((row) => [row.assignmentId, row])) }
        : null,
    }),
    ...indicatorParagraphs(input),
  ];
}

function obstacleParagraphs(input: WrittenReportInput): Paragraph[] {
  const { t } = input.translator;
  const byAgency = obstaclesByAgency(input.report.rows, input.details.obstacles);
  const heading = headingParagraph(t("report-docx-problems"));
  if (byAgency.length === 0) return [heading, bodyParagraph(t("report-docx-problems-none"))];
  const count = byAgency.reduce((sum, agency) => sum + agency.items.length, 0);
  return [
    heading,
    bodyParagraph(t("report-docx-problems-intro", { agencies: byAgency.length, count })),
    ...byAgency.flatMap((agency) => [
      headingParagraph(t("report-docx-problem-agency", { agency: agency.agencyName }), { italics: true }),
      ...agency.items.map((item) => {
        const date = localDateText(item.sentAt, input.zone);
        const source =
          item.personName === null
            ? t("report-docx-row-source-unnamed", { date })
            : t("report-docx-row-source", { person: item.personName, date });
        return bodyParagraph(
          t("report-docx-problem", {
            code: taskLabel(item, input.report.plans),
            title: shortTitle(item.taskTitle),
            blocker: item.blocker,
            source,
          }),
        );
      }),
    ]),
  ];
}

const LISTED_AGENCIES = 6;

function focusLine(input: WrittenReportInput, task: FocusTask): Paragraph {
  const { t } = input.translator;
  const names = task.agencies.slice(0, LISTED_AGENCIES).join(", ");
  const more = task.agencies.length - LISTED_AGENCIES;
  return bodyParagraph(
    t("report-docx-next-task", {
      code: taskLabel(task, input.report.plans),
      title: shortTitle(task.taskTitle),
      agencies: more > 0 ? t("report-docx-agencies-more", { names, more }) : names,
      due: dateText(task.dueDate),
    }),
  );
}

function nextPeriodParagraphs(input: WrittenReportInput): Paragraph[] {
  const { t } = input.translator;
  const focus = nextPeriodFocus(input.report.rows, input.period);
  const next = periodPhrase(input, focus);
  const none = () => [bodyParagraph(t("report-docx-next-none"))];
  return [
    headingParagraph(t("report-docx-next")),
    bodyParagraph(t("report-docx-next-intro", { period: next })),
    bodyParagraph(t("report-docx-next-overdue")),
    ...(focus.overdue.length > 0 ? focus.overdue.map((task) => focusLine(input, task)) : none()),
    bodyParagraph(t("report-docx-next-due", { period: next })),
    ...(focus.dueNext.length > 0 ? focus.dueNext.map((task) => focusLine(input, task)) : none()),
  ];
}

function proposalParagraphs(input: WrittenReportInput): Paragraph[] {
  const { t } = input.translator;
  const blocked = blockedRows(input.report.rows);
  const paragraphs = [headingParagraph(t("report-docx-proposals"))];
  if (blocked.length > 0) {
    paragraphs.push(bodyParagraph(t("report-docx-proposals-blocked", { authority: input.settings.parent })));
    for (const row of blocked) {
      const args = { code: taskLabel(row, input.report.plans), agency: row.agencyName };
      paragraphs.push(
        bodyParagraph(
          row.blocker
            ? t("report-docx-proposal", { ...args, blocker: row.blocker })
            : t("report-docx-proposal-no-text", args),
        ),
      );
    }
  }
  // Left for the drafting unit to write: what the office itself proposes.
  paragraphs.push(bodyParagraph(t("report-docx-proposals-placeholder"), { italics: true }));
  return paragraphs;
}

export function bodyParagraphs(input: WrittenReportInput, plan: string): (Paragraph | Table)[] {
  const { t } = input.translator;
  const period = periodPhrase(input, input.period);
  return [
    bodyParagraph(t("report-docx-intro", { plan, issuer: input.settings.issuer, period })),
    ...resultParagraphs(input),
    ...obstacleParagraphs(input),
    ...nextPeriodParagraphs(input),
    ...proposalParagraphs(input),
    // The closing line stays on the signer's page.
    bodyParagraph(t("report-docx-closing", { period, issuer: input.settings.issuer }), {}, true),
  ];
}
