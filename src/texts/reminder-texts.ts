// The texts of scheduled messages (reminders, overdue notices, summaries), from locales.

import type { OutboxPayload } from "../db/json-columns.ts";
import type { AssignmentFacts } from "../domain/assignment-status.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { groupByPlan, type PlanLabel } from "../domain/plan-label.ts";
import type { AgencyStanding, Recipient, UnreachableReason } from "../domain/reminder-plan.ts";
import { shortTitle } from "../domain/short-title.ts";
import { dateText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { codeList } from "./behind-text.ts";
import { exampleCodes } from "./format.ts";
import { labelledTaskKeyboard, type TaskButtonTexts, taskButtonTexts } from "./task-keyboard.ts";
import { taskLabel } from "./task-label.ts";
import { blockerPhrase } from "./update-text.ts";

export interface UnreachableAgency {
  agencyName: string;
  reason: UnreachableReason;
}

function periodLinesOf(t: Translator["t"], period: ReportingPeriod): string[] {
  const lines = [
    t("reminder-deadline", { deadline: dateText(period.dueDateLocal) }),
    t("reminder-window", { from: dateText(period.dataWindow.from), to: dateText(period.dataWindow.to) }),
  ];
  if (period.cumulativeMonths !== null)
    lines.push(t("reminder-cumulative", { months: period.cumulativeMonths }));
  return lines;
}

/** Each live task's plan, by task id (the planner's catalogue of tasks). */
export type TaskPlans = ReadonlyMap<number, { plan: PlanLabel }>;

/** The same message with the same values reads the same: formatted once, then looked up. */
function memoized(t: Translator["t"]): Translator["t"] {
  const texts = new Map<string, string>();
  return (id, args) => {
    let key = id;
    for (const name in args) key += `\u0000${String(args[name])}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = t(id, args);
      texts.set(key, text);
    }
    return text;
  };
}

export interface ScheduledTexts {
  reminder(standing: AgencyStanding, awayColleagues: readonly string[], plans: TaskPlans): OutboxPayload;
  overdue(agencyName: string, owed: readonly AssignmentFacts[], plans: TaskPlans): OutboxPayload;
}

/** A task as a round's messages list it, formatted once per round. */
interface ListedTask {
  /** "• II.2 — title". */
  line: string;
  /** What the reader types back: with its plan when the list spans several. */
  code: string;
  buttons: TaskButtonTexts;
}

/**
 * The reminders and overdue notices of one period. A round writes to a thousand agencies whose
 * lists share their tasks: a task's line, code and buttons' labels are formatted once per round,
 * as are the period's lines.
 */
export function scheduledTexts(translator: Translator, period: ReportingPeriod): ScheduledTexts {
  const t = memoized(translator.t);
  // By task id, apart for lists that name each task's plan and those that do not.
  const listed = { plain: new Map<number, ListedTask>(), named: new Map<number, ListedTask>() };
  const listedTask = (a: AssignmentFacts, plan: PlanLabel | null, named: boolean): ListedTask => {
    const byTask = named ? listed.named : listed.plain;
    let task = byTask.get(a.taskId);
    if (task === undefined) {
      const code = taskLabel(t, a.taskCode, named ? plan?.shortCode : null);
      task = {
        line: t("reminder-item", { code: a.taskCode, title: shortTitle(a.taskTitle) }),
        code,
        buttons: taskButtonTexts(t, code, "reminder-button"),
      };
      byTask.set(a.taskId, task);
    }
    return task;
  };
  // The owed tasks, under a heading per plan when they are of several (README: several plans at
  // once), with their codes as the reader reads them: with their plan then, in the buttons and hint too.
  const owedList = (owed: readonly AssignmentFacts[], plans: TaskPlans) => {
    const groups = groupByPlan(owed, (a) => plans.get(a.taskId)?.plan);
    const named = groups.length > 1;
    const lines: string[] = [];
    const tasks: { assignmentId: number; listed: ListedTask }[] = [];
    for (const [index, { plan, items }] of groups.entries()) {
      if (named) {
        if (index > 0) lines.push("");
        lines.push(
          t("reminder-plan-heading", {
            plan: plan?.shortCode ?? "—",
            title: shortTitle(plan?.title ?? "", 60),
            count: items.length,
          }),
        );
      }
      for (const a of items) {
        const task = listedTask(a, plan, named);
        lines.push(task.line);
        tasks.push({ assignmentId: a.assignmentId, listed: task });
      }
    }
    return {
      lines,
      buttons: labelledTaskKeyboard(tasks, (task) => task.listed.buttons),
      hint: exampleCodes(tasks.slice(0, 3).map((task) => task.listed.code)),
    };
  };
  // Formatted at the first message only: a round with nothing to plan formats nothing.
  let periodTitle: string | undefined;
  const name = () => {
    periodTitle ??= periodName(translator, period);
    return periodTitle;
  };
  let periodText: string[] | undefined;
  const periodLines = () => {
    periodText ??= periodLinesOf(t, period);
    return periodText;
  };
  return {
    reminder(standing, awayColleagues, plans) {
      const owed = owedList(standing.owed, plans);
      const lines = [
        translator.t("reminder-header", { period: name(), agency: standing.agencyName }),
        ...periodLines(),
        "",
        t("reminder-owed", { count: standing.owed.length }),
        ...owed.lines,
        "",
      ];
      if (awayColleagues.length > 0)
        lines.push(translator.t("reminder-stand-in", { names: awayColleagues.join(", ") }));
      lines.push(t("reminder-reply", owed.hint));
      return { text: lines.join("\n"), buttons: owed.buttons };
    },
    overdue(agencyName, owed, plans) {
      const list = owedList(owed, plans);
      const lines = [
        translator.t("overdue-header", {
          period: name(),
          deadline: dateText(period.dueDateLocal),
          agency: agencyName,
        }),
        t("overdue-owed", { count: owed.length }),
        ...list.lines,
        "",
        t("overdue-reply", list.hint),
      ];
      return { text: lines.join("\n"), buttons: list.buttons };
    },
  };
}

function unreachableLines(t: Translator["t"], itemId: string, unreachable: readonly UnreachableAgency[]) {
  return unreachable.map((u) =>
    t(itemId, { agency: u.agencyName, reason: t(`unreachable-reason-${u.reason}`) }),
  );
}

/** What a coordinators' summary tells about a period. */
export interface SummaryFacts {
  standings: readonly AgencyStanding[];
  unreachable: readonly UnreachableAgency[];
  blockedBot: readonly Recipient[];
  /** People whose reminders could not be delivered for good (an outage, not their choice). */
  undelivered: readonly Recipient[];
  /** Each live task's plan: codes name theirs when the summary lists tasks of several plans. */
  tasks: TaskPlans;
}

export function summaryPayload(
  translator: Translator,
  period: ReportingPeriod,
  facts: SummaryFacts,
): OutboxPayload {
  const { t } = translator;
  const late = facts.standings.filter((s) => s.owed.length > 0);
  const blocked = facts.standings.flatMap((s) => s.blocked);
  const planOf = (a: AssignmentFacts) => facts.tasks.get(a.taskId)?.plan.shortCode;
  const listed = [...late.flatMap((s) => s.owed), ...blocked];
  const several = new Set(listed.map(planOf)).size > 1;
  const code = (a: AssignmentFacts) => taskLabel(t, a.taskCode, several ? planOf(a) : null);
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
      ...late.map((s) => t("summary-late-item", { agency: s.agencyName, codes: codeList(s.owed.map(code)) })),
    );
  }
  if (blocked.length > 0) {
    lines.push("", t("summary-blocked-header", { count: blocked.length }));
    lines.push(
      ...blocked.map((a) =>
        t("summary-blocked-item", {
          code: code(a),
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

/** The weekly summary: the period's standing so far, under the week's date. */
export function weeklySummaryPayload(
  translator: Translator,
  period: ReportingPeriod,
  localDate: string,
  facts: SummaryFacts,
): OutboxPayload {
  const summary = summaryPayload(translator, period, facts);
  return {
    ...summary,
    text: `${translator.t("weekly-header", { date: dateText(localDate) })}\n${summary.text}`,
  };
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
