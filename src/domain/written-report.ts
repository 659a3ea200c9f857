// The written report's content beyond the quarter's report (README: the quarter's report, written):
// the plan's sections in order, the obstacles reported by agency, and the next quarter's focus. Pure.

import { formatLocalDate, nextQuarter, type Quarter, type ReportingPeriod } from "./calendar.ts";
import { byVietnamese } from "./collation.ts";
import type { IndicatorReportRow } from "./indicator-report.ts";
import type { ReportRow } from "./quarter-report.ts";

/** Who issues and signs the report, and where it goes (configuration). */
export interface ReportSettings {
  /** Cơ quan chủ quản, e.g. "UBND tỉnh Gia Lai". */
  parent: string;
  /** Cơ quan ban hành, e.g. "Sở Khoa học và Công nghệ". */
  issuer: string;
  /** What follows "Số:", `{so}` where the number is left blank for registration. */
  number: string;
  place: string;
  /** Quyền hạn and chức vụ, one line each ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  signerTitle: string[];
  signer: string | null;
  recipients: string[];
  /** The archive line's content: "VT, CĐS". */
  archive: string;
}

export interface AssignmentPlace {
  assignmentId: number;
  planId: number;
  planTitle: string;
  planIssuer: string | null;
  sectionCode: string;
  sectionTitle: string;
  sectionPosition: number;
}

export interface ReportedObstacle {
  assignmentId: number;
  blocker: string;
  sentAt: string;
  personName: string | null;
}

export interface ReportDetails {
  places: ReadonlyMap<number, AssignmentPlace>;
  /** Obstacles reported in the period up to the report's instant, oldest first. */
  obstacles: readonly ReportedObstacle[];
  /** The plan's indicators in force in the period (absent: the section is left out). */
  indicators?: readonly IndicatorReportRow[];
}

export interface TaskGroup {
  taskCode: string;
  taskTitle: string;
  dueDate: string | null;
  /** The task's assignments (one per lead agency), in the report's order. */
  rows: ReportRow[];
}

export interface SectionGroup {
  planId: number;
  code: string;
  title: string;
  tasks: TaskGroup[];
}

/** The report's rows by plan section and task, in plan order (the rows come in that order). */
export function groupBySection(
  rows: readonly ReportRow[],
  places: ReadonlyMap<number, AssignmentPlace>,
): SectionGroup[] {
  const sections = new Map<string, SectionGroup>();
  const tasks = new Map<string, TaskGroup>();
  for (const row of rows) {
    const place = places.get(row.assignmentId);
    if (!place) continue;
    const sectionKey = `${place.planId}:${place.sectionCode}`;
    let section = sections.get(sectionKey);
    if (!section) {
      section = { planId: place.planId, code: place.sectionCode, title: place.sectionTitle, tasks: [] };
      sections.set(sectionKey, section);
    }
    const taskKey = `${place.planId}:${row.taskCode}`;
    let task = tasks.get(taskKey);
    if (!task) {
      task = { taskCode: row.taskCode, taskTitle: row.taskTitle, dueDate: row.dueDate, rows: [] };
      tasks.set(taskKey, task);
      section.tasks.push(task);
    }
    task.rows.push(row);
  }
  return [...sections.values()];
}

/** The plans the report covers, each once, in plan order. */
export function plansOf(
  rows: readonly ReportRow[],
  places: ReadonlyMap<number, AssignmentPlace>,
): AssignmentPlace[] {
  const plans = new Map<number, AssignmentPlace>();
  for (const row of rows) {
    const place = places.get(row.assignmentId);
    if (place && !plans.has(place.planId)) plans.set(place.planId, place);
  }
  return [...plans.values()];
}

export interface AgencyObstacle {
  taskCode: string;
  taskTitle: string;
  /** The task's plan's short code. */
  plan: string;
  blocker: string;
  sentAt: string;
  personName: string | null;
}

