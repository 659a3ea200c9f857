// Plans the scheduled messages due at an instant into the outbox (README: the report calendar). Idempotent: every
// message has a unique key per person and channel, so ticking twice, or from two instances, plans it
// once on each channel the person chose (`/kenh`).
import type { Db } from "../db/database.ts";
import type { OutboxPayload } from "../db/json-columns.ts";
import type { AssignmentSnapshot } from "../domain/assignment-status.ts";
import { isAwayOn } from "../domain/away-message.ts";
import {
  localDateOf,
  periodContaining,
  type ReminderSchedule,
  type ReportingPeriod,
} from "../domain/calendar.ts";
import { byVietnamese } from "../domain/collation.ts";
import { outboxKeys } from "../domain/outbox-keys.ts";
import {
  type AgencyStanding,
  agencyStandings,
  dueRounds,
  isReachable,
  OVERDUE_CATCH_UP_DAYS,
  type Recipient,
  type ReminderRound,
  reachableOfficials,
} from "../domain/reminder-plan.ts";
import { OUTBOX_KINDS, type OutboxKind } from "../domain/vocabulary.ts";
import {
  dueWeeklySlot,
  type WeeklySlot,
  type WeeklySlotSetting,
  weeklySlotExpiry,
} from "../domain/weekly-summary.ts";
import { dateText } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { enqueueOutbox, existingOutboxKeys, undeliveredPeople } from "../store/outbox.ts";
import type { NewOutboxMessage } from "../store/outbox-message.ts";
import { listRecipients } from "../store/recipients.ts";
import {
  overduePayload,
  reminderPayload,
  summaryPayload,
  type UnreachableAgency,
  unreachablePayload,
} from "../texts/reminder-texts.ts";
import { loadCalendarRules } from "./calendar-rules.ts";
import { loadAssignmentSnapshots } from "./period-snapshot.ts";

export interface PlannerDeps {
  db: Db;
  translator: Translator;
  zone: string;
  schedule: ReminderSchedule;
  isHoliday: (localDate: string) => boolean;
  /** WEEKLY_SUMMARY: when coordinators get a summary every week, or null (off). */
  weeklySummary: WeeklySlotSetting | null;
}

export interface PlanReport {
  at: string;
  reminderRound: { period: string; offsetDays: number; at: string } | null;
  overdueRound: { period: string; at: string } | null;
  weeklyRound: { period: string; at: string } | null;
  /** Messages newly added to the outbox, by kind. */
  planned: Record<OutboxKind, number>;
  /** Agencies owing a report that no reminder can reach, with why. */
  unreachable: { period: string; agency: string; reason: string }[];
}

const DAY_MS = 86_400_000;
const DRAFT_CHUNK = 500;

/** Messages keyed (per person; per channel at enqueue) before their text is rendered, so a repeated tick renders nothing twice. */
interface Draft {
  key: string;
  kind: OutboxKind;
  to: Recipient;
  assignmentIds: number[];
  render: () => OutboxPayload;
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => {
    value ??= { v: compute() };
    return value.v;
  };
}

class Planner {
  readonly drafts: Draft[] = [];
  readonly unreachable: PlanReport["unreachable"] = [];
  constructor(
    private readonly deps: PlannerDeps,
    private readonly recipients: Recipient[],
    private readonly localDate: string,
    /** Per period key: people whose scheduled messages failed for good (not those who blocked the bot). */
    private readonly undeliveredByPeriod: ReadonlyMap<string, ReadonlySet<number>> = new Map(),
  ) {}

  officialsOf(agencyId: number): Recipient[] {
    return this.recipients.filter((r) => r.role === "official" && r.agencyId === agencyId);
  }

  coordinators(): Recipient[] {
    return this.recipients.filter((r) => r.role === "coordinator" && isReachable(r, this.localDate));
  }

  /** Officials to write to about an agency's tasks; records the agency when nobody can be reached. */
  reach(period: string, standing: AgencyStanding, unreachable: UnreachableAgency[]): Recipient[] {
    const { reachable, unreachable: reason } = reachableOfficials(
      this.officialsOf(standing.agencyId),
      this.localDate,
    );
    if (reason) {
      unreachable.push({ agencyName: standing.agencyName, reason });
      this.unreachable.push({ period, agency: standing.agencyName, reason });
    }
    return reachable;
  }

