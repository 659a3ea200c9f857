// Who is behind (README: coordinators), over plain data: snapshots of assignments, a period and an instant.
// Pure: the instant and the zone are parameters.
import {
  type AssignmentFacts,
  type AssignmentSnapshot,
  isActiveInYear,
  isOpen,
  isOwed,
} from "./assignment-status.ts";
import { addDays, instantAtLocal, localDateOf, type ReportingPeriod } from "./calendar.ts";
import { byVietnamese } from "./collation.ts";
import { dayNumberOf, localDayReader } from "./local-dates.ts";

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
  /**
   * The short codes of the plans the answer covers, in plan order (none: one plan, unnamed). With
   * more than one, each listed task names its plan ("CDS2026 II.2").
   */
  plans?: readonly string[];
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
  /** Codes of the owed assignments lacking an update in the period, in plan order (see taskLabel). */
  missingTaskCodes: string[];
  /** Codes of the assignments past their due date and not done, in plan order (see taskLabel). */
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
  /** The task's plan's short code ("NQ17"). */
  plan: string;
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
  /** The short codes of the plans it covers (BehindOptions.plans). */
  plans: string[];
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

/**
 * A task as lists show it: its code, after its plan's short code when the answer covers more than
 * one plan ("CDS2026 II.2"), since codes repeat across plans.
 */
