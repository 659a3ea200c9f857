// Plans the scheduled messages due at an instant into the outbox (README: the report calendar). Idempotent: every
// message has a unique key per person and channel, so ticking twice, or from two instances, plans it
// once on each channel the person chose (`/kenh`). At a country's scale the database first says who
// still lacks each round's message, so a tick with nothing to plan reads little and renders nothing;
// the rest goes a few agencies at a time (planning-run.ts).
import type { Db } from "../db/database.ts";
import type { WalCheckpoints } from "../db/wal-checkpoints.ts";
import type { AssignmentFacts } from "../domain/assignment-status.ts";
import { isAwayOn } from "../domain/away-message.ts";
import {
  localDateOf,
  periodContaining,
  type ReminderSchedule,
  type ReportingPeriod,
} from "../domain/calendar.ts";
import { roundKeyPrefixes } from "../domain/outbox-keys.ts";
import {
  type AgencyStanding,
  agencyStandings,
  dueRounds,
  OVERDUE_CATCH_UP_DAYS,
  type ReminderRound,
} from "../domain/reminder-plan.ts";
import type { OutboxKind } from "../domain/vocabulary.ts";
import {
  dueWeeklySlot,
  type WeeklySlot,
  type WeeklySlotSetting,
  weeklySlotExpiry,
} from "../domain/weekly-summary.ts";
import type { Translator } from "../i18n/translator.ts";
import {
  scheduledTexts,
  summaryPayload,
  type UnreachableAgency,
  unreachablePayload,
  weeklySummaryPayload,
} from "../texts/reminder-texts.ts";
import type { YieldPoint } from "../yield-point.ts";
import { loadCalendarRules } from "./calendar-rules.ts";
import { PlanningRun, type RoundTiming } from "./planning-run.ts";

export interface PlannerDeps {
  db: Db;
  /** SQLite on a file: a country's first tick leaves its log's checkpoints to a worker thread. */
  walCheckpoints?: WalCheckpoints | null;
  translator: Translator;
  zone: string;
  schedule: ReminderSchedule;
  isHoliday: (localDate: string) => boolean;
  /** WEEKLY_SUMMARY: when coordinators get a summary every week, or null (off). */
  weeklySummary: WeeklySlotSetting | null;
  /** Gives the event loop a turn between chunks; one per run (default: createYieldPoint()). */
  yieldPoint?: () => YieldPoint;
}

export interface PlanReport {
  at: string;
  reminderRound: { period: string; offsetDays: number; at: string } | null;
  overdueRound: { period: string; at: string } | null;
  weeklyRound: { period: string; at: string } | null;
  /** Messages newly added to the outbox, by kind. */
  planned: Record<OutboxKind, number>;
  /**
   * Agencies owing a report that no reminder can reach, with why: those met while planning (all of
   * them when coordinators are still to be told; none on a tick that has nothing left to plan).
   */
  unreachable: { period: string; agency: string; reason: string }[];
}

const DAY_MS = 86_400_000;

/** The latest reminder of the period: each agency's officials hear what it still owes; coordinators, who cannot be reached. */
async function planReminderRound(run: PlanningRun, round: ReminderRound): Promise<void> {
  const { period, reminder } = round;
  const timing: RoundTiming = { period, notBefore: round.notBefore, expiresAt: period.deadline };
  const officials = await run.lacking(
    "official",
    "reminder",
    roundKeyPrefixes.reminder(period.key, reminder.offsetDays),
  );
  const coordinators = await run.lackingCoordinators(
    "unreachable",
    roundKeyPrefixes.unreachable(period.key, reminder.offsetDays),
  );
  const texts = scheduledTexts(run.deps.translator, period);
  const unreachable: UnreachableAgency[] = [];
  await run.eachAgencyChunk(officials, coordinators.targets.length > 0, async (chunk) => {
    const facts = await chunk.facts(run.now, period.key);
    for (const standing of agencyStandings(facts, period.year)) {
      if (standing.owed.length === 0) continue;
      const colleagues = chunk.officialsOf(standing.agencyId);
      const targets = run.targets(run.reach(period, standing, colleagues, unreachable), officials);
      if (targets.length === 0) continue;
      const away = colleagues.filter((o) => isAwayOn(o.absence, run.localDate)).map((o) => o.name);
      chunk.plan(targets, officials, timing, {
        payload: texts.reminder(standing, away, chunk.tasks),
        assignmentIds: standing.owed.map((a) => a.assignmentId),
      });
      await run.pause();
    }
  });
  if (unreachable.length === 0 || coordinators.targets.length === 0) return;
  await run.planFor(coordinators, timing, {
    payload: unreachablePayload(run.deps.translator, period, unreachable),
    assignmentIds: [],
  });
}

/**
 * The previous period's overdue notice goes to agencies still silent on an owed task (nothing
 * reported since the deadline either); the coordinators' summary counts everyone against the deadline.
 */
