// Every plan with its counts, for `nhacviec plans`: one grouped query per count, so the list costs
// the same five statements however many plans and tasks there are.
import type { Db } from "../db/database.ts";
import type { Quarter } from "../domain/calendar.ts";
import { currentAssignments } from "./assignments.ts";

export interface PlanSummary {
  id: number;
  code: string;
  shortCode: string;
  title: string;
  spanFromYear: number | null;
  spanToYear: number | null;
  closedAt: string | null;
  /** The plan's first reporting period; null when the import knew no span. */
  firstReport: { year: number; quarter: Quarter } | null;
  sections: number;
  liveTasks: number;
  /** Assignments in charge today: none once the plan is closed. */
  currentAssignments: number;
  /** The agencies of those assignments. */
  leadAgencies: number;
  statusUpdates: number;
}

type Counts = Map<number, number>;

function countsOf(rows: { planId: number; n: number | string | bigint }[]): Counts {
  return new Map(rows.map((row) => [row.planId, Number(row.n)]));
}

/** Every plan, the first imported first, with its counts. */
export async function planSummaries(db: Db): Promise<PlanSummary[]> {
  const [plans, sections, tasks, assignments, updates] = await Promise.all([
    db.selectFrom("plans").selectAll().orderBy("id").execute(),
    db
      .selectFrom("sections")
      .select((eb) => ["plan_id as planId", eb.fn.countAll<number>().as("n")])
      .where("retired_at", "is", null)
      .groupBy("plan_id")
      .execute(),
    db
      .selectFrom("tasks")
      .select((eb) => ["plan_id as planId", eb.fn.countAll<number>().as("n")])
      .where("retired_at", "is", null)
      .groupBy("plan_id")
      .execute(),
    currentAssignments(db)
      .select((eb) => [
        "plans.id as planId",
        eb.fn.countAll<number>().as("n"),
        eb.fn.count<number>("assignments.agency_id").distinct().as("agencies"),
      ])
      .groupBy("plans.id")
      .execute(),
    db
      .selectFrom("status_updates")
      .innerJoin("assignments", "assignments.id", "status_updates.assignment_id")
      .innerJoin("tasks", "tasks.id", "assignments.task_id")
      .select((eb) => ["tasks.plan_id as planId", eb.fn.countAll<number>().as("n")])
      .groupBy("tasks.plan_id")
      .execute(),
  ]);
  const sectionCounts = countsOf(sections);
  const taskCounts = countsOf(tasks);
  const assignmentCounts = countsOf(assignments);
  const agencyCounts = countsOf(assignments.map((row) => ({ planId: row.planId, n: row.agencies })));
  const updateCounts = countsOf(updates);
  return plans.map((plan) => ({
    id: plan.id,
    code: plan.code,
    shortCode: plan.short_code,
    title: plan.title,
    spanFromYear: plan.span_from_year,
    spanToYear: plan.span_to_year,
    closedAt: plan.closed_at,
    firstReport:
      plan.first_report_year === null || plan.first_report_quarter === null
        ? null
        : { year: plan.first_report_year, quarter: plan.first_report_quarter },
    sections: sectionCounts.get(plan.id) ?? 0,
    liveTasks: taskCounts.get(plan.id) ?? 0,
    currentAssignments: assignmentCounts.get(plan.id) ?? 0,
    leadAgencies: agencyCounts.get(plan.id) ?? 0,
    statusUpdates: updateCounts.get(plan.id) ?? 0,
  }));
}
