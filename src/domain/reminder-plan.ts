// Who is reminded of what, and when (README: the report calendar). Pure: the instant, the calendar, the snapshots and the
// people are parameters; the service renders texts and writes the outbox.
import { type AssignmentFacts, isMissingUpdate, isOwed } from "./assignment-status.ts";
import { isAwayOn } from "./away-message.ts";
import {
  type CalendarRules,
  type PlannedReminder,
  periodContaining,
  previousPeriod,
  type ReminderSchedule,
  type ReportingPeriod,
  reminderTimes,
  shiftOutOfQuietHours,
} from "./calendar.ts";
import { sortByName } from "./collation.ts";
import type { ChannelName, Role } from "./vocabulary.ts";

/** A missed overdue notice and summary are still sent this long after their time, not later. */
export const OVERDUE_CATCH_UP_DAYS = 7;
const DAY_MS = 86_400_000;

export interface RecipientAccount {
  accountId: number;
  channel: ChannelName;
  chatId: string;
}

export interface Recipient {
  personId: number;
  name: string;
  role: Role;
  agencyId: number | null;
  agencyName: string | null;
  /** The accounts to write to (not blocked, on the chosen channels): at most one per channel. */
  accounts: RecipientAccount[];
  /** Linked, but every account blocked the bot. */
  blockedBot: boolean;
  /** The latest "away" notice, if any. */
  absence: { from: string; until: string | null } | null;
}

export type UnreachableReason = "nobody-linked" | "away" | "blocked" | "away-or-blocked";

export interface AgencyStanding {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /** Assignments owing an update for the period (isOwed), as who-is-behind counts them. */
  owedCount: number;
  /** Open assignments with no update in the period. */
  owed: AssignmentFacts[];
  /** Open assignments whose latest status is blocked. */
  blocked: AssignmentFacts[];
}

export interface ReminderRound {
  period: ReportingPeriod;
  reminder: PlannedReminder;
  /** When it may go out: now, or after the quiet hours. */
  notBefore: Date;
}

export interface DueRounds {
  /** The latest reminder of the current period that is due (older missed ones are not replayed). */
  reminder: ReminderRound | null;
  /** The previous period's overdue notice and summary, while it is due. */
  overdue: ReminderRound | null;
}

/** The rounds due at `now`; each is planned once per recipient and channel, so asking again is harmless. */
export function dueRounds(
  now: Date,
  rules: CalendarRules,
  schedule: ReminderSchedule,
  isHoliday: (localDate: string) => boolean,
): DueRounds {
  const t = now.getTime();
  const notBefore = shiftOutOfQuietHours(now, schedule, rules.zone);
  const current = periodContaining(now, rules);
  const latest = reminderTimes(current, schedule, isHoliday, rules.zone)
    .filter((r) => r.kind === "reminder" && r.at.getTime() <= t)
    .at(-1);
  // A reminder that cannot go out before the deadline (quiet hours) is left to the overdue notice.
  const reminder =
    latest && notBefore.getTime() < current.deadline.getTime()
      ? { period: current, reminder: latest, notBefore }
      : null;

  const previous = previousPeriod(current, rules);
  const notice = previous
    ? reminderTimes(previous, schedule, isHoliday, rules.zone).find((r) => r.kind === "overdue")
    : undefined;
  const overdue =
    previous && notice && notice.at.getTime() <= t && t < notice.at.getTime() + OVERDUE_CATCH_UP_DAYS * DAY_MS
      ? { period: previous, reminder: notice, notBefore }
      : null;
  return { reminder, overdue };
}

/**
 * Agencies owing at least one update for the period, in Vietnamese alphabetical order (the
 * coordinators' summary and unreachable lists show them so); each agency's tasks in snapshot order.
 */
export function agencyStandings(snapshots: readonly AssignmentFacts[], year: number): AgencyStanding[] {
  const byAgency = new Map<number, AgencyStanding>();
  for (const snapshot of snapshots) {
    if (!isOwed(snapshot, year)) continue;
    let standing = byAgency.get(snapshot.agencyId);
    if (!standing) {
      standing = {
        agencyId: snapshot.agencyId,
        agencyCode: snapshot.agencyCode,
        agencyName: snapshot.agencyName,
        owedCount: 0,
        owed: [],
        blocked: [],
      };
      byAgency.set(snapshot.agencyId, standing);
    }
    standing.owedCount += 1;
    if (isMissingUpdate(snapshot, year)) standing.owed.push(snapshot);
    if (snapshot.latestStatus?.status === "blocked") standing.blocked.push(snapshot);
  }
  return sortByName([...byAgency.values()], (standing) => standing.agencyName);
}

/** Whether a person can be written to on a local date: an account that works, and not away. */
export function isReachable(recipient: Recipient, localDate: string): boolean {
  return recipient.accounts.length > 0 && !isAwayOn(recipient.absence, localDate);
}

/** The officials who get an agency's reminders on a date, or why nobody does. */
export function reachableOfficials(
  officials: readonly Recipient[],
  localDate: string,
): { reachable: Recipient[]; unreachable: UnreachableReason | null } {
  const reachable = officials.filter((official) => isReachable(official, localDate));
  if (reachable.length > 0) return { reachable, unreachable: null };
  if (officials.length === 0) return { reachable, unreachable: "nobody-linked" };
  const away = officials.filter((official) => isAwayOn(official.absence, localDate)).length;
  if (away === officials.length) return { reachable, unreachable: "away" };
  if (away === 0) return { reachable, unreachable: "blocked" };
  return { reachable, unreachable: "away-or-blocked" };
}

/** Per person, the channels on which a round's message is still to plan (from the outbox's keys). */
export type LackingChannels = ReadonlyMap<number, ReadonlySet<ChannelName>>;

/** The accounts of a person that a round's message still has to go to: none once planned on each. */
export function accountsLacking(recipient: Recipient, lacking: LackingChannels): RecipientAccount[] {
  const channels = lacking.get(recipient.personId);
  return channels ? recipient.accounts.filter((account) => channels.has(account.channel)) : [];
}
