// Vietnamese-first text for who-is-behind answers, shared by the CLI and the chat.
import type { UpdateFacts } from "../domain/assignment-status.ts";
import {
  type AgencyStanding,
  type BehindReport,
  type BlockedItem,
  CATEGORIES,
  type CategoryCounts,
  daysBetween,
  type OverdueItem,
} from "../domain/behind.ts";
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

export function categorySummary(translator: Translator, counts: CategoryCounts): string {
  return CATEGORIES.map((category) => `${translator.t(`category-${category}`)} ${counts[category]}`).join(
    " · ",
  );
}

/** The period, its deadline and how many agencies have reported everything. */
export function headlineLines(
  translator: Translator,
  report: BehindReport,
  period: ReportingPeriod,
  zone: string,
): string[] {
  const { t } = translator;
  const at = new Date(report.at);
  const today = localDateOf(at, zone);
  const standing = report.afterDeadline
    ? t("behind-deadline-passed", { days: daysBetween(period.dueDateLocal, today) + 1 })
    : t("behind-deadline-ahead", { days: daysBetween(today, period.dueDateLocal) });
  return [
    t("behind-headline", {
      period: periodName(translator, period),
      due: dateText(period.dueDateLocal),
      at: dateTimeText(at, zone),
    }),
    standing,
    t("behind-reported-summary", {
      reported: report.totals.agenciesReported,
      total: report.totals.agencies,
      updates: report.totals.reportedAssignments,
      open: report.totals.openAssignments,
    }),
  ];
}

export function standingLine(translator: Translator, standing: AgencyStanding, index: number): string {
  const { t } = translator;
  const line = t("behind-agency-line", {
    index,
    agency: standing.agencyName,
    missing: standing.missingTaskCodes.length,
    open: standing.openCount,
    codes: codeList(standing.missingTaskCodes),
  });
  return standing.daysLate === null
    ? line
    : `${line} ${t("behind-late-suffix", { days: standing.daysLate })}`;
}

export function blockedLine(translator: Translator, item: BlockedItem): string {
  return translator.t("behind-blocked-line", {
    code: item.taskCode,
    agency: item.agencyName,
    blocker: blockerPhrase(translator, item.blocker),
    days: item.ageDays,
  });
}

export function overdueLine(translator: Translator, item: OverdueItem): string {
  return translator.t("behind-overdue-line", {
    code: item.taskCode,
    agency: item.agencyName,
    due: dateText(item.dueDate),
    days: item.daysOverdue,
  });
}
