// Who is behind (SPEC §5), over plain data: snapshots of assignments, a period and an instant.
// Pure: the instant and the zone are parameters.
import { type AssignmentSnapshot, isActiveInYear, isOpen } from "./assignment-status.ts";
import { addDays, instantAtLocal, localDateOf, type ReportingPeriod } from "./calendar.ts";
import { byVietnamese } from "./collation.ts";

/** The categories of Vietnamese task-tracking regulations, against the task's due date. */
export type AssignmentCategory =
  | "done_on_time" // hoàn thành đúng hạn
  | "done_late" // hoàn thành quá hạn
  | "in_progress" // đang thực hiện trong hạn
  | "overdue" // quá hạn chưa hoàn thành
  | "not_started"; // chưa thực hiện

export const CATEGORIES: readonly AssignmentCategory[] = [
  "done_on_time",
  "done_late",
  "in_progress",
  "overdue",
  "not_started",
];

export type CategoryCounts = Record<AssignmentCategory, number>;

export interface BehindOptions {
  period: ReportingPeriod;
  at: Date;
  zone: string;
  staleAfterDays: number;
}

export interface AgencyStanding {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /** Open assignments in the period (SPEC §2). */
  openCount: number;
  /** Open assignments with an update in the period. */
  reportedCount: number;
  /** Codes of the open assignments lacking an update in the period, in plan order. */
  missingTaskCodes: string[];
  /** Whole local days past the period's deadline, when something is missing after it; else null. */
  daysLate: number | null;
  blockedCount: number;
  overdueCount: number;
  staleCount: number;
  categories: CategoryCounts;
}

export interface AssignmentRef {
  assignmentId: number;
  taskCode: string;
  taskTitle: string;
  agencyId: number;
  agencyName: string;
}

export interface BlockedItem extends AssignmentRef {
  blocker: string | null;
  since: string;
  ageDays: number;
}

export interface OverdueItem extends AssignmentRef {
  dueDate: string;
  daysOverdue: number;
  status: string | null;
  progress: number | null;
}

export interface StaleItem extends AssignmentRef {
  lastReportedAt: string | null;
  /** Whole local days since the last update; null when nothing was ever reported. */
  daysSince: number | null;
}

export interface BehindReport {
  periodKey: string;
  deadline: string;
  at: string;
  afterDeadline: boolean;
  /** Every agency with an assignment in scope, most behind first. */
  agencies: AgencyStanding[];
  /** Agencies that still owe at least one update for the period, most behind first. */
  notReported: AgencyStanding[];
  blocked: BlockedItem[];
  overdue: OverdueItem[];
  stale: StaleItem[];
  totals: {
    agencies: number;
    agenciesReported: number;
    openAssignments: number;
    reportedAssignments: number;
    categories: CategoryCounts;
  };
}

const DAY_MS = 86_400_000;

/** Whole calendar days from one local date to another (both "YYYY-MM-DD"). */
export function daysBetween(fromLocal: string, toLocal: string): number {
  return Math.round((Date.parse(`${toLocal}T00:00:00Z`) - Date.parse(`${fromLocal}T00:00:00Z`)) / DAY_MS);
}

/** A task is due until the end of its due date, local time. */
export function dueEnd(dueDate: string, zone: string): Date {
  return instantAtLocal(addDays(dueDate, 1), 0, 0, zone);
}

/** dueEnd remembered per date: a plan has few due dates and 50,000 assignments share them. */
export function dueEndCache(zone: string): (dueDate: string) => number {
  const cache = new Map<string, number>();
  return (dueDate) => {
    let end = cache.get(dueDate);
    if (end === undefined) {
      end = dueEnd(dueDate, zone).getTime();
      cache.set(dueDate, end);
    }
    return end;
  };
}

/**
 * SPEC §5 category as of `at`. Precedence: done (on time or late, by when the latest status was
 * sent) first; then "quá hạn" wins over "chưa thực hiện", because a task past its date that was
 * never started is first of all overdue; then "chưa thực hiện" (nothing reported, or not_started);
 * everything else is "đang thực hiện trong hạn". A task without a due date is never overdue.
 */
export function categoryOf(
  assignment: AssignmentSnapshot,
  at: Date,
  zone: string,
  endOf: (dueDate: string) => number = (dueDate) => dueEnd(dueDate, zone).getTime(),
): AssignmentCategory {
  const latest = assignment.latestStatus;
  const end = assignment.dueDate === null ? null : endOf(assignment.dueDate);
  if (latest?.status === "done") {
    return end !== null && Date.parse(latest.sentAt) >= end ? "done_late" : "done_on_time";
  }
  if (end !== null && at.getTime() >= end) return "overdue";
  if (latest === null || latest.status === "not_started") return "not_started";
  return "in_progress";
}

/**
 * In scope for a period: not dormant, and either active in the period's year or an unfinished task
 * whose due date fell before that year (it stays overdue until done, though it is no longer reminded).
 */
export function isInScope(assignment: AssignmentSnapshot, period: ReportingPeriod): boolean {
  if (assignment.dormant) return false;
  if (isActiveInYear(assignment, period.year)) return true;
  return (
    assignment.dueDate !== null &&
    Number(assignment.dueDate.slice(0, 4)) < period.year &&
    assignment.latestStatus?.status !== "done"
  );
}

export function emptyCounts(): CategoryCounts {
  return { done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0, not_started: 0 };
}

