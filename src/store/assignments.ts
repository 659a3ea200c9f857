import { type RawBuilder, type Selectable, sql, type Updateable } from "kysely";
import { compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import { taskActiveYears } from "../db/json-columns.ts";
import type { AssignmentsTable } from "../db/schema.ts";
import type { FactsAgency, FactsTask } from "../domain/assignment-status.ts";
import { quarterByKey } from "../domain/calendar.ts";
import { byVietnamese } from "../domain/collation.ts";
import type { PlanLabel } from "../domain/plan-label.ts";
import type { AgencyGroup } from "../domain/vocabulary.ts";

export interface AgencyTask {
  assignmentId: number;
  taskId: number;
  code: string;
  title: string;
  planCode: string;
  planShortCode: string;
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
 * Whether the task a column names is of a plan that reports in the period `periodKey` ("2026-Q1"): a
 * plan whose reporting starts later (CDS2026 from Q2 2026: plans.first_report_*) owes nothing for
 * the periods before, though its tasks are already in charge. With the filter above, what every
 * period loader asks; the subquery names a few tasks at most and is read once per statement.
 */
export function taskReportsIn(periodKey: string, taskColumn: string): RawBuilder<boolean> {
  // A question about no period (a merger's statuses as of its date) leaves no task out.
  if (periodKey === "") return sql<boolean>`1 = 1`;
  const named = quarterByKey(periodKey);
  if (named === null) throw new Error(`not a period key: ${periodKey}`);
  const ordinal = named.year * 4 + named.quarter;
  // From the few plans to their tasks by index (SQLite keeps a cross join's order): no task scan.
  return sql<boolean>`${sql.ref(taskColumn)} not in (select t0.id from plans p0 cross join tasks t0
    where t0.plan_id = p0.id and p0.first_report_year * 4 + p0.first_report_quarter > ${ordinal})`;
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
      "plans.short_code as planShortCode",
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
    planShortCode: row.planShortCode,
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
  planId: number;
  plan: PlanLabel;
  /** The agency also leads a current task of another plan: what it is told names the plan. */
  severalPlans: boolean;
}

const ASSIGNMENT_REF_COLUMNS = [
  "assignments.id as assignmentId",
  "tasks.id as taskId",
  "tasks.code as taskCode",
  "tasks.title as taskTitle",
  "agencies.id as agencyId",
  "agencies.name as agencyName",
  "plans.id as planId",
  "plans.short_code as planShortCode",
  "plans.title as planTitle",
] as const;

// A closed plan's assignments have ended, so a current one is of an open plan. An index seek on the
// agency's assignments, stopping at the first of another plan. 0/1 on SQLite and PostgreSQL alike.
const SEVERAL_PLANS = sql<number>`case when exists (
  select 1 from assignments other inner join tasks other_task on other_task.id = other.task_id
  where other.agency_id = assignments.agency_id and other_task.plan_id <> tasks.plan_id
    and other.retired_at is null and other.active_until is null and other_task.retired_at is null
) then 1 else 0 end`.as("severalPlans");

interface AssignmentRefRow extends Omit<AssignmentRef, "plan" | "severalPlans"> {
  planShortCode: string;
  planTitle: string;
  severalPlans: number;
}

function refOf(row: AssignmentRefRow): AssignmentRef {
  const { planShortCode, planTitle, severalPlans, ...rest } = row;
  return { ...rest, plan: { shortCode: planShortCode, title: planTitle }, severalPlans: severalPlans === 1 };
}

// The two lookups of a status message, compiled once (db/compiled-once.ts).
const assignmentByIdQuery = compiledOnce((db: Db, assignmentId: number) =>
  currentAssignments(db)
    .select(ASSIGNMENT_REF_COLUMNS)
    .select(SEVERAL_PLANS)
    .where("assignments.id", "=", assignmentId),
);
const agencyAssignmentsOfTaskCodeQuery = compiledOnce((db: Db, taskCode: string, agencyId: number) =>
  db
    .selectFrom("tasks")
    // CROSS JOIN keeps tasks the outer loop in SQLite: the code's task, then (task, agency) by the
    // assignments' unique index, instead of walking every assignment of the agency (4× the time).
    .crossJoin("assignments")
    .innerJoin("agencies", "agencies.id", "assignments.agency_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select(ASSIGNMENT_REF_COLUMNS)
    .select(SEVERAL_PLANS)
    .whereRef("assignments.task_id", "=", "tasks.id")
    .where("assignments.agency_id", "=", agencyId)
    .where("tasks.code", "=", taskCode)
    .where("tasks.retired_at", "is", null)
    .where("assignments.retired_at", "is", null)
    .where("assignments.active_until", "is", null)
    .orderBy("tasks.plan_id")
    .orderBy("assignments.id"),
);

export async function findAssignment(db: Db, assignmentId: number): Promise<AssignmentRef | null> {
  const [row] = (await assignmentByIdQuery(db, assignmentId)).rows;
  return row ? refOf(row) : null;
}

/**
 * The current assignments of a task code that an agency leads: one per plan that has the code (task
 * codes are unique only within a plan), in plan order.
 */
export async function agencyAssignmentsOfTaskCode(
  db: Db,
  taskCode: string,
  agencyId: number,
): Promise<AssignmentRef[]> {
  return (await agencyAssignmentsOfTaskCodeQuery(db, taskCode, agencyId)).rows.map(refOf);
}

/** The agencies leading a task code now, in every plan or in one, in Vietnamese order. */
export async function leadNamesOfTaskCode(
  db: Db,
  taskCode: string,
  planId: number | null,
): Promise<string[]> {
  const rows = await currentAssignments(db)
    .select("agencies.name")
    .distinct()
    .where("tasks.code", "=", taskCode)
    .$if(planId !== null, (query) => query.where("tasks.plan_id", "=", planId ?? 0))
    .execute();
  return rows.map((row) => row.name).sort(byVietnamese);
}

/** Whether a live task has the code, in any plan or in one. */
export async function taskCodeExists(db: Db, taskCode: string, planId: number | null): Promise<boolean> {
  const row = await db
    .selectFrom("tasks")
    .select("id")
    .where("code", "=", taskCode)
    .where("retired_at", "is", null)
    .$if(planId !== null, (query) => query.where("plan_id", "=", planId ?? 0))
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

/**
 * A plan's assignments (live, on a live task) still in charge at or after `at`: what closing the plan
 * at `at` ends. One that a later merger ended counts too, so a close dated before it ends it there.
 */
function assignmentsOfPlanAfterQuery(db: Db, planId: number, at: Date) {
  return db
    .selectFrom("assignments")
    .innerJoin("tasks", "tasks.id", "assignments.task_id")
    .where("tasks.plan_id", "=", planId)
    .where("tasks.retired_at", "is", null)
    .where("assignments.retired_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("assignments.active_until", "is", null),
        eb("assignments.active_until", ">", at.toISOString()),
      ]),
    );
}

export interface PlanAssignment {
  assignmentId: number;
  taskCode: string;
  agencyId: number;
}

/** The assignments of a plan in charge at or after `at`, in the plan's order. */
export async function assignmentsOfPlanAfter(db: Db, planId: number, at: Date): Promise<PlanAssignment[]> {
  return assignmentsOfPlanAfterQuery(db, planId, at)
    .innerJoin("sections", "sections.id", "tasks.section_id")
    .select(["assignments.id as assignmentId", "tasks.code as taskCode", "assignments.agency_id as agencyId"])
    .orderBy("sections.position")
    .orderBy("tasks.number")
    .orderBy("assignments.id")
    .execute();
}

/** Ends every assignment of a plan in charge at or after `until` there, in one statement (plans close). */
export async function endAssignmentsOfPlanAt(db: Db, planId: number, until: Date): Promise<void> {
  await db
    .updateTable("assignments")
    .set({ active_until: until.toISOString() })
    .where("id", "in", assignmentsOfPlanAfterQuery(db, planId, until).select("assignments.id"))
    .execute();
}

/** The agencies in charge today of some of these tasks, the one leading most of them first. */
export async function agenciesLeadingMost(
  db: Db,
  taskIds: readonly number[],
): Promise<{ code: string; tasks: number }[]> {
  if (taskIds.length === 0) return [];
  const rows = await currentAssignments(db)
    .where("tasks.id", "in", taskIds)
    .select((eb) => [
      "agencies.code",
      "agencies.name",
      eb.fn.count<number>("tasks.id").distinct().as("tasks"),
    ])
    .groupBy(["agencies.code", "agencies.name"])
    .execute();
  return [...rows]
    .sort((a, b) => Number(b.tasks) - Number(a.tasks) || byVietnamese(a.name, b.name))
    .map((row) => ({ code: row.code, tasks: Number(row.tasks) }));
}

export async function updateAssignment(
  db: Db,
  id: number,
  values: Pick<Updateable<AssignmentsTable>, "retired_at" | "via_group">,
): Promise<void> {
  await db.updateTable("assignments").set(values).where("id", "=", id).execute();
}

/** A live task as snapshots carry it; the list comes in plan order (plan, section, number). */
export interface SnapshotTask extends FactsTask {
  /** Its plan's short code ("NQ17"). */
  plan: string;
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

export type SnapshotAgency = FactsAgency;

/** Every agency, or those of some ids: the lead agencies snapshots name. */
export async function snapshotAgencies(db: Db, ids?: readonly number[]): Promise<SnapshotAgency[]> {
  if (ids?.length === 0) return [];
  return db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind"])
    .$if(ids !== undefined, (query) => query.where("id", "in", ids ?? []))
    .execute();
}