  reminderRound(round: ReminderRound, snapshots: AssignmentSnapshot[]): void {
    const { period, reminder } = round;
    const { translator } = this.deps;
    const unreachable: UnreachableAgency[] = [];
    for (const standing of agencyStandings(snapshots, period.year)) {
      if (standing.owed.length === 0) continue;
      const away = this.officialsOf(standing.agencyId)
        .filter((o) => isAwayOn(o.absence, this.localDate))
        .map((o) => o.name);
      // One text per agency, shared by its officials.
      const render = once(() => reminderPayload(translator, period, standing, away));
      const assignmentIds = standing.owed.map((a) => a.assignmentId);
      for (const official of this.reach(period.key, standing, unreachable)) {
        this.drafts.push({
          key: outboxKeys.reminder(period.key, reminder.offsetDays, official.personId),
          kind: "reminder",
          to: official,
          assignmentIds,
          render,
        });
      }
    }
    if (unreachable.length === 0) return;
    const render = once(() => unreachablePayload(translator, period, unreachable));
    for (const coordinator of this.coordinators()) {
      this.drafts.push({
        key: outboxKeys.unreachable(period.key, reminder.offsetDays, coordinator.personId),
        kind: "unreachable",
        to: coordinator,
        assignmentIds: [],
        render,
      });
    }
  }

  /**
   * The overdue notice goes to agencies still silent on an owed task (nothing reported since the
   * deadline either); the summary counts everyone against the deadline.
   */
  overdueRound(
    round: ReminderRound,
    atDeadline: AssignmentSnapshot[],
    sinceDeadline: AssignmentSnapshot[],
  ): void {
    const { period } = round;
    const { translator } = this.deps;
    const caughtUp = new Set(
      sinceDeadline
        .filter((a) => a.latestInPeriod !== null || a.latestStatus?.status === "done")
        .map((a) => a.assignmentId),
    );
    const standings = agencyStandings(atDeadline, period.year);
    const unreachable: UnreachableAgency[] = [];
    for (const standing of standings) {
      if (standing.owed.length === 0) continue;
      const officials = this.reach(period.key, standing, unreachable);
      const stillOwed = standing.owed.filter((a) => !caughtUp.has(a.assignmentId));
      if (stillOwed.length === 0) continue;
      const render = once(() => overduePayload(translator, period, standing.agencyName, stillOwed));
      const assignmentIds = stillOwed.map((a) => a.assignmentId);
      for (const official of officials) {
        this.drafts.push({
          key: outboxKeys.overdue(period.key, official.personId),
          kind: "overdue",
          to: official,
          assignmentIds,
          render,
        });
      }
    }
    const blockedBot = this.blockedBot();
    const undelivered = this.undelivered(period.key);
    const render = once(() =>
      summaryPayload(translator, period, { standings, unreachable, blockedBot, undelivered }),
    );
    for (const coordinator of this.coordinators()) {
      this.drafts.push({
        key: outboxKeys.summary(period.key, coordinator.personId),
        kind: "summary",
        to: coordinator,
        assignmentIds: [],
        render,
      });
    }
  }

  /** The weekly summary: the current period's standing so far, for every coordinator. */
  weeklyRound(period: ReportingPeriod, slot: WeeklySlot, snapshots: AssignmentSnapshot[]): void {
    const { translator } = this.deps;
    const standings = agencyStandings(snapshots, period.year);
    const unreachable: UnreachableAgency[] = [];
    for (const standing of standings)
      if (standing.owed.length > 0) this.reach(period.key, standing, unreachable);
    const blockedBot = this.blockedBot();
    const undelivered = this.undelivered(period.key);
    const render = once(() => {
      const summary = summaryPayload(translator, period, { standings, unreachable, blockedBot, undelivered });
      return {
        ...summary,
        text: `${translator.t("weekly-header", { date: dateText(slot.localDate) })}\n${summary.text}`,
      };
    });
    for (const coordinator of this.coordinators()) {
      this.drafts.push({
        key: outboxKeys.weekly(period.key, slot.localDate, coordinator.personId),
        kind: "weekly",
        to: coordinator,
        assignmentIds: [],
        render,
      });
    }
  }

  /** Officials who blocked the bot, by agency in Vietnamese order, then by name. */
  private blockedBot(): Recipient[] {
    const blocked = this.recipients.filter((r) => r.role === "official" && r.blockedBot);
    return blocked.sort(
      (a, b) => byVietnamese(a.agencyName ?? "", b.agencyName ?? "") || byVietnamese(a.name, b.name),
    );
  }

  private undelivered(periodKey: string): Recipient[] {
    const people = this.undeliveredByPeriod.get(periodKey);
    return people ? this.recipients.filter((r) => people.has(r.personId)) : [];
  }
}

function emptyCounts(): Record<OutboxKind, number> {
  return { reminder: 0, overdue: 0, summary: 0, weekly: 0, nudge: 0, unreachable: 0 };
}

