// One page of who is behind as the chat shows it (README: coordinators): the headline's counts, a
// page of agencies with every code, and on the first page the oldest few blocked and overdue tasks.
// Made from the whole report, or from each agency's counts and the whole facts of the few agencies
// the page names (services/behind-query.ts): both give the same page. Pure.
import { isActiveInYear } from "./assignment-status.ts";
import {
  type AgencyStanding,
  type AssessedAssignment,
  type BehindReport,
  type BlockedItem,
  byNameRank,
  dayCounter,
  dueEndCache,
  type OverdueItem,
  periodStanding,
  sortItems,
} from "./behind.ts";
import type { ReportingPeriod } from "./calendar.ts";

export type BehindView = "missing" | "overdue";

/** How many blocked and overdue tasks the first page names; the rest are counted. */
export const DETAIL_ITEMS = 3;

export interface BehindPageRequest {
  view: BehindView;
  page: number;
  size: number;
}

/** An agency in the overdue view: its standing and its longest overdue task. */
export interface OverdueEntry {
  standing: AgencyStanding;
  oldest: OverdueItem;
}

export interface BehindPage {
  /** The short codes of the plans it covers; with more than one, listed tasks name theirs. */
  plans: string[];
  headline: Pick<BehindReport, "periodKey" | "at" | "asOf" | "afterDeadline" | "daysLate"> & {
    totals: Pick<
      BehindReport["totals"],
      "agenciesOwing" | "agenciesReported" | "owedAssignments" | "missingAssignments" | "updatedAssignments"
    >;
  };
  notReportedCount: number;
  blockedCount: number;
  overdueCount: number;
  staleCount: number;
  /** Agencies with overdue unfinished work. */
  overdueAgencyCount: number;
  /** The oldest few (DETAIL_ITEMS), in the report's order; on the missing view's first page only. */
  blocked: BlockedItem[];
  overdue: OverdueItem[];
  /** The page's agencies, in order: the missing view's not reported, or the overdue view's. */
  standings: AgencyStanding[];
  /** The overdue view's page, each agency with its longest overdue task. */
  overdueEntries: OverdueEntry[];
  pages: number;
}

export function pageCount(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size));
}

/** Agencies with overdue unfinished work, most first, each with its longest overdue item. */
export function overdueByAgency(report: Pick<BehindReport, "agencies" | "overdue">): OverdueEntry[] {
  const oldest = new Map<number, OverdueItem>();
  // report.overdue is sorted longest first, so the first item seen per agency is its oldest.
  for (const item of report.overdue) if (!oldest.has(item.agencyId)) oldest.set(item.agencyId, item);
  return report.agencies
    .flatMap((standing) => {
      const item = oldest.get(standing.agencyId);
      return item ? [{ standing, oldest: item }] : [];
    })
    .sort(
      (a, b) =>
        b.standing.overdueCount - a.standing.overdueCount || b.oldest.daysOverdue - a.oldest.daysOverdue,
    );
}

function pageOf<T>(items: readonly T[], request: BehindPageRequest): T[] {
  const first = (request.page - 1) * request.size;
  return items.slice(first, first + request.size);
}

type Headline = BehindPage["headline"];

function headlineOf(report: BehindReport, totals: Headline["totals"]): Headline {
  const { periodKey, at, asOf, afterDeadline, daysLate } = report;
  return { periodKey, at, asOf, afterDeadline, daysLate, totals };
}

function details(request: BehindPageRequest): boolean {
  return request.view === "missing" && request.page === 1;
}

/** The page, from the whole report. */
export function behindPageOf(report: BehindReport, request: BehindPageRequest): BehindPage {
  const entries = overdueByAgency(report);
  const listed = request.view === "missing" ? report.notReported.length : entries.length;
  return {
    plans: report.plans,
    headline: headlineOf(report, {
      agenciesOwing: report.totals.agenciesOwing,
      agenciesReported: report.totals.agenciesReported,
      owedAssignments: report.totals.owedAssignments,
      missingAssignments: report.totals.missingAssignments,
      updatedAssignments: report.totals.updatedAssignments,
    }),
    notReportedCount: report.notReported.length,
    blockedCount: report.blocked.length,
    overdueCount: report.overdue.length,
    staleCount: report.stale.length,
    overdueAgencyCount: entries.length,
    blocked: details(request) ? report.blocked.slice(0, DETAIL_ITEMS) : [],
    overdue: details(request) ? report.overdue.slice(0, DETAIL_ITEMS) : [],
    standings: request.view === "missing" ? pageOf(report.notReported, request) : [],
    overdueEntries: request.view === "overdue" ? pageOf(entries, request) : [],
    pages: pageCount(listed, request.size),
  };
}

