import { type RawBuilder, type Selectable, sql, type Updateable } from "kysely";
import { compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import { taskActiveYears } from "../db/json-columns.ts";
import type { AssignmentsTable } from "../db/schema.ts";
import { sortByName } from "../domain/collation.ts";
import type { AgencyGroup, AgencyKind } from "../domain/vocabulary.ts";

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

/**
 * Whether an assignment was in charge just before `until` (README: mergers and dissolutions): its
 * window (active_from, active_until] holds that instant. Periods ask at their as-of instant, so a
 * quarter before a merger shows the old agency and one after it the new; `table` names the
 * assignments table as the query aliases it. The one filter every period loader calls.
 */
export function assignmentValidAt(until: Date, table = "assignments"): RawBuilder<boolean> {
  const at = until.toISOString();
  const from = sql.ref(`${table}.active_from`);
  const to = sql.ref(`${table}.active_until`);
  return sql<boolean>`((${from} is null or ${from} < ${at}) and (${to} is null or ${to} >= ${at}))`;
}

/**
 * Live assignments still in charge today: not ended by a merger or dissolution, nor kept as the
 * history of an agency that no longer exists. Those are recorded on or after their date (never
 * ahead), so an ended window is always in the past.
 */
export function currentAssignments(db: Db) {
  return liveAssignments(db)
    .where("assignments.active_until", "is", null)
    .where("agencies.ended_at", "is", null);
}

/** The same, in the plan's order: plan, section, task number (the reference loader in the tests reads it). */
export function liveAssignmentsInPlanOrder(db: Db) {
  return liveAssignments(db).orderBy("plans.id").orderBy("sections.position").orderBy("tasks.number");
}

/** The agencies that lead at least one live assignment: those whose officials have work to report. */
export async function leadAgencyIds(db: Db): Promise<Set<number>> {
  const rows = await currentAssignments(db).select("assignments.agency_id as agencyId").distinct().execute();
  return new Set(rows.map((row) => row.agencyId));
}

/** The live assignments an agency leads, in the plan's order. */
export async function tasksLedBy(db: Db, agencyId: number): Promise<AgencyTask[]> {
  const rows = await currentAssignments(db)
    .orderBy("plans.id")
    .orderBy("sections.position")
    .orderBy("tasks.number")
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
  return currentAssignments(db).select(ASSIGNMENT_REF_COLUMNS);
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
    .where("assignments.active_until", "is", null)
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
  assignment: { taskId: number; agencyId: number; viaGroup: AgencyGroup | null; activeFrom?: Date | null },
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
      active_from: assignment.activeFrom?.toISOString() ?? null,
      active_until: null,
    })
    .execute();
}

export interface OpenAssignment {
  assignmentId: number;
  taskId: number;
  taskCode: string;
  planCode: string;
  viaGroup: AgencyGroup | null;
}

/** An agency's assignments still in charge (live, not ended), in plan order: what a merger passes on. */
export async function currentAssignmentsOf(db: Db, agencyId: number): Promise<OpenAssignment[]> {
  return currentAssignments(db)
    .select([
      "assignments.id as assignmentId",
      "tasks.id as taskId",
      "tasks.code as taskCode",
      "plans.code as planCode",
      "assignments.via_group as viaGroup",
    ])
    .where("assignments.agency_id", "=", agencyId)
    .orderBy("plans.id")
    .orderBy("sections.position")
    .orderBy("tasks.number")
    .execute();
}

/** Closes an assignment's window at `until`: its history stays with it, reportable before that instant. */
export async function endAssignment(db: Db, id: number, until: Date): Promise<void> {
  await db
    .updateTable("assignments")
    .set({ active_until: until.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function updateAssignment(
  db: Db,
  id: number,
  values: Pick<Updateable<AssignmentsTable>, "retired_at" | "via_group">,
): Promise<void> {
  await db.updateTable("assignments").set(values).where("id", "=", id).execute();
}

/** A live task as snapshots carry it; the list comes in plan order (plan, section, number). */
export interface SnapshotTask {
  id: number;
  code: string;
  title: string;
  /** Its plan's short code ("NQ17"). */
  plan: string;
  activeYears: number[];
  dueDate: string | null;
  dormant: boolean;
}

/** Which live tasks: those of one code, those some agencies are assigned, those of one plan. */
export interface TaskFilter {
  code?: string;
  agencyIds?: readonly number[];
  planId?: number;
}

/**
 * Every live task (or those a filter names), in plan order, JSON decoded. An agency's own tasks are
 * found from its assignments (an index seek), not by reading every plan's tasks.
 */
export async function liveTasksInPlanOrder(db: Db, filter: TaskFilter = {}): Promise<SnapshotTask[]> {
  const { code, agencyIds, planId } = filter;
  const rows = await db
    .selectFrom("tasks")
    .$if(agencyIds !== undefined, (query) =>
      query.where("tasks.id", "in", (eb) =>
        eb
          .selectFrom("assignments")
          .select("assignments.task_id")
          .where("assignments.agency_id", "in", agencyIds?.length ? agencyIds : [-1]),
      ),
    )
    .innerJoin("sections", "sections.id", "tasks.section_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select([
      "tasks.id",
      "tasks.code",
      "tasks.title",
      "plans.short_code",
      "tasks.active_years",
      "tasks.due_date",
      "tasks.dormant",
    ])
    .where("tasks.retired_at", "is", null)
    .$if(code !== undefined, (query) => query.where("tasks.code", "=", code ?? ""))
    .$if(planId !== undefined, (query) => query.where("tasks.plan_id", "=", planId ?? 0))
    .orderBy("plans.id")
    .orderBy("sections.position")
    .orderBy("tasks.number")
    .orderBy("tasks.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    plan: row.short_code,
    activeYears: taskActiveYears.decode(row.active_years),
    dueDate: row.due_date,
    dormant: row.dormant === 1,
  }));
}

/** The short codes of the plans with live tasks (or of one plan's, when it has any), in plan order. */
export async function planCodesWithLiveTasks(db: Db, planId?: number): Promise<string[]> {
  const rows = await db
    .selectFrom("plans")
    .select(["plans.id", "plans.short_code"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("tasks")
          .select("tasks.id")
          .whereRef("tasks.plan_id", "=", "plans.id")
          .where("tasks.retired_at", "is", null),
      ),
    )
    .$if(planId !== undefined, (query) => query.where("plans.id", "=", planId ?? 0))
    .orderBy("plans.id")
    .execute();
  return rows.map((row) => row.short_code);
}

export interface SnapshotAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
}

/** Every agency, or those of some ids: the lead agencies snapshots name. */
export async function snapshotAgencies(db: Db, ids?: readonly number[]): Promise<SnapshotAgency[]> {
  if (ids?.length === 0) return [];
  return db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind"])
    .$if(ids !== undefined, (query) => query.where("id", "in", ids ?? []))
    .execute();
}