async function planOverdueRound(
  run: PlanningRun,
  round: ReminderRound,
  sincePeriodKey: string,
): Promise<void> {
  const { period, reminder } = round;
  const catchUpEnd = new Date(reminder.at.getTime() + OVERDUE_CATCH_UP_DAYS * DAY_MS);
  const timing: RoundTiming = { period, notBefore: round.notBefore, expiresAt: catchUpEnd };
  const officials = await run.lacking("official", "overdue", roundKeyPrefixes.overdue(period.key));
  const coordinators = await run.lackingCoordinators("summary", roundKeyPrefixes.summary(period.key));
  const texts = scheduledTexts(run.deps.translator, period);
  const standings: AgencyStanding[] = [];
  const unreachable: UnreachableAgency[] = [];
  await run.eachAgencyChunk(officials, coordinators.targets.length > 0, async (chunk) => {
    const atDeadline = await chunk.facts(period.deadline, period.key);
    // The period after the deadline: what was reported since.
    const sinceDeadline = await chunk.facts(run.now, sincePeriodKey);
    const caughtUp = new Set(sinceDeadline.filter(hasCaughtUp).map((a) => a.assignmentId));
    // Only work still in charge now: a plan closed (or an agency merged) since the deadline owes none.
    const inCharge = new Set(sinceDeadline.map((a) => a.assignmentId));
    const chunkStandings = agencyStandings(atDeadline, period.year);
    if (coordinators.targets.length > 0) standings.push(...chunkStandings);
    for (const standing of chunkStandings) {
      if (standing.owed.length === 0) continue;
      const reachable = run.reach(period, standing, chunk.officialsOf(standing.agencyId), unreachable);
      const stillOwed = standing.owed.filter(
        (a) => inCharge.has(a.assignmentId) && !caughtUp.has(a.assignmentId),
      );
      if (stillOwed.length === 0) continue;
      const targets = run.targets(reachable, officials);
      if (targets.length === 0) continue;
      chunk.plan(targets, officials, timing, {
        payload: texts.overdue(standing.agencyName, stillOwed, chunk.tasks),
        assignmentIds: stillOwed.map((a) => a.assignmentId),
      });
      await run.pause();
    }
  });
  if (coordinators.targets.length === 0) return;
  const facts = await run.summaryFacts(period, standings, unreachable);
  await run.planFor(coordinators, timing, {
    payload: summaryPayload(run.deps.translator, period, facts),
    assignmentIds: [],
  });
}

function hasCaughtUp(snapshot: AssignmentFacts): boolean {
  return snapshot.latestInPeriod !== null || snapshot.latestStatus?.status === "done";
}

/** The weekly summary: the current period's standing so far, for every coordinator. */
async function planWeeklyRound(
  run: PlanningRun,
  period: ReportingPeriod,
  slot: WeeklySlot,
  notBefore: Date,
): Promise<void> {
  const timing: RoundTiming = { period, notBefore, expiresAt: weeklySlotExpiry(slot, run.deps.zone) };
  const coordinators = await run.lackingCoordinators(
    "weekly",
    roundKeyPrefixes.weekly(period.key, slot.localDate),
  );
  if (coordinators.targets.length === 0) return;
  const standings: AgencyStanding[] = [];
  const unreachable: UnreachableAgency[] = [];
  await run.eachAgencyChunk(null, true, async (chunk) => {
    const facts = await chunk.facts(run.now, period.key);
    for (const standing of agencyStandings(facts, period.year)) {
      standings.push(standing);
      if (standing.owed.length > 0)
        run.reach(period, standing, chunk.officialsOf(standing.agencyId), unreachable);
    }
  });
  const facts = await run.summaryFacts(period, standings, unreachable);
  await run.planFor(coordinators, timing, {
    payload: weeklySummaryPayload(run.deps.translator, period, slot.localDate, facts),
    assignmentIds: [],
  });
}

function emptyCounts(): Record<OutboxKind, number> {
  return { reminder: 0, overdue: 0, summary: 0, weekly: 0, nudge: 0, unreachable: 0 };
}

/** Plans what is due at `now` into the outbox and says what was added. */
export async function planReminders(deps: PlannerDeps, now: Date): Promise<PlanReport> {
  const rules = await loadCalendarRules(deps.db, deps.zone);
  const rounds = dueRounds(now, rules, deps.schedule, deps.isHoliday);
  const weekly = deps.weeklySummary ? dueWeeklySlot(now, deps.zone, deps.weeklySummary) : null;
  const current = periodContaining(now, rules);
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
    weeklyRound: weekly && { period: current.key, at: weekly.at.toISOString() },
    planned: emptyCounts(),
    unreachable: [],
  };
  const run = new PlanningRun(deps, now, localDateOf(now, deps.zone), report);
  if (rounds.reminder) await planReminderRound(run, rounds.reminder);
  if (rounds.overdue) await planOverdueRound(run, rounds.overdue, current.key);
  if (weekly) {
    const notBefore = (rounds.reminder ?? rounds.overdue)?.notBefore ?? now;
    await planWeeklyRound(run, current, weekly, notBefore);
  }
  return report;
}
