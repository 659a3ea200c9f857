// The quarter's report (README: coordinators, plan section III.1) as plain data: one row per assignment, a
// per-agency summary, and for Q2–Q4 the cumulative view. Pure; writers live in src/reports/.
import type { AssignmentFacts, UpdateFacts } from "./assignment-status.ts";
import {
  type Assessment,
  type AssignmentCategory,
  type BehindReport,
  behindTally,
  type CategoryCounts,
} from "./behind.ts";
import type { ReportingPeriod } from "./calendar.ts";

export interface ReportRow {
  assignmentId: number;
  taskCode: string;
  taskTitle: string;
  /** The task's plan's short code ("NQ17"). */
  plan: string;
  agencyCode: string;
  agencyName: string;
  dueDate: string | null;
  /** Open in the period, so an update was owed. */
  owed: boolean;
  reportedInPeriod: boolean;
  /** The latest status known at the report's instant. */
  status: string | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  reporter: string | null;
  /** ISO instant of the update shown: the latest in the period, else the latest status before it. */
  reportedAt: string | null;
  rawText: string | null;
  category: AssignmentCategory;
}

export type Timeliness =
  | { kind: "complete" }
  | { kind: "late"; days: number }
  | { kind: "pending" }
  | { kind: "none" };

export interface AgencySummaryRow {
  agencyCode: string;
  agencyName: string;
  owed: number;
  reported: number;
  missing: number;
  timeliness: Timeliness;
  categories: CategoryCounts;
}

export interface CumulativeRow {
  assignmentId: number;
  taskCode: string;
  taskTitle: string;
  plan: string;
  agencyName: string;
  status: string | null;
  progress: number | null;
  category: AssignmentCategory;
  updatesSinceYearStart: number;
  /** Per period of the year up to this one, in order: whether anything was reported in it. */
  reportedByPeriod: boolean[];
}

export interface QuarterReport {
  periodKey: string;
  /** The short codes of the plans it covers; with more than one, listed tasks name theirs (taskLabel). */
  plans: string[];
  /** The instant the statuses are taken at: the deadline, or now for a period still running. */
  asOf: string;
  /** The same totals as who-is-behind at the same instant (captions read them). */
  totals: BehindReport["totals"];
  rows: ReportRow[];
  summary: AgencySummaryRow[];
  cumulative: { months: number; periodKeys: string[]; rows: CumulativeRow[] } | null;
}

/**
 * An assignment as the report reads it: the rules' facts, and the whole update its row shows (the
 * latest of the period, else the latest status before it).
 */
export interface ReportSnapshot extends AssignmentFacts {
  shown: UpdateFacts | null;
}

export interface QuarterReportInput {
  snapshots: readonly ReportSnapshot[];
  period: ReportingPeriod;
  /** When the report is made: days late count to here; statuses are taken at asOfInstant. */
  at: Date;
  zone: string;
  /** The year's periods up to and including this one. */
  yearPeriods: readonly ReportingPeriod[];
  /** Updates per assignment in each of the year's periods, in their order (none: no entry). */
  updateCounts: ReadonlyMap<number, readonly number[]>;
  /** The short codes of the plans it covers (BehindOptions.plans). */
  plans?: readonly string[];
}

function rowOf(s: ReportSnapshot, assessment: Assessment): ReportRow {
  const { shown } = s;
  const status = s.latestStatus?.status ?? null;
  return {
    assignmentId: s.assignmentId,
    taskCode: s.taskCode,
    taskTitle: s.taskTitle,
    plan: s.plan ?? "",
    agencyCode: s.agencyCode,
    agencyName: s.agencyName,
    dueDate: s.dueDate,
    owed: assessment.owed,
    reportedInPeriod: assessment.updated,
    status,
    progress: shown?.progress ?? s.latestStatus?.progress ?? null,
    blocker: status === "blocked" ? (s.latestStatus?.blocker ?? null) : null,
    eta: shown?.eta ?? null,
    reporter: shown?.personName ?? null,
    reportedAt: shown?.sentAt ?? null,
    rawText: shown?.rawText ?? null,
    category: assessment.category,
  };
}

function timelinessOf(owed: number, missing: number, daysLate: number | null): Timeliness {
  if (owed === 0) return { kind: "none" };
  if (missing === 0) return { kind: "complete" };
  return daysLate === null ? { kind: "pending" } : { kind: "late", days: daysLate };
}

/** The report, built a slice of snapshots at a time: long work gives the loop a turn between. */
export interface QuarterReportBuilder {
  /** The next snapshots, in plan order. */
  add(snapshots: readonly ReportSnapshot[]): void;
  finish(): QuarterReport;
}

export function quarterReportBuilder(input: Omit<QuarterReportInput, "snapshots">): QuarterReportBuilder {
  const { period, zone } = input;
  const plans = input.plans ?? [];
  const behind = behindTally(
    { period, at: input.at, zone, staleAfterDays: Number.MAX_SAFE_INTEGER, plans },
    { listed: false },
  );
  const periodKeys = input.yearPeriods.map((p) => p.key);
  const rows: ReportRow[] = [];
  const cumulativeRows: CumulativeRow[] = [];
  return {
    add: (snapshots) => {
      for (const s of snapshots) {
        const assessment = behind.assess(s);
        behind.addAssessed(s, assessment);
        if (!assessment.inScope) continue;
        const row = rowOf(s, assessment);
        rows.push(row);
        if (period.cumulativeMonths !== null) {
          cumulativeRows.push(cumulativeRowOf(row, periodKeys, input.updateCounts.get(row.assignmentId)));
        }
      }
    },
    finish: () => {
      const standings = behind.report();
      const summary = standings.agencies.map((standing) => ({
        agencyCode: standing.agencyCode,
        agencyName: standing.agencyName,
        owed: standing.owedCount,
        reported: standing.reportedCount,
        missing: standing.missingTaskCodes.length,
        timeliness: timelinessOf(standing.owedCount, standing.missingTaskCodes.length, standing.daysLate),
        categories: standing.categories,
      }));
      return {
        periodKey: period.key,
        plans: [...plans],
        asOf: standings.asOf,
        totals: standings.totals,
        rows,
        summary,
        cumulative:
          period.cumulativeMonths === null
            ? null
            : { months: period.cumulativeMonths, periodKeys, rows: cumulativeRows },
      };
    },
  };
}

function cumulativeRowOf(
  row: ReportRow,
  periodKeys: readonly string[],
  counts: readonly number[] | undefined,
): CumulativeRow {
  const byPeriod = periodKeys.map((_, index) => counts?.[index] ?? 0);
  return {
    assignmentId: row.assignmentId,
    taskCode: row.taskCode,
    taskTitle: row.taskTitle,
    plan: row.plan,
    agencyName: row.agencyName,
    status: row.status,
    progress: row.progress,
    category: row.category,
    updatesSinceYearStart: byPeriod.reduce((sum, n) => sum + n, 0),
    reportedByPeriod: byPeriod.map((n) => n > 0),
  };
}

export function buildQuarterReport(input: QuarterReportInput): QuarterReport {
  const builder = quarterReportBuilder(input);
  builder.add(input.snapshots);
  return builder.finish();
}