function refOf(a: AssignmentSnapshot): AssignmentRef {
  return {
    assignmentId: a.assignmentId,
    taskCode: a.taskCode,
    taskTitle: a.taskTitle,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
  };
}

function blockedItem(a: AssignmentSnapshot, todayLocal: string, zone: string): BlockedItem | null {
  const latest = a.latestStatus;
  if (latest?.status !== "blocked") return null;
  return {
    ...refOf(a),
    blocker: latest.blocker,
    since: latest.sentAt,
    ageDays: daysBetween(localDateOf(new Date(latest.sentAt), zone), todayLocal),
  };
}

function overdueItem(
  a: AssignmentSnapshot,
  category: AssignmentCategory,
  todayLocal: string,
): OverdueItem | null {
  if (category !== "overdue" || a.dueDate === null) return null;
  return {
    ...refOf(a),
    dueDate: a.dueDate,
    daysOverdue: daysBetween(a.dueDate, todayLocal),
    status: a.latestStatus?.status ?? null,
    progress: a.latestStatus?.progress ?? null,
  };
}

function staleItem(a: AssignmentSnapshot, options: BehindOptions, todayLocal: string): StaleItem | null {
  if (!isOpen(a, options.period.year)) return null;
  const last = a.lastReportedAt;
  if (last !== null && options.at.getTime() - Date.parse(last) <= options.staleAfterDays * DAY_MS)
    return null;
  return {
    ...refOf(a),
    lastReportedAt: last,
    daysSince: last === null ? null : daysBetween(localDateOf(new Date(last), options.zone), todayLocal),
  };
}

/** Most behind first: most missing updates, then overdue, then blocked; then by name. */
export function compareStandings(a: AgencyStanding, b: AgencyStanding): number {
  return (
    b.missingTaskCodes.length - a.missingTaskCodes.length ||
    b.overdueCount - a.overdueCount ||
    b.blockedCount - a.blockedCount ||
    b.staleCount - a.staleCount ||
    byVietnamese(a.agencyName, b.agencyName)
  );
}

function newStanding(a: AssignmentSnapshot): AgencyStanding {
  return {
    agencyId: a.agencyId,
    agencyCode: a.agencyCode,
    agencyName: a.agencyName,
    openCount: 0,
    reportedCount: 0,
    missingTaskCodes: [],
    daysLate: null,
    blockedCount: 0,
    overdueCount: 0,
    staleCount: 0,
    categories: emptyCounts(),
  };
}

/** Who is behind for a period at an instant (SPEC §5). */
export function whoIsBehind(snapshots: readonly AssignmentSnapshot[], options: BehindOptions): BehindReport {
  const { period, at, zone } = options;
  const todayLocal = localDateOf(at, zone);
  const afterDeadline = at.getTime() >= period.deadline.getTime();
  // The 19th is the last day on time, so the 20th is the first day late.
  const daysLate = afterDeadline ? daysBetween(period.dueDateLocal, todayLocal) + 1 : null;
  const standings = new Map<number, AgencyStanding>();
  const blocked: BlockedItem[] = [];
  const overdue: OverdueItem[] = [];
  const stale: StaleItem[] = [];
  const totals = emptyCounts();
  const endOf = dueEndCache(zone);
  for (const a of snapshots) {
    if (!isInScope(a, period)) continue;
    const standing = standings.get(a.agencyId) ?? newStanding(a);
    standings.set(a.agencyId, standing);
    const category = categoryOf(a, at, zone, endOf);
    standing.categories[category] += 1;
    totals[category] += 1;
    if (isOpen(a, period.year)) {
      standing.openCount += 1;
      if (a.latestInPeriod === null) standing.missingTaskCodes.push(a.taskCode);
      else standing.reportedCount += 1;
    }
    const blockedNow = blockedItem(a, todayLocal, zone);
    if (blockedNow) blocked.push(blockedNow);
    const overdueNow = overdueItem(a, category, todayLocal);
    if (overdueNow) overdue.push(overdueNow);
    const staleNow = staleItem(a, options, todayLocal);
    if (staleNow) stale.push(staleNow);
    standing.blockedCount += blockedNow ? 1 : 0;
    standing.overdueCount += overdueNow ? 1 : 0;
    standing.staleCount += staleNow ? 1 : 0;
  }
  const agencies = [...standings.values()];
  for (const standing of agencies) if (standing.missingTaskCodes.length > 0) standing.daysLate = daysLate;
  agencies.sort(compareStandings);
  const notReported = agencies.filter((s) => s.missingTaskCodes.length > 0);
  blocked.sort((x, y) => y.ageDays - x.ageDays || byVietnamese(x.agencyName, y.agencyName));
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || byVietnamese(x.agencyName, y.agencyName));
  // Never reported counts as the stalest.
  stale.sort((x, y) => (y.daysSince ?? Number.MAX_SAFE_INTEGER) - (x.daysSince ?? Number.MAX_SAFE_INTEGER));
  return {
    periodKey: period.key,
    deadline: period.deadline.toISOString(),
    at: at.toISOString(),
    afterDeadline,
    agencies,
    notReported,
    blocked,
    overdue,
    stale,
    totals: {
      agencies: agencies.filter((s) => s.openCount > 0).length,
      agenciesReported: agencies.filter((s) => s.openCount > 0 && s.missingTaskCodes.length === 0).length,
      openAssignments: agencies.reduce((sum, s) => sum + s.openCount, 0),
      reportedAssignments: agencies.reduce((sum, s) => sum + s.reportedCount, 0),
      categories: totals,
    },
  };
}
