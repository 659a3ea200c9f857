// Who is behind for the whole country, assessed in SQL (store/behind-counts.ts) from the latest facts:
// the terms the rules give per task, and each assignment's verdicts joined to its task and agency, in
// plan order, for the domain's tally. The few assignments that sent something at or after the
// instant asked about (a clock behind a message's time) are assessed from their facts as of it;
// when many did (an ended quarter asked about later), the caller assesses everything from the facts
// (README: speed at a country's scale).
import type { Db } from "../db/database.ts";
import {
  type AssessedAssignment,
  assessedAssignment,
  assessmentOf,
  type BehindOptions,
  CATEGORIES,
} from "../domain/behind.ts";
import { countTermsOf } from "../domain/behind-page.ts";
import {
  liveTasksInPlanOrder,
  type SnapshotAgency,
  type SnapshotTask,
  snapshotAgencies,
} from "../store/assignments.ts";
import {
  ASSESSED_FLAGS,
  agencyRanges,
  assessedAssignments,
  CATEGORY_FACTOR,
  type CountTerms,
  type PackedAssessed,
  type ShownFacts,
  unsettledAssignments,
} from "../store/behind-counts.ts";
import { inPlanOrder, loadAssignmentFacts, type SnapshotQuery } from "./period-snapshot.ts";

// Assignments per assessing statement: a few milliseconds each, with a turn for the loop between.
const RANGE = 5_000;
/** More unsettled assignments than this, and assessing everything from the facts is cheaper. */
export const UNSETTLED_AT_MOST = 1_000;

/** The terms of the rules for a period as of an instant, from the live tasks. */
export function countTerms(tasks: readonly SnapshotTask[], options: BehindOptions, asOf: Date): CountTerms {
  return { ...countTermsOf(tasks, { ...options, asOf }), periodKey: options.period.key, until: asOf };
}

/**
 * The assignments whose latest facts are not as of `query.until`, assessed from their facts as of
 * it; null when there are too many of them for that to pay.
 */
export async function unsettledAssessed(
  db: Db,
  options: BehindOptions,
  query: Required<Pick<SnapshotQuery, "until" | "periodKey" | "yieldPoint">> & Pick<SnapshotQuery, "planId">,
  atMost: number,
): Promise<AssessedAssignment[] | null> {
  const unsettled = await unsettledAssignments(db, query.until);
  if (unsettled.length > atMost) return null;
  if (unsettled.length === 0) return [];
  const facts = await loadAssignmentFacts(db, { ...query, assignmentIds: unsettled });
  return facts.map((fact) => assessedAssignment(fact, options));
}

const NOT_SHOWN: ShownFacts = [null, null, null, null, null];

/** An assignment as SQL assessed it (PackedAssessed), named as the tally reads it. */
function assessedOf(packed: PackedAssessed, task: SnapshotTask, agency: SnapshotAgency): AssessedAssignment {
  const [assignmentId, , verdicts] = packed;
  const [blocker, blockedSince, status, progress, lastReportedAt]: ShownFacts =
    packed.length === 3 ? NOT_SHOWN : [packed[3], packed[4], packed[5], packed[6], packed[7]];
  const category = CATEGORIES[Math.floor(verdicts / CATEGORY_FACTOR)];
  if (category === undefined) throw new Error(`no category in verdicts ${verdicts}`);
  const owed = (verdicts & ASSESSED_FLAGS.owed) !== 0;
  const assessment = assessmentOf(true, category, owed, (verdicts & ASSESSED_FLAGS.updated) !== 0);
  return {
    assignmentId,
    taskId: task.id,
    taskCode: task.code,
    taskTitle: task.title,
    plan: task.plan,
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyName: agency.name,
    dueDate: task.dueDate,
    assessment,
    blocked: blockedSince === null ? null : { blocker, since: blockedSince },
    overdueStatus: assessment.overdue ? { status, progress } : null,
    stale: (verdicts & ASSESSED_FLAGS.stale) === 0 ? null : { lastReportedAt },
  };
}

/**
 * Every live assignment in scope as of `query.until`, assessed in SQL (the unsettled few from their
 * facts), in plan order; null when many assignments sent something since.
 */
export async function assessedInSql(
  db: Db,
  options: BehindOptions,
  query: Required<Pick<SnapshotQuery, "until" | "periodKey" | "yieldPoint">> & Pick<SnapshotQuery, "planId">,
  unsettledAtMost: number,
): Promise<AssessedAssignment[] | null> {
  const unsettled = await unsettledAssessed(db, options, query, unsettledAtMost);
  if (unsettled === null) return null;
  const tasks = await liveTasksInPlanOrder(db, { planId: query.planId });
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const agencyById = new Map((await snapshotAgencies(db)).map((agency) => [agency.id, agency]));
  const terms = { ...countTerms(tasks, options, query.until), planId: query.planId };
  const assessed: AssessedAssignment[] = [...unsettled];
  for await (const range of agencyRanges(db, RANGE)) {
    for (const { agencyId, assignments } of await assessedAssignments(db, terms, {
      ...range,
      validAt: query.until,
    })) {
      const agency = agencyById.get(agencyId);
      if (!agency) continue;
      for (const packed of assignments) {
        const task = taskById.get(packed[1]);
        if (task) assessed.push(assessedOf(packed, task, agency));
      }
    }
    await query.yieldPoint();
  }
  return inPlanOrder(assessed, tasks);
}
