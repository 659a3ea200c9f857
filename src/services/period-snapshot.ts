import type { Db } from "../db/database.ts";
import type { AssignmentSnapshot } from "../domain/assignment-status.ts";
import { byVietnamese } from "../domain/collation.ts";
import { liveAssignmentSnapshotRows } from "../store/assignments.ts";
import {
  lastReportedTimes,
  latestStatusPerAssignment,
  latestUpdateInPeriodPerAssignment,
} from "../store/status-updates.ts";

/**
 * Rows already in plan order, with each task's lead agencies put in Vietnamese order: SQLite's
 * ORDER BY compares code points, which puts "Đức Cơ" after "Ia Grai". The few distinct names are
 * collated once, so 50,000 rows sort by a number (about 60 ms).
 */
function leadsInVietnameseOrder<T extends { taskId: number; agencyName: string }>(rows: T[]): T[] {
  const taskRank = new Map<number, number>();
  for (const row of rows) if (!taskRank.has(row.taskId)) taskRank.set(row.taskId, taskRank.size);
  const names = [...new Set(rows.map((row) => row.agencyName))].sort(byVietnamese);
  const nameRank = new Map(names.map((name, index) => [name, index]));
  return rows
    .map((row) => ({
      row,
      rank: (taskRank.get(row.taskId) ?? 0) * names.length + (nameRank.get(row.agencyName) ?? 0),
    }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ row }) => row);
}

/** Every live assignment with what was reported up to `until`, for the period `periodKey`. */
export async function loadAssignmentSnapshots(
  db: Db,
  options: { until: Date; periodKey: string; agencyId?: number },
): Promise<AssignmentSnapshot[]> {
  const { until, agencyId } = options;
  const [assignments, latestStatus, latestInPeriod, lastReported] = await Promise.all([
    liveAssignmentSnapshotRows(db, agencyId, until).then(leadsInVietnameseOrder),
    latestStatusPerAssignment(db, until, agencyId),
    latestUpdateInPeriodPerAssignment(db, until, options.periodKey, agencyId),
    lastReportedTimes(db, until, agencyId),
  ]);
  return assignments.map((row) => ({
    ...row,
    latestStatus: latestStatus.get(row.assignmentId) ?? null,
    latestInPeriod: latestInPeriod.get(row.assignmentId) ?? null,
    lastReportedAt: lastReported.get(row.assignmentId) ?? null,
  }));
}