export interface AgencyObstacles {
  agencyName: string;
  items: AgencyObstacle[];
}

/**
 * Every obstacle reported in the period, by agency (Vietnamese order), in the order reported; the
 * same words repeated for the same task are listed once, at their latest report.
 */
export function obstaclesByAgency(
  rows: readonly ReportRow[],
  obstacles: readonly ReportedObstacle[],
): AgencyObstacles[] {
  const rowOf = new Map(rows.map((row) => [row.assignmentId, row]));
  const latest = new Map<string, { row: ReportRow; obstacle: ReportedObstacle }>();
  for (const obstacle of obstacles) {
    const row = rowOf.get(obstacle.assignmentId);
    if (!row) continue;
    const key = `${obstacle.assignmentId}\u0000${obstacle.blocker.trim().toLocaleLowerCase("vi")}`;
    latest.delete(key); // re-inserted last, so the order is that of the latest report
    latest.set(key, { row, obstacle });
  }
  const byAgency = new Map<string, AgencyObstacle[]>();
  for (const { row, obstacle } of latest.values()) {
    const items = byAgency.get(row.agencyName) ?? [];
    items.push({
      taskCode: row.taskCode,
      taskTitle: row.taskTitle,
      plan: row.plan,
      blocker: obstacle.blocker,
      sentAt: obstacle.sentAt,
      personName: obstacle.personName,
    });
    byAgency.set(row.agencyName, items);
  }
  return [...byAgency.entries()]
    .map(([agencyName, items]) => ({ agencyName, items }))
    .sort((a, b) => byVietnamese(a.agencyName, b.agencyName));
}

export interface FocusTask {
  taskCode: string;
  taskTitle: string;
  /** The task's plan's short code. */
  plan: string;
  dueDate: string;
  /** The lead agencies that have not finished it. */
  agencies: string[];
}

export interface NextPeriodFocus {
  year: number;
  quarter: Quarter;
  /** Unfinished past their due date, the longest overdue first. */
  overdue: FocusTask[];
  /** Unfinished, due within the next calendar quarter, the soonest first. */
  dueNext: FocusTask[];
}

/** The calendar quarter's first and last local dates. */
export function quarterDates(year: number, quarter: Quarter): { from: string; to: string } {
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: formatLocalDate(year, lastMonth - 2, 1), to: formatLocalDate(year, lastMonth, lastDay) };
}

/** What the next quarter must focus on: open work already overdue, then open work falling due in it. */
export function nextPeriodFocus(
  rows: readonly ReportRow[],
  period: Pick<ReportingPeriod, "year" | "quarter">,
): NextPeriodFocus {
  const next = nextQuarter(period.year, period.quarter);
  const window = quarterDates(next.year, next.quarter);
  const overdue = new Map<string, FocusTask>();
  const dueNext = new Map<string, FocusTask>();
  for (const row of rows) {
    if (row.dueDate === null || row.category === "done_on_time" || row.category === "done_late") continue;
    const into =
      row.category === "overdue"
        ? overdue
        : row.dueDate >= window.from && row.dueDate <= window.to
          ? dueNext
          : null;
    if (!into) continue;
    const key = `${row.plan}\u0000${row.taskCode}\u0000${row.taskTitle}`;
    const task = into.get(key) ?? {
      taskCode: row.taskCode,
      taskTitle: row.taskTitle,
      plan: row.plan,
      dueDate: row.dueDate,
      agencies: [],
    };
    task.agencies.push(row.agencyName);
    into.set(key, task);
  }
  const byDue = (a: FocusTask, b: FocusTask) => a.dueDate.localeCompare(b.dueDate);
  return { ...next, overdue: [...overdue.values()].sort(byDue), dueNext: [...dueNext.values()].sort(byDue) };
}

/** Assignments blocked at the report's instant: the ones that need a decision (section IV). */
export function blockedRows(rows: readonly ReportRow[]): ReportRow[] {
  return rows.filter((row) => row.status === "blocked");
}
