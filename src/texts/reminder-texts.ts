// The texts of scheduled messages (reminders, overdue notices, summaries), from locales.

import type { OutboxPayload } from "../db/json-columns.ts";
import type { AssignmentSnapshot } from "../domain/assignment-status.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import type { AgencyStanding, Recipient, UnreachableReason } from "../domain/reminder-plan.ts";
import { dateText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import type { ReplyButton } from "../messages.ts";
import { codeList } from "./behind-text.ts";
import { exampleCodes, shortTitle } from "./format.ts";
import { taskKeyboard } from "./task-keyboard.ts";
import { blockerPhrase } from "./update-text.ts";

export interface UnreachableAgency {
  agencyName: string;
  reason: UnreachableReason;
}

function periodLines(t: Translator["t"], period: ReportingPeriod): string[] {
  const lines = [
    t("reminder-deadline", { deadline: dateText(period.dueDateLocal) }),
    t("reminder-window", { from: dateText(period.dataWindow.from), to: dateText(period.dataWindow.to) }),
  ];
  if (period.cumulativeMonths !== null)
    lines.push(t("reminder-cumulative", { months: period.cumulativeMonths }));
  return lines;
}

/** The reply hint's examples, from the reader's own owed tasks. */
function replyExamples(owed: readonly AssignmentSnapshot[]) {
  return exampleCodes(owed.map((a) => a.taskCode));
}

function taskLines(t: Translator["t"], owed: readonly AssignmentSnapshot[]): string[] {
  return owed.map((a) => t("reminder-item", { code: a.taskCode, title: shortTitle(a.taskTitle) }));
}

/** One row of buttons per owed task. */
function owedKeyboard(t: Translator["t"], owed: readonly AssignmentSnapshot[]): ReplyButton[][] {
  return taskKeyboard(
    t,
    owed.map((a) => ({ assignmentId: a.assignmentId, code: a.taskCode })),
    "reminder-button",
  );
}

export function reminderPayload(
  translator: Translator,
  period: ReportingPeriod,
  standing: AgencyStanding,
  awayColleagues: readonly string[],
): OutboxPayload {
  const { t } = translator;
  const lines = [
    t("reminder-header", { period: periodName(translator, period), agency: standing.agencyName }),
    ...periodLines(t, period),
    "",
    t("reminder-owed", { count: standing.owed.length }),
    ...taskLines(t, standing.owed),
    "",
  ];
  if (awayColleagues.length > 0) lines.push(t("reminder-stand-in", { names: awayColleagues.join(", ") }));
  lines.push(t("reminder-reply", replyExamples(standing.owed)));
  return { text: lines.join("\n"), buttons: owedKeyboard(t, standing.owed) };
}

export function overduePayload(
  translator: Translator,
  period: ReportingPeriod,
  agencyName: string,
  owed: readonly AssignmentSnapshot[],
): OutboxPayload {
  const { t } = translator;
  const lines = [
    t("overdue-header", {
      period: periodName(translator, period),
      deadline: dateText(period.dueDateLocal),
      agency: agencyName,
    }),
    t("overdue-owed", { count: owed.length }),
    ...taskLines(t, owed),
    "",
    t("overdue-reply", replyExamples(owed)),
  ];
  return { text: lines.join("\n"), buttons: owedKeyboard(t, owed) };
}

function unreachableLines(t: Translator["t"], itemId: string, unreachable: readonly UnreachableAgency[]) {
  return unreachable.map((u) =>
    t(itemId, { agency: u.agencyName, reason: t(`unreachable-reason-${u.reason}`) }),
  );
}

export function summaryPayload(
  translator: Translator,
  period: ReportingPeriod,
  facts: {
    standings: readonly AgencyStanding[];
    unreachable: readonly UnreachableAgency[];
    blockedBot: readonly Recipient[];
    /** People whose reminders could not be delivered for good (an outage, not their choice). */
    undelivered: readonly Recipient[];
  },
): OutboxPayload {
  const { t } = translator;
  const late = facts.standings.filter((s) => s.owed.length > 0);
  const blocked = facts.standings.flatMap((s) => s.blocked);
  const lines = [
    t("summary-header", { period: periodName(translator, period), deadline: dateText(period.dueDateLocal) }),
  ];
  // Nobody owing a report (a plan that has ended) is not "0/0, all reported".
  if (facts.standings.length === 0) {
    lines.push(
      t("behind-nothing-owed", { period: periodName(translator, period), year: String(period.year) }),
    );
  } else {
    lines.push(
      t("summary-reported", {
        reported: facts.standings.length - late.length,
        total: facts.standings.length,
      }),
    );
  }
  if (late.length === 0) {
    if (facts.standings.length > 0) lines.push(t("summary-all-reported"));
  } else {
    lines.push("", t("summary-late-header", { count: late.length }));
    lines.push(
      ...late.map((s) =>
        t("summary-late-item", { agency: s.agencyName, codes: codeList(s.owed.map((a) => a.taskCode)) }),
      ),
    );
  }
  if (blocked.length > 0) {
    lines.push("", t("summary-blocked-header", { count: blocked.length }));
    lines.push(
      ...blocked.map((a) =>
        t("summary-blocked-item", {
          code: a.taskCode,
          agency: a.agencyName,
          blocker: blockerPhrase(translator, a.latestStatus?.blocker ?? null),
        }),
      ),
    );
  }
  if (facts.unreachable.length > 0) {
    lines.push("", t("summary-unreachable-header", { count: facts.unreachable.length }));
    lines.push(...unreachableLines(t, "summary-unreachable-item", facts.unreachable));
  }
  if (facts.blockedBot.length > 0) {
    lines.push("", t("summary-blocked-bot-header", { count: facts.blockedBot.length }));
    lines.push(
      ...facts.blockedBot.map((r) =>
        t("summary-blocked-bot-item", { name: r.name, agency: r.agencyName ?? "—" }),
      ),
    );
  }
  if (facts.undelivered.length > 0) {
    lines.push("", t("summary-undelivered-header", { count: facts.undelivered.length }));
    lines.push(
      ...facts.undelivered.map((r) =>
        t("summary-blocked-bot-item", { name: r.name, agency: r.agencyName ?? "—" }),
      ),
    );
  }
  return { text: lines.join("\n") };
}

export function unreachablePayload(
  translator: Translator,
  period: ReportingPeriod,
  unreachable: readonly UnreachableAgency[],
): OutboxPayload {
  const { t } = translator;
  return {
    text: [
      t("unreachable-header", { period: periodName(translator, period), count: unreachable.length }),
      ...unreachableLines(t, "unreachable-item", unreachable),
      "",
      t("unreachable-footer"),
    ].join("\n"),
  };
}