/** What orders the agencies, as counted per agency (an AgencyStanding's counts, without its codes). */
export interface AgencyCounts {
  agencyId: number;
  agencyName: string;
  owed: number;
  updated: number;
  missing: number;
  overdue: number;
  blocked: number;
  stale: number;
  /** Days since the longest-blocked task's status came, and the longest overdue's days past due. */
  longestBlockedDays: number | null;
  longestOverdueDays: number | null;
}

/** A live task as the rules read it. */
interface TaskTerms {
  id: number;
  activeYears: number[];
  dueDate: string | null;
  dormant: boolean;
}

const DAY_MS = 86_400_000;

/**
 * What the rules of assess() say per task, for counting per agency in SQL (store/behind-counts.ts):
 * the tasks that owe an update, the year start before which an unfinished task stays in scope, the
 * due dates ended by `asOf`, when each due date ends (done after it is done late), and the instant
 * before which an open assignment's last update is stale.
 */
export function countTermsOf(
  tasks: readonly TaskTerms[],
  options: { period: ReportingPeriod; asOf: Date; zone: string; staleAfterDays: number },
) {
  const endOf = dueEndCache(options.zone);
  const dueDates = [...new Set(tasks.flatMap((task) => (task.dueDate === null ? [] : [task.dueDate])))];
  const staleBefore = options.asOf.getTime() - options.staleAfterDays * DAY_MS;
  return {
    owingTaskIds: tasks
      .filter((task) => !task.dormant && isActiveInYear(task, options.period.year))
      .map((task) => task.id),
    yearStart: `${options.period.year}-01-01`,
    pastDueDates: dueDates.filter((dueDate) => options.asOf.getTime() >= endOf(dueDate)),
    dueEnds: dueDates.map((dueDate): [string, string] => [dueDate, new Date(endOf(dueDate)).toISOString()]),
    // Nothing is that old when the threshold lies before any instant a date can hold.
    staleBefore: staleBefore >= -8.64e15 ? new Date(staleBefore).toISOString() : "",
  };
}

/** What counting gives per agency (store/behind-counts.ts AgencyCountRow): AgencyCounts' terms. */
export interface AgencyTally {
  agencyId: number;
  /** Assignments in scope: none, and the agency is not in the report. */
  inScope: number;
  owed: number;
  updated: number;
  missing: number;
  blocked: number;
  overdue: number;
  stale: number;
  /** sent_at of the longest-blocked task's status, and the earliest due date of an overdue task. */
  oldestBlockedAt: string | null;
  oldestOverdueDue: string | null;
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);

/**
 * The agencies' counts over two sets of assignments: those counted in SQL, and assignments assessed
 * one by one (those whose latest facts were not as of the instant).
 */
export function withAssessed(
  tallies: readonly AgencyTally[],
  assessed: readonly AssessedAssignment[],
): AgencyTally[] {
  const byAgency = new Map(tallies.map((tally) => [tally.agencyId, { ...tally }]));
  for (const a of assessed) {
    const { assessment } = a;
    if (!assessment.inScope) continue;
    const tally = byAgency.get(a.agencyId) ?? { ...NO_TALLY, agencyId: a.agencyId };
    byAgency.set(a.agencyId, tally);
    tally.inScope += 1;
    if (assessment.owed) tally.owed += 1;
    if (assessment.updated) tally.updated += 1;
    if (assessment.missing) tally.missing += 1;
    if (a.blocked !== null) {
      tally.blocked += 1;
      tally.oldestBlockedAt = earliest(tally.oldestBlockedAt, a.blocked.since);
    }
    if (assessment.overdue) {
      tally.overdue += 1;
      tally.oldestOverdueDue = earliest(tally.oldestOverdueDue, a.dueDate);
    }
    if (a.stale !== null) tally.stale += 1;
  }
  return [...byAgency.values()];
}

/** An agency counted with nothing in scope: where a tally starts. */
export const NO_TALLY: Readonly<AgencyTally> = {
  agencyId: 0,
  inScope: 0,
  owed: 0,
  updated: 0,
  missing: 0,
  blocked: 0,
  overdue: 0,
  stale: 0,
  oldestBlockedAt: null,
  oldestOverdueDue: null,
};

/** Each agency's counts as SQL gives them, with its name and its longest blocked and overdue ages. */
export function agencyCountsOf(
  rows: readonly AgencyTally[],
  names: ReadonlyMap<number, string>,
  options: { period: ReportingPeriod; at: Date; zone: string },
): AgencyCounts[] {
  const { asOfLocal } = periodStanding(options.period, options.at, options.zone);
  const days = dayCounter(asOfLocal, options.zone);
  return rows
    .filter((row) => row.inScope > 0)
    .map((row) => ({
      agencyId: row.agencyId,
      agencyName: names.get(row.agencyId) ?? "",
      owed: row.owed,
      updated: row.updated,
      missing: row.missing,
      overdue: row.overdue,
      blocked: row.blocked,
      stale: row.stale,
      longestBlockedDays: row.oldestBlockedAt === null ? null : days.sinceInstant(row.oldestBlockedAt),
      longestOverdueDays: row.oldestOverdueDue === null ? null : days.sinceDate(row.oldestOverdueDue),
    }));
}

