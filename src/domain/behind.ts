// Who is behind (README: coordinators), over plain data: snapshots of assignments, a period and an instant.
// Pure: the instant and the zone are parameters.
import { type AssignmentSnapshot, isActiveInYear, isOpen, isOwed } from "./assignment-status.ts";
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
  /** When the question is asked: days late count to here; statuses are taken at asOfInstant. */
  at: Date;
  zone: string;
  staleAfterDays: number;
}

export interface AgencyStanding {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /** Assignments that owe an update for the period (see isOwed). */
  owedCount: number;
  /** Owed assignments with an update in the period. */
  reportedCount: number;
  /** Assignments in scope with an update in the period, owed or not. */
  updatedCount: number;
  /** Codes of the owed assignments lacking an update in the period, in plan order. */
  missingTaskCodes: string[];
  /** Codes of the assignments past their due date and not done, in plan order. */
  overdueTaskCodes: string[];
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
  /** The instant statuses are taken at: `at`, or the deadline for a period that has ended. */
  asOf: string;
  afterDeadline: boolean;
  /** Whole local days past the deadline at `at` (the 20th is day 1), or null before it. */
  daysLate: number | null;
  /** Every agency with an assignment in scope, most behind first. */
  agencies: AgencyStanding[];
  /** Agencies that still owe at least one update for the period, most behind first. */
  notReported: AgencyStanding[];
  blocked: BlockedItem[];
  overdue: OverdueItem[];
  stale: StaleItem[];
  /** Tasks count plan items; assignments count task × lead agency, the unit of reporting. */
  totals: {
    tasks: number;
    assignments: number;
    agenciesInScope: number;
    /** Agencies owing at least one update for the period. */
    agenciesOwing: number;
    /** Agencies owing updates that have sent every one. */
    agenciesReported: number;
    owedAssignments: number;
    reportedAssignments: number;
    missingAssignments: number;
    updatedAssignments: number;
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
 * README: coordinators category as of `at`. Precedence: done (on time or late, by when the latest status was
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
 * The instant a period's statuses are taken at: the asking instant, or the deadline once it has
 * passed (a later update belongs to the next period, README: the report calendar). The chat, the CLI and the report all
 * use it, so they tell the same story about an ended quarter.
 */
export function asOfInstant(period: ReportingPeriod, at: Date): Date {
  return at.getTime() < period.deadline.getTime() ? at : period.deadline;
}

/**
 * In scope for a period: not dormant, and active in the period's year, or reported on in the period
 * (every update of the period is counted somewhere), or an unfinished task whose due date fell before
 * that year (it stays overdue until done, though it is no longer reminded).
 */
export function isInScope(assignment: AssignmentSnapshot, period: ReportingPeriod): boolean {
  if (assignment.dormant) return false;
  if (isActiveInYear(assignment, period.year) || assignment.latestInPeriod !== null) return true;
  return (
    assignment.dueDate !== null &&
    Number(assignment.dueDate.slice(0, 4)) < period.year &&
    assignment.latestStatus?.status !== "done"
  );
}

/** Everything the texts and the report say about one assignment in a period, decided here once. */
export interface Assessment {
  inScope: boolean;
  category: AssignmentCategory;
  /** Owes an update for the period (see isOwed). */
  owed: boolean;
  /** In scope and reported on in the period. */
  updated: boolean;
  /** Owed, and nothing reported in the period. */
  missing: boolean;
  /** In scope, past its due date and not done. */
  overdue: boolean;
}

/** The assessment of one assignment with its statuses as of `asOf` (see asOfInstant). */
export function assess(
  assignment: AssignmentSnapshot,
  period: ReportingPeriod,
  asOf: Date,
  zone: string,
  endOf?: (dueDate: string) => number,
): Assessment {
  const inScope = isInScope(assignment, period);
  const category = categoryOf(assignment, asOf, zone, endOf);
  const owed = inScope && isOwed(assignment, period.year);
  const updated = inScope && assignment.latestInPeriod !== null;
  return {
    inScope,
    category,
    owed,
    updated,
    missing: owed && !updated,
    overdue: inScope && category === "overdue",
  };
}

/** What to chase an agency about: its missing updates, and its overdue unfinished tasks (may overlap). */
export interface WorkToChase {
  /** How many owe an update for the period: none missing then means "reported everything". */
  owedCount: number;
  missing: AssignmentSnapshot[];
  overdue: AssignmentSnapshot[];
  /** Both, each once: the missing first, then the overdue ones already reported in the period. */
  all: AssignmentSnapshot[];
}

export function workToChase(
  snapshots: readonly AssignmentSnapshot[],
  period: ReportingPeriod,
  at: Date,
  zone: string,
): WorkToChase {
  const asOf = asOfInstant(period, at);
  const endOf = dueEndCache(zone);
  const assessed = snapshots.map((snapshot) => ({
    snapshot,
    ...assess(snapshot, period, asOf, zone, endOf),
  }));
  const missing = assessed.filter((a) => a.missing).map((a) => a.snapshot);
  const overdue = assessed.filter((a) => a.overdue).map((a) => a.snapshot);
  const rest = assessed.filter((a) => a.overdue && !a.missing).map((a) => a.snapshot);
  const owedCount = assessed.filter((a) => a.owed).length;
  return { owedCount, missing, overdue, all: [...missing, ...rest] };
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

function staleItem(
  a: AssignmentSnapshot,
  options: BehindOptions,
  asOf: Date,
  todayLocal: string,
): StaleItem | null {
  if (!isOpen(a, options.period.year)) return null;
  const last = a.lastReportedAt;
  if (last !== null && asOf.getTime() - Date.parse(last) <= options.staleAfterDays * DAY_MS) return null;
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
    owedCount: 0,
    reportedCount: 0,
    updatedCount: 0,
    missingTaskCodes: [],
    overdueTaskCodes: [],
    daysLate: null,
    blockedCount: 0,
    overdueCount: 0,
    staleCount: 0,
    categories: emptyCounts(),
  };
}

/**
 * Who is behind for a period (README: coordinators): statuses as of asOfInstant(period, at), days late counted to
 * `at`. The one source of the chat's, the CLI's and the report's counts.
 */
export function whoIsBehind(snapshots: readonly AssignmentSnapshot[], options: BehindOptions): BehindReport {
  const { period, at, zone } = options;
  const asOf = asOfInstant(period, at);
  // Ages (blocked, overdue, stale) as of the statuses' instant; lateness as of the question's.
  const asOfLocal = localDateOf(asOf, zone);
  const afterDeadline = at.getTime() >= period.deadline.getTime();
  // The 19th is the last day on time, so the 20th is the first day late.
  const daysLate = afterDeadline ? daysBetween(period.dueDateLocal, localDateOf(at, zone)) + 1 : null;
  const standings = new Map<number, AgencyStanding>();
  const blocked: BlockedItem[] = [];
  const overdue: OverdueItem[] = [];
  const stale: StaleItem[] = [];
  const totals = emptyCounts();
  const tasks = new Set<number>();
  let assignments = 0;
  const endOf = dueEndCache(zone);
  for (const a of snapshots) {
    const assessment = assess(a, period, asOf, zone, endOf);
    if (!assessment.inScope) continue;
    tasks.add(a.taskId);
    assignments += 1;
    const standing = standings.get(a.agencyId) ?? newStanding(a);
    standings.set(a.agencyId, standing);
    standing.categories[assessment.category] += 1;
    totals[assessment.category] += 1;
    if (assessment.owed) standing.owedCount += 1;
    if (assessment.owed && assessment.updated) standing.reportedCount += 1;
    if (assessment.updated) standing.updatedCount += 1;
    if (assessment.missing) standing.missingTaskCodes.push(a.taskCode);
    if (assessment.overdue) standing.overdueTaskCodes.push(a.taskCode);
    const blockedNow = blockedItem(a, asOfLocal, zone);
    if (blockedNow) blocked.push(blockedNow);
    const overdueNow = overdueItem(a, assessment.category, asOfLocal);
    if (overdueNow) overdue.push(overdueNow);
    const staleNow = staleItem(a, options, asOf, asOfLocal);
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
  const sum = (count: (s: AgencyStanding) => number) => agencies.reduce((total, s) => total + count(s), 0);
  const owing = agencies.filter((s) => s.owedCount > 0);
  return {
    periodKey: period.key,
    deadline: period.deadline.toISOString(),
    at: at.toISOString(),
    asOf: asOf.toISOString(),
    afterDeadline,
    daysLate,
    agencies,
    notReported,
    blocked,
    overdue,
    stale,
    totals: {
      tasks: tasks.size,
      assignments,
      agenciesInScope: agencies.length,
      agenciesOwing: owing.length,
      agenciesReported: owing.filter((s) => s.missingTaskCodes.length === 0).length,
      owedAssignments: sum((s) => s.owedCount),
      reportedAssignments: sum((s) => s.reportedCount),
      missingAssignments: sum((s) => s.missingTaskCodes.length),
      updatedAssignments: sum((s) => s.updatedCount),
      categories: totals,
    },
  };
}
