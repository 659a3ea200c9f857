import type { Selectable, Updateable } from "kysely";
import { compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import { taskActiveYears } from "../db/json-columns.ts";
import type { AssignmentsTable } from "../db/schema.ts";
import { sortByName } from "../domain/collation.ts";
import type { AgencyGroup } from "../domain/vocabulary.ts";

export interface AgencyTask {
  assignmentId: number;
  taskId: number;
  code: string;
  title: string;
  planCode: string;
  activeYears: number[];
  dueDate: string | null;
  dormant: boolean;
}

/**
 * Live assignments (neither they nor their task retired) with their task, section, plan and agency
 * joined: the base of every query about who leads what.
 */
export function liveAssignments(db: Db) {
  return db
    .selectFrom("assignments")
    .innerJoin("tasks", "tasks.id", "assignments.task_id")
    .innerJoin("sections", "sections.id", "tasks.section_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .innerJoin("agencies", "agencies.id", "assignments.agency_id")
    .where("assignments.retired_at", "is", null)
    .where("tasks.retired_at", "is", null);
}

/** The same, in the plan's order: plan, section, task number. */
export function liveAssignmentsInPlanOrder(db: Db) {
  return liveAssignments(db).orderBy("plans.id").orderBy("sections.position").orderBy("tasks.number");
}

/** The agencies that lead at least one live assignment: those whose officials have work to report. */
export async function leadAgencyIds(db: Db): Promise<Set<number>> {
  const rows = await liveAssignments(db).select("assignments.agency_id as agencyId").distinct().execute();
  return new Set(rows.map((row) => row.agencyId));
}

/** The live assignments an agency leads, in the plan's order. */
export async function tasksLedBy(db: Db, agencyId: number): Promise<AgencyTask[]> {
  const rows = await liveAssignmentsInPlanOrder(db)
    .select([
      "assignments.id as assignmentId",
      "tasks.id as taskId",
      "tasks.code",
      "tasks.title",
      "plans.code as planCode",
      "tasks.active_years",
      "tasks.due_date",
      "tasks.dormant",
    ])
    .where("assignments.agency_id", "=", agencyId)
    .execute();
  return rows.map((row) => ({
    assignmentId: row.assignmentId,
    taskId: row.taskId,
    code: row.code,
    title: row.title,
    planCode: row.planCode,
    activeYears: taskActiveYears.decode(row.active_years),
    dueDate: row.due_date,
    dormant: row.dormant === 1,
  }));
}

export interface AssignmentRef {
  assignmentId: number;
  taskId: number;
  taskCode: string;
  taskTitle: string;
  agencyId: number;
  agencyName: string;
}

const ASSIGNMENT_REF_COLUMNS = [
  "assignments.id as assignmentId",
  "tasks.id as taskId",
  "tasks.code as taskCode",
  "tasks.title as taskTitle",
  "agencies.id as agencyId",
  "agencies.name as agencyName",
] as const;

function assignmentRefQuery(db: Db) {
  return liveAssignments(db).select(ASSIGNMENT_REF_COLUMNS);
}

// The two lookups of a status message, compiled once (db/compiled-once.ts).
const assignmentByIdQuery = compiledOnce((db: Db, assignmentId: number) =>
  assignmentRefQuery(db).where("assignments.id", "=", assignmentId),
);
const agencyAssignmentOfTaskCodeQuery = compiledOnce((db: Db, taskCode: string, agencyId: number) =>
  db
    .selectFrom("tasks")
    // CROSS JOIN keeps tasks the outer loop in SQLite: the code's task, then (task, agency) by the
    // assignments' unique index, instead of walking every assignment of the agency (4× the time).
    .crossJoin("assignments")
    .innerJoin("agencies", "agencies.id", "assignments.agency_id")
    .select(ASSIGNMENT_REF_COLUMNS)
    .whereRef("assignments.task_id", "=", "tasks.id")
    .where("assignments.agency_id", "=", agencyId)
    .where("tasks.code", "=", taskCode)
    .where("tasks.retired_at", "is", null)
    .where("assignments.retired_at", "is", null)
    .orderBy("assignments.id")
    .limit(1),
);

export async function findAssignment(db: Db, assignmentId: number): Promise<AssignmentRef | null> {
  const [row] = (await assignmentByIdQuery(db, assignmentId)).rows;
  return row ?? null;
}

/** The live assignment of a task code that an agency leads; the earliest when two plans share the code. */
export async function agencyAssignmentOfTaskCode(
  db: Db,
  taskCode: string,
  agencyId: number,
): Promise<AssignmentRef | null> {
  const [row] = (await agencyAssignmentOfTaskCodeQuery(db, taskCode, agencyId)).rows;
  return row ?? null;
}

/** Every live assignment of a task code, across plans and lead agencies, agencies in Vietnamese order. */
export async function assignmentsOfTaskCode(db: Db, taskCode: string): Promise<AssignmentRef[]> {
  const rows = await assignmentRefQuery(db).where("tasks.code", "=", taskCode).execute();
  return sortByName(rows, (row) => row.agencyName);
}

export async function taskCodeExists(db: Db, taskCode: string): Promise<boolean> {
  const row = await db
    .selectFrom("tasks")
    .select("id")
    .where("code", "=", taskCode)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

export type AssignmentRow = Selectable<AssignmentsTable>;

/** Every assignment of a task, retired ones too. */
export async function assignmentsOfTask(db: Db, taskId: number): Promise<AssignmentRow[]> {
  return db.selectFrom("assignments").selectAll().where("task_id", "=", taskId).execute();
}

export async function insertAssignment(
  db: Db,
  assignment: { taskId: number; agencyId: number; viaGroup: AgencyGroup | null },
  at: string,
): Promise<void> {
  await db
    .insertInto("assignments")
    .values({
      task_id: assignment.taskId,
      agency_id: assignment.agencyId,
      via_group: assignment.viaGroup,
      retired_at: null,
      created_at: at,
    })
    .execute();
}

export async function updateAssignment(
  db: Db,
  id: number,
  values: Pick<Updateable<AssignmentsTable>, "retired_at" | "via_group">,
): Promise<void> {
  await db.updateTable("assignments").set(values).where("id", "=", id).execute();
}

/** Every live assignment (or one agency's) with its task and agency, in plan order, JSON decoded. */
export async function liveAssignmentSnapshotRows(db: Db, agencyId: number | undefined) {
  const rows = await liveAssignmentsInPlanOrder(db)
    .select([
      "assignments.id as assignmentId",
      "tasks.id as taskId",
      "tasks.code as taskCode",
      "tasks.title as taskTitle",
      "agencies.id as agencyId",
      "agencies.code as agencyCode",
      "agencies.name as agencyName",
      "agencies.kind as agencyKind",
      "tasks.active_years as activeYears",
      "tasks.due_date as dueDate",
      "tasks.dormant as dormant",
    ])
    .$if(agencyId !== undefined, (query) => query.where("assignments.agency_id", "=", agencyId ?? 0))
    .execute();
  return rows.map((row) => ({
    ...row,
    activeYears: taskActiveYears.decode(row.activeYears),
    dormant: row.dormant === 1,
  }));
}