/** The agencies in the report's order (see sortStandings), and the overdue view's (overdueByAgency). */
export interface AgencyOrder {
  all: AgencyCounts[];
  overdue: AgencyCounts[];
  /** Vietnamese order of their names (collated once). */
  byName: (a: string, b: string) => number;
}

export function orderAgencies(counts: readonly AgencyCounts[]): AgencyOrder {
  const byName = byNameRank(counts.map((c) => c.agencyName));
  const all = [...counts].sort(
    (a, b) =>
      b.missing - a.missing ||
      b.overdue - a.overdue ||
      b.blocked - a.blocked ||
      b.stale - a.stale ||
      byName(a.agencyName, b.agencyName),
  );
  const overdue = all
    .filter((c) => c.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || (b.longestOverdueDays ?? 0) - (a.longestOverdueDays ?? 0));
  return { all, overdue, byName };
}

/**
 * The agencies whose tasks can be among the first page's oldest few of one kind: the first
 * DETAIL_ITEMS agencies by their own oldest (then by name), and any tied with the last of them.
 */
function candidates(order: AgencyOrder, days: (c: AgencyCounts) => number | null): number[] {
  const { byName } = order;
  const ranked = order.all
    .filter((c) => days(c) !== null)
    .sort((a, b) => (days(b) ?? 0) - (days(a) ?? 0) || byName(a.agencyName, b.agencyName));
  const last = ranked[DETAIL_ITEMS - 1];
  return ranked
    .filter(
      (c, index) =>
        index < DETAIL_ITEMS ||
        (last !== undefined && days(c) === days(last) && byName(c.agencyName, last.agencyName) === 0),
    )
    .map((c) => c.agencyId);
}

/** The agencies whose whole facts a page needs: those it lists, and the candidates for its details. */
export function agenciesShown(order: AgencyOrder, request: BehindPageRequest): number[] {
  const listed = request.view === "missing" ? order.all.filter((c) => c.missing > 0) : order.overdue;
  const shown = pageOf(listed, request).map((c) => c.agencyId);
  if (!details(request)) return shown;
  const blocked = candidates(order, (c) => c.longestBlockedDays);
  const overdue = candidates(order, (c) => c.longestOverdueDays);
  return [...new Set([...shown, ...blocked, ...overdue])];
}

/**
 * The page from each agency's counts and the report over the agencies it shows (agenciesShown):
 * their standings carry every code, and their blocked and overdue tasks hold the oldest few of all.
 */
export function behindPageFromCounts(
  order: AgencyOrder,
  shown: BehindReport,
  request: BehindPageRequest,
): BehindPage {
  const counts = order.all;
  const standings = new Map(shown.agencies.map((standing) => [standing.agencyId, standing]));
  const standingOf = (c: AgencyCounts) => standings.get(c.agencyId);
  const notReported = order.all.filter((c) => c.missing > 0);
  const listed = request.view === "missing" ? notReported : order.overdue;
  const oldestOverdue = new Map<number, OverdueItem>();
  for (const item of shown.overdue)
    if (!oldestOverdue.has(item.agencyId)) oldestOverdue.set(item.agencyId, item);
  const blocked = [...shown.blocked];
  const overdue = [...shown.overdue];
  sortItems(blocked, overdue);
  const sum = (count: (c: AgencyCounts) => number) => counts.reduce((total, c) => total + count(c), 0);
  const owing = counts.filter((c) => c.owed > 0);
  return {
    plans: shown.plans,
    headline: headlineOf(shown, {
      agenciesOwing: owing.length,
      agenciesReported: owing.filter((c) => c.missing === 0).length,
      owedAssignments: sum((c) => c.owed),
      missingAssignments: sum((c) => c.missing),
      updatedAssignments: sum((c) => c.updated),
    }),
    notReportedCount: notReported.length,
    blockedCount: sum((c) => c.blocked),
    overdueCount: sum((c) => c.overdue),
    staleCount: sum((c) => c.stale),
    overdueAgencyCount: order.overdue.length,
    blocked: details(request) ? blocked.slice(0, DETAIL_ITEMS) : [],
    overdue: details(request) ? overdue.slice(0, DETAIL_ITEMS) : [],
    standings: request.view === "missing" ? pageOf(listed, request).flatMap((c) => standingOf(c) ?? []) : [],
    overdueEntries:
      request.view === "overdue"
        ? pageOf(listed, request).flatMap((c) => {
            const standing = standingOf(c);
            const oldest = oldestOverdue.get(c.agencyId);
            return standing && oldest ? [{ standing, oldest }] : [];
          })
        : [],
    pages: pageCount(listed.length, request.size),
  };
}