/** Plans what is due at `now` into the outbox and says what was added. */
export async function planReminders(deps: PlannerDeps, now: Date): Promise<PlanReport> {
  const { db } = deps;
  const rules = await loadCalendarRules(db, deps.zone);
  const rounds = dueRounds(now, rules, deps.schedule, deps.isHoliday);
  const weekly = deps.weeklySummary ? dueWeeklySlot(now, deps.zone, deps.weeklySummary) : null;
  const report: PlanReport = {
    at: now.toISOString(),
    reminderRound: rounds.reminder && {
      period: rounds.reminder.period.key,
      offsetDays: rounds.reminder.reminder.offsetDays,
      at: rounds.reminder.reminder.at.toISOString(),
    },
    overdueRound: rounds.overdue && {
      period: rounds.overdue.period.key,
      at: rounds.overdue.reminder.at.toISOString(),
    },
    weeklyRound: weekly && { period: periodContaining(now, rules).key, at: weekly.at.toISOString() },
    planned: emptyCounts(),
    unreachable: [],
  };
  if (!rounds.reminder && !rounds.overdue && !weekly) return report;

  const summaryPeriods = [
    ...(rounds.overdue ? [rounds.overdue.period.key] : []),
    ...(weekly ? [periodContaining(now, rules).key] : []),
  ];
  const planner = new Planner(
    deps,
    await listRecipients(db),
    localDateOf(now, deps.zone),
    await undeliveredPeople(db, summaryPeriods, now),
  );
  const expiries = new Map<OutboxKind, Date>();
  if (rounds.reminder) {
    const { period } = rounds.reminder;
    planner.reminderRound(
      rounds.reminder,
      await loadAssignmentSnapshots(db, { until: now, periodKey: period.key }),
    );
    expiries.set("reminder", period.deadline).set("unreachable", period.deadline);
  }
  if (rounds.overdue) {
    const { period, reminder } = rounds.overdue;
    const [atDeadline, sinceDeadline] = await Promise.all([
      loadAssignmentSnapshots(db, { until: period.deadline, periodKey: period.key }),
      // The period after the deadline: what was reported since.
      loadAssignmentSnapshots(db, { until: now, periodKey: periodContaining(now, rules).key }),
    ]);
    planner.overdueRound(rounds.overdue, atDeadline, sinceDeadline);
    const catchUpEnd = new Date(reminder.at.getTime() + OVERDUE_CATCH_UP_DAYS * DAY_MS);
    expiries.set("overdue", catchUpEnd).set("summary", catchUpEnd);
  }
  if (weekly) {
    const period = periodContaining(now, rules);
    planner.weeklyRound(
      period,
      weekly,
      await loadAssignmentSnapshots(db, { until: now, periodKey: period.key }),
    );
    expiries.set("weekly", weeklySlotExpiry(weekly, deps.zone));
  }
  report.unreachable = planner.unreachable;

  const notBefore = (rounds.reminder ?? rounds.overdue)?.notBefore ?? now;
  // In chunks, so 20,000 rendered reminders never sit in memory at once.
  for (let start = 0; start < planner.drafts.length; start += DRAFT_CHUNK) {
    const chunk = planner.drafts.slice(start, start + DRAFT_CHUNK);
    const keyed = chunk.flatMap((draft) =>
      draft.to.accounts.map((account) => ({
        draft,
        account,
        key: outboxKeys.onChannel(draft.key, account.channel),
      })),
    );
    // The person's own key as well: a row planned under it before two channels covers every channel.
    const existing = await existingOutboxKeys(db, [...chunk.map((d) => d.key), ...keyed.map((k) => k.key)]);
    const messages: NewOutboxMessage[] = [];
    for (const { draft, account, key } of keyed) {
      if (existing.has(draft.key) || existing.has(key)) continue;
      messages.push({
        key,
        kind: draft.kind,
        personId: draft.to.personId,
        accountId: account.accountId,
        channel: account.channel,
        chatId: account.chatId,
        payload: draft.render(),
        assignmentIds: draft.assignmentIds,
        periodKey: draft.key.split(":")[1] ?? null,
        notBefore,
        expiresAt: expiries.get(draft.kind) ?? null,
      });
    }
    // By kind, so the report counts rows really inserted (another instance may have planned some).
    for (const kind of OUTBOX_KINDS) {
      const ofKind = messages.filter((m) => m.kind === kind);
      if (ofKind.length > 0) report.planned[kind] += await enqueueOutbox(db, ofKind, now);
    }
  }
  return report;
}
