// Who is behind for the whole country, assessed in SQL (store/behind-counts.ts) from the latest facts:
// the terms the rules give per task, and each assignment's verdicts joined to its task and agency, in
// plan order, for the domain's tally. Right only when nothing was sent at or after the instant asked
// about (README: speed at a country's scale); the caller assesses otherwise then.
import type { Db } from "../db/database.ts";
import {
  type AssessedAssignment,
  type Assessment,
  assessmentOf,
  type BehindOptions,
  CATEGORIES,
} from "../domain/behind.ts";
import { countTermsOf } from "../domain/behind-page.ts";
import { liveTasksInPlanOrder, type SnapshotTask, snapshotAgencies } from "../store/assignments.ts";
import {
  ASSESSED_FLAGS,
  type AssessedRow,
  agencyRanges,
  assessedAssignments,
  type CountTerms,
} from "../store/behind-counts.ts";
import type { YieldPoint } from "../yield-point.ts";
import { inPlanOrder } from "./period-snapshot.ts";

// Assignments per assessing statement: a few milliseconds each, with a turn for the loop between.
const RANGE = 5_000;

/** The terms of the rules for a period as of an instant, from the live tasks. */
export function countTerms(tasks: readonly SnapshotTask[], options: BehindOptions, asOf: Date): CountTerms {
  return { ...countTermsOf(tasks, { ...options, asOf }), periodKey: options.period.key, until: asOf };
}

function assessmentOfRow(row: AssessedRow): Assessment {
  const category = CATEGORIES[row.category];
  if (category === undefined) throw new Error(`no category ${row.category}`);
  const owed = (row.flags & ASSESSED_FLAGS.owed) !== 0;
  return assessmentOf(true, category, owed, (row.flags & ASSESSED_FLAGS.updated) !== 0);
}

/**
 * Every live assignment in scope as of `asOf`, assessed in SQL, in plan order; null when one sent
 * something at or after `asOf` (its latest facts are not as of it).
 */
export async function assessedInSql(
  db: Db,
  options: BehindOptions,
  asOf: Date,
  yieldPoint: YieldPoint,
): Promise<AssessedAssignment[] | null> {
  const tasks = await liveTasksInPlanOrder(db);
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const agencyById = new Map((await snapshotAgencies(db)).map((agency) => [agency.id, agency]));
  const terms = countTerms(tasks, options, asOf);
  const assessed: AssessedAssignment[] = [];
  for await (const range of agencyRanges(db, RANGE)) {
    for (const row of await assessedAssignments(db, terms, { ...range, validAt: asOf })) {
      if ((row.flags & ASSESSED_FLAGS.unsettled) !== 0) return null;
      const task = taskById.get(row.taskId);
      const agency = agencyById.get(row.agencyId);
      if (!task || !agency) continue;
      const assessment = assessmentOfRow(row);
      assessed.push({
        assignmentId: row.assignmentId,
        taskId: task.id,
        taskCode: task.code,
        taskTitle: task.title,
        agencyId: agency.id,
        agencyCode: agency.code,
        agencyName: agency.name,
        dueDate: task.dueDate,
        assessment,
        blocked: row.blockedSince === null ? null : { blocker: row.blocker, since: row.blockedSince },
        overdueStatus: assessment.overdue
          ? { status: row.overdueStatus, progress: row.overdueProgress }
          : null,
        stale: (row.flags & ASSESSED_FLAGS.stale) === 0 ? null : { lastReportedAt: row.lastReportedAt },
      });
    }
    await yieldPoint();
  }
  return inPlanOrder(assessed, tasks);
}
