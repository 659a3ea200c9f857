// Vietnamese-first text for who-is-behind answers, shared by the CLI and the chat.
import type { UpdateFacts } from "../domain/assignment-status.ts";
import {
  type AgencyStanding,
  type BlockedItem,
  CATEGORIES,
  type CategoryCounts,
  daysBetween,
  type OverdueItem,
  taskLabel,
} from "../domain/behind.ts";
import type { BehindPage, OverdueEntry } from "../domain/behind-page.ts";
import { localDateOf, type ReportingPeriod } from "../domain/calendar.ts";
import { dateText, dateTimeText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { blockerPhrase, workText } from "./update-text.ts";

/** Shows a long code list on a phone: the first few, then "+n". */
export function codeList(codes: readonly string[], max = 8): string {
  if (codes.length <= max) return codes.join(", ");
  return `${codes.slice(0, max).join(", ")} +${codes.length - max}`;
}

/** "đang thực hiện 60%", "vướng: thiếu kinh phí", or "chưa báo cáo". */
export function statusText(translator: Translator, facts: UpdateFacts | null): string {
  const text = facts === null ? "" : workText(translator, facts);
  return text === "" ? translator.t("behind-status-none") : text;
}

/** "hoàn thành đúng hạn 3 · … · chưa thực hiện 1" (the counts are of assignments). */
export function categorySummary(translator: Translator, counts: CategoryCounts): string {
  return CATEGORIES.map((category) => `${translator.t(`category-${category}`)} ${counts[category]}`).join(
    " · ",
  );
}

/**
 * The period, its deadline, the instant its statuses are taken at (an ended period: its deadline),
 * and how many agencies owe a report and have sent it.
 */
export function headlineLines(
  translator: Translator,
  report: BehindPage["headline"],
  period: ReportingPeriod,
  zone: string,
): string[] {
  const { t } = translator;
  const at = new Date(report.at);
  const today = localDateOf(at, zone);
  const lines = [
    t("behind-headline", {
      period: periodName(translator, period),
      due: dateText(period.dueDateLocal),
      at: dateTimeText(at, zone),
    }),
  ];
  if (report.daysLate !== null) {
    lines.push(
      t("behind-as-of-deadline", { asOf: dateTimeText(new Date(report.asOf), zone) }),
      t("behind-deadline-passed", { days: report.daysLate }),
    );
  } else lines.push(t("behind-deadline-ahead", { days: daysBetween(today, period.dueDateLocal) }));
  const { totals } = report;
  lines.push(
    totals.agenciesOwing === 0
      ? t("behind-nothing-owed", { period: periodName(translator, period), year: String(period.year) })
      : t("behind-reported-summary", {
          reported: totals.agenciesReported,
          total: totals.agenciesOwing,
          updated: totals.updatedAssignments,
          missing: totals.missingAssignments,
          owed: totals.owedAssignments,
        }),
  );
  return lines;
}

/**
 * "Every agency that owes a report has sent it" (and how much is overdue), or null: someone still
 * owes one, or nobody owed any (the headline says so).
 */
export function allReportedLine(
  translator: Translator,
  counts: { notReported: number; agenciesOwing: number; overdue: number },
): string | null {
  if (counts.notReported > 0 || counts.agenciesOwing === 0) return null;
  return translator.t("behind-all-reported", { count: counts.agenciesOwing, overdue: counts.overdue });
}

export function standingLine(translator: Translator, standing: AgencyStanding, index: number): string {
  const { t } = translator;
  const line = t("behind-agency-line", {
    index,
    agency: standing.agencyName,
    missing: standing.missingTaskCodes.length,
    owed: standing.owedCount,
    codes: codeList(standing.missingTaskCodes),
  });
  return standing.daysLate === null
    ? line
    : `${line} ${t("behind-late-suffix", { days: standing.daysLate })}`;
}

/** "3. Sở Y tế — 8 quá hạn (lâu nhất 2.353 ngày): II.6, II.7, …", every code. */
export function overdueAgencyLine(translator: Translator, entry: OverdueEntry, index: number): string {
  return translator.t("behind-overdue-agency-line", {
    index,
    agency: entry.standing.agencyName,
    count: entry.standing.overdueCount,
    days: entry.oldest.daysOverdue,
    codes: entry.standing.overdueTaskCodes.join(", "),
  });
}

/** `plans`: those the answer covers; with more than one, the code follows its plan's (taskLabel). */
export function blockedLine(translator: Translator, item: BlockedItem, plans: readonly string[]): string {
  return translator.t("behind-blocked-line", {
    code: taskLabel(item, plans),
    agency: item.agencyName,
    blocker: blockerPhrase(translator, item.blocker),
    days: item.ageDays,
  });
}

export function overdueLine(translator: Translator, item: OverdueItem, plans: readonly string[]): string {
  return translator.t("behind-overdue-line", {
    code: taskLabel(item, plans),
    agency: item.agencyName,
    due: dateText(item.dueDate),
    days: item.daysOverdue,
  });
}
