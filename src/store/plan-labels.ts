// Plans as the chat names them: the plan word an official types ("CDS2026", "CDS"), and the short code
// lists show beside a task when an agency's tasks span several plans.
import type { Db } from "../db/database.ts";
import type { PlanLabel } from "../domain/plan-label.ts";

export interface PlanEntry extends PlanLabel {
  id: number;
  closedAt: string | null;
}

/** Every plan, in the order they were imported. */
export async function planEntries(db: Db): Promise<PlanEntry[]> {
  return db
    .selectFrom("plans")
    .select(["id", "short_code as shortCode", "title", "closed_at as closedAt"])
    .orderBy("id")
    .execute();
}

/** The plan of each of these assignments, by assignment id. */
export async function planLabelsOfAssignments(
  db: Db,
  assignmentIds: readonly number[],
): Promise<Map<number, PlanLabel>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("assignments")
    .innerJoin("tasks", "tasks.id", "assignments.task_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select(["assignments.id as assignmentId", "plans.short_code as shortCode", "plans.title"])
    .where("assignments.id", "in", assignmentIds)
    .execute();
  return new Map(rows.map((row) => [row.assignmentId, { shortCode: row.shortCode, title: row.title }]));
}