export function taskLabel(task: { taskCode: string; plan?: string }, plans: readonly string[] = []): string {
  return plans.length > 1 && task.plan !== undefined ? `${task.plan} ${task.taskCode}` : task.taskCode;
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
  assignment: AssignmentFacts,
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
export function isInScope(assignment: AssignmentFacts, period: ReportingPeriod): boolean {
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
  assignment: AssignmentFacts,
  period: ReportingPeriod,
  asOf: Date,
  zone: string,
  endOf?: (dueDate: string) => number,
): Assessment {
  const inScope = isInScope(assignment, period);
  const category = categoryOf(assignment, asOf, zone, endOf);
  const owed = inScope && isOwed(assignment, period.year);
  const updated = inScope && assignment.latestInPeriod !== null;
  return assessmentOf(inScope, category, owed, updated);
}

// Every assessment there can be, built once and frozen: 50,000 assignments share these 40 objects.
const ASSESSMENTS: readonly Assessment[] = CATEGORIES.flatMap((category) =>
  [false, true].flatMap((inScope) =>
    [false, true].flatMap((owed) =>
      [false, true].map((updated) =>
        Object.freeze({
          inScope,
          category,
          owed,
          updated,
          missing: owed && !updated,
          overdue: inScope && category === "overdue",
        }),
      ),
    ),
  ),
);
const CATEGORY_INDEX = new Map(CATEGORIES.map((category, index) => [category, index]));

/** The assessment of these verdicts (missing and overdue follow from them). */
export function assessmentOf(
  inScope: boolean,
  category: AssignmentCategory,
  owed: boolean,
  updated: boolean,
): Assessment {
  const index =
    (CATEGORY_INDEX.get(category) ?? 0) * 8 + (inScope ? 4 : 0) + (owed ? 2 : 0) + (updated ? 1 : 0);
  return ASSESSMENTS[index] as Assessment;
}

/** What to chase an agency about: its missing updates, and its overdue unfinished tasks (may overlap). */
export interface WorkToChase<T extends AssignmentFacts = AssignmentSnapshot> {
  /** How many owe an update for the period: none missing then means "reported everything". */
  owedCount: number;
  missing: T[];
  overdue: T[];
  /** Both, each once: the missing first, then the overdue ones already reported in the period. */
  all: T[];
}

export function workToChase<T extends AssignmentFacts>(
  snapshots: readonly T[],
  period: ReportingPeriod,
  at: Date,
  zone: string,
): WorkToChase<T> {
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

/** Whole local days from an instant (ISO) or a local date to the day asked about, quickly. */
export interface DayCounter {
  sinceInstant(instant: string): number;
  sinceDate(localDate: string): number;
}

export function dayCounter(todayLocal: string, zone: string): DayCounter {
  const today = dayNumberOf(todayLocal);
  const localDay = localDayReader(zone);
  const dates = new Map<string, number>();
  return {
    sinceInstant: (instant) => today - localDay(Date.parse(instant)),
    sinceDate: (localDate) => {
      let day = dates.get(localDate);
      if (day === undefined) {
        day = dayNumberOf(localDate);
        dates.set(localDate, day);
      }
      return today - day;
    },
  };
}

// Items are written field by field: a spread of the assignment's names costs an object per item more.
function blockedItem(a: AssessedRef, latest: Blocked, days: DayCounter): BlockedItem {
  return {
    assignmentId: a.assignmentId,
    taskCode: a.taskCode,
    taskTitle: a.taskTitle,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    plan: a.plan ?? "",
    blocker: latest.blocker,
    since: latest.since,
    ageDays: days.sinceInstant(latest.since),
  };
}

function overdueItem(a: AssessedRef, dueDate: string, latest: OverdueStatus, days: DayCounter): OverdueItem {
  return {
    assignmentId: a.assignmentId,
    taskCode: a.taskCode,
    taskTitle: a.taskTitle,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    plan: a.plan ?? "",
    dueDate,
    daysOverdue: days.sinceDate(dueDate),
    status: latest.status,
    progress: latest.progress,
  };
}

function staleItem(a: AssessedRef, last: string | null, days: DayCounter): StaleItem {
  return {
    assignmentId: a.assignmentId,
    taskCode: a.taskCode,
    taskTitle: a.taskTitle,
    agencyId: a.agencyId,
    agencyName: a.agencyName,
    plan: a.plan ?? "",
    lastReportedAt: last,
    daysSince: last === null ? null : days.sinceInstant(last),
  };
}

/** Open in the period and nothing reported for more than staleAfterDays before `asOf`. */
function isStale(a: AssignmentFacts, options: BehindOptions, asOf: Date): boolean {
  if (!isOpen(a, options.period.year)) return false;
  const last = a.lastReportedAt;
  return last === null || asOf.getTime() - Date.parse(last) > options.staleAfterDays * DAY_MS;
}

/**
 * Names compared in Vietnamese order through their rank: the collator runs once per distinct name
 * rather than on every tie of a sort over thousands of items. Names the collator finds equal share a rank.
 */
export function byNameRank(names: Iterable<string>): (a: string, b: string) => number {
  const sorted = [...new Set(names)].sort(byVietnamese);
  const rank = new Map<string, number>();
  sorted.forEach((name, index) => {
    const previous = sorted[index - 1];
    const same = previous !== undefined && byVietnamese(previous, name) === 0;
    rank.set(name, same ? (rank.get(previous) ?? index) : index);
  });
  return (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
}

/** Most behind first: most missing updates, then overdue, then blocked, then stale; then by name. */
export function sortStandings(standings: AgencyStanding[]): void {
  const byName = byNameRank(standings.map((s) => s.agencyName));
  standings.sort(
    (a, b) =>
      b.missingTaskCodes.length - a.missingTaskCodes.length ||
      b.overdueCount - a.overdueCount ||
      b.blockedCount - a.blockedCount ||
      b.staleCount - a.staleCount ||
      byName(a.agencyName, b.agencyName),
  );
}

/** Blocked longest first, overdue most days first; then by agency name (a stable sort keeps plan order). */
export function sortItems(blocked: BlockedItem[], overdue: OverdueItem[]): void {
  const byName = byNameRank([...blocked, ...overdue].map((item) => item.agencyName));
  blocked.sort((x, y) => y.ageDays - x.ageDays || byName(x.agencyName, y.agencyName));
  overdue.sort((x, y) => y.daysOverdue - x.daysOverdue || byName(x.agencyName, y.agencyName));
}

const NO_STATUS: OverdueStatus = { status: null, progress: null };

function newStanding(a: AssessedRef): AgencyStanding {
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

/** Where a period stands at `at`: the instant statuses are taken at, and lateness. */
export function periodStanding(period: ReportingPeriod, at: Date, zone: string) {
  const asOf = asOfInstant(period, at);
  const afterDeadline = at.getTime() >= period.deadline.getTime();
  return {
    asOf,
    // Ages (blocked, overdue, stale) as of the statuses' instant; lateness as of the question's.
    asOfLocal: localDateOf(asOf, zone),
    afterDeadline,
    // The 19th is the last day on time, so the 20th is the first day late.
    daysLate: afterDeadline ? daysBetween(period.dueDateLocal, localDateOf(at, zone)) + 1 : null,
  };
}

/** The totals over standings sorted most behind first (see whoIsBehind). */
export function totalsOf(
  agencies: readonly AgencyStanding[],
  counts: { tasks: number; assignments: number; categories: CategoryCounts },
): BehindReport["totals"] {
  const sum = (count: (s: AgencyStanding) => number) => agencies.reduce((total, s) => total + count(s), 0);
  const owing = agencies.filter((s) => s.owedCount > 0);
  return {
    tasks: counts.tasks,
    assignments: counts.assignments,
    agenciesInScope: agencies.length,
    agenciesOwing: owing.length,
    agenciesReported: owing.filter((s) => s.missingTaskCodes.length === 0).length,
    owedAssignments: sum((s) => s.owedCount),
    reportedAssignments: sum((s) => s.reportedCount),
    missingAssignments: sum((s) => s.missingTaskCodes.length),
    updatedAssignments: sum((s) => s.updatedCount),
    categories: counts.categories,
  };
}

/** What the tally reads of an assignment besides its statuses. */
export type AssessedRef = Pick<
  AssignmentFacts,
  | "assignmentId"
  | "taskId"
  | "taskCode"
  | "taskTitle"
  | "plan"
  | "agencyId"
  | "agencyCode"
  | "agencyName"
  | "dueDate"
>;

/** A blocked latest status: its obstacle and when it was sent. */
export interface Blocked {
  blocker: string | null;
  since: string;
}

/** An overdue assignment's latest status and progress (null when it never gave one). */
export interface OverdueStatus {
  status: string | null;
  progress: number | null;
}

/**
 * An assignment as SQL assessed it by the same rules (store/behind-counts.ts): the assessment, and
 * of its statuses only what its items show.
 */
export interface AssessedAssignment extends AssessedRef {
  assessment: Assessment;
  /** Its latest status, when that is blocked; else null. */
  blocked: Blocked | null;
  /** Its latest status and progress, when it is overdue; else null. */
  overdueStatus: OverdueStatus | null;
  /** When it is stale (open, nothing reported for staleAfterDays): its last report (null: never). */
  stale: { lastReportedAt: string | null } | null;
}

/**
 * An assignment's assessment with the facts its items show, as SQL gives them (AssessedAssignment):
 * for the few assignments whose latest facts are not as of the instant, assessed here instead.
 */
export function assessedAssignment(a: AssignmentFacts, options: BehindOptions): AssessedAssignment {
  const { asOf } = periodStanding(options.period, options.at, options.zone);
  const assessment = assess(a, options.period, asOf, options.zone);
  const latest = a.latestStatus;
  return {
    assignmentId: a.assignmentId,
    taskId: a.taskId,
    taskCode: a.taskCode,
    taskTitle: a.taskTitle,
    plan: a.plan,
    agencyId: a.agencyId,
    agencyCode: a.agencyCode,
    agencyName: a.agencyName,
    dueDate: a.dueDate,
    assessment,
    blocked: latest?.status === "blocked" ? { blocker: latest.blocker, since: latest.sentAt } : null,
    overdueStatus: assessment.overdue
      ? { status: latest?.status ?? null, progress: latest?.progress ?? null }
      : null,
    stale: isStale(a, options, asOf) ? { lastReportedAt: a.lastReportedAt } : null,
  };
}

/** Who is behind, counted a slice of assignments at a time: long work gives the loop a turn between. */
export interface BehindTally {
  /** The next assignments, in plan order (ties in every list keep it). */
  add(assignments: readonly AssignmentFacts[]): void;
  /** The next assignment and its assessment (see assess), for work that needs it too. */
  addAssessed(assignment: AssignmentFacts, assessment: Assessment): void;
  /** The next assignments as SQL assessed them, in plan order. */
  addAssessedInSql(assignments: readonly AssessedAssignment[]): void;
  /** What `assess` says of an assignment for this tally's period and instant. */
  assess(assignment: AssignmentFacts): Assessment;
  report(): BehindReport;
}

/**
 * `listed: false` counts blocked, overdue and stale work per agency without listing it: the
 * quarter's report orders agencies by those counts and shows no list (its `blocked`, `overdue` and
 * `stale` stay empty).
 */
export function behindTally(options: BehindOptions, { listed = true } = {}): BehindTally {
  const { period, at, zone, plans = [] } = options;
  const { asOf, asOfLocal, afterDeadline, daysLate } = periodStanding(period, at, zone);
  const days = dayCounter(asOfLocal, zone);
  const endOf = dueEndCache(zone);
  const standings = new Map<number, AgencyStanding>();
  const blocked: BlockedItem[] = [];
  const overdue: OverdueItem[] = [];
  const stale: StaleItem[] = [];
  const totals = emptyCounts();
  const tasks = new Set<number>();
  let assignments = 0;
  const assessed = (a: AssignmentFacts) => assess(a, period, asOf, zone, endOf);
  // The assessment and the item facts apart from the assignment: the facts path builds no object per row.
  const count = (
    a: AssessedRef,
    assessment: Assessment,
    blockedNow: Blocked | null,
    overdueStatus: OverdueStatus | null,
    staleNow: AssessedAssignment["stale"],
  ) => {
    if (!assessment.inScope) return;
    tasks.add(a.taskId);
    assignments += 1;
    let standing = standings.get(a.agencyId);
    if (standing === undefined) {
      standing = newStanding(a);
      standings.set(a.agencyId, standing);
    }
    standing.categories[assessment.category] += 1;
    totals[assessment.category] += 1;
    if (assessment.owed) standing.owedCount += 1;
    if (assessment.owed && assessment.updated) standing.reportedCount += 1;
    if (assessment.updated) standing.updatedCount += 1;
    if (assessment.missing) standing.missingTaskCodes.push(taskLabel(a, plans));
    if (assessment.overdue) standing.overdueTaskCodes.push(taskLabel(a, plans));
    if (blockedNow !== null) {
      if (listed) blocked.push(blockedItem(a, blockedNow, days));
      standing.blockedCount += 1;
    }
    if (assessment.category === "overdue" && a.dueDate !== null) {
      if (listed) overdue.push(overdueItem(a, a.dueDate, overdueStatus ?? NO_STATUS, days));
      standing.overdueCount += 1;
    }
    if (staleNow !== null) {
      if (listed) stale.push(staleItem(a, staleNow.lastReportedAt, days));
      standing.staleCount += 1;
    }
  };
  const countFacts = (a: AssignmentFacts, assessment: Assessment) => {
    if (!assessment.inScope) return;
    const latest = a.latestStatus;
    const blockedNow =
      latest?.status === "blocked" ? { blocker: latest.blocker, since: latest.sentAt } : null;
    const staleNow = isStale(a, options, asOf) ? { lastReportedAt: a.lastReportedAt } : null;
    count(a, assessment, blockedNow, latest, staleNow);
  };
  return {
    add: (slice) => {
      for (const a of slice) countFacts(a, assessed(a));
    },
    addAssessed: countFacts,
    addAssessedInSql: (slice) => {
      for (const a of slice) count(a, a.assessment, a.blocked, a.overdueStatus, a.stale);
    },
    assess: assessed,
    report: () => {
      const agencies = [...standings.values()];
      for (const standing of agencies) if (standing.missingTaskCodes.length > 0) standing.daysLate = daysLate;
      sortStandings(agencies);
      sortItems(blocked, overdue);
      // Never reported counts as the stalest.
      stale.sort(
        (x, y) => (y.daysSince ?? Number.MAX_SAFE_INTEGER) - (x.daysSince ?? Number.MAX_SAFE_INTEGER),
      );
      return {
        periodKey: period.key,
        plans: [...plans],
        deadline: period.deadline.toISOString(),
        at: at.toISOString(),
        asOf: asOf.toISOString(),
        afterDeadline,
        daysLate,
        agencies,
        notReported: agencies.filter((s) => s.missingTaskCodes.length > 0),
        blocked,
        overdue,
        stale,
        totals: totalsOf(agencies, { tasks: tasks.size, assignments, categories: totals }),
      };
    },
  };
}

/**
 * Who is behind for a period (README: coordinators): statuses as of asOfInstant(period, at), days late counted to
 * `at`. The one source of the chat's, the CLI's and the report's counts. The assignments come in plan
 * order, each task's lead agencies in Vietnamese order: ties in every list keep that order.
 */
export function whoIsBehind(snapshots: readonly AssignmentFacts[], options: BehindOptions): BehindReport {
  const tally = behindTally(options);
  tally.add(snapshots);
  return tally.report();
}
