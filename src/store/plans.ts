// Plans, their sections and tasks, and each task's cooperating agencies: what an import writes.
import type { Insertable, Selectable, Updateable } from "kysely";
import type { Db } from "../db/database.ts";
import { taskLeadGroups } from "../db/json-columns.ts";
import type { CooperationsTable, PlansTable, SectionsTable, TasksTable } from "../db/schema.ts";
import type { AgencyGroup } from "../domain/vocabulary.ts";

export type PlanRow = Selectable<PlansTable>;
export type SectionRow = Selectable<SectionsTable>;
export type TaskRow = Selectable<TasksTable>;

export async function hasAnyPlan(db: Db): Promise<boolean> {
  return (await db.selectFrom("plans").select("id").executeTakeFirst()) !== undefined;
}

export async function findPlanByCode(db: Db, code: string): Promise<PlanRow | null> {
  return (await db.selectFrom("plans").selectAll().where("code", "=", code).executeTakeFirst()) ?? null;
}

/**
 * The plan an admin or coordinator names: its short code in any case ("nq17") or its full code
 * ("gia-lai-nq17-2019"); null when no plan has it.
 */
export async function findPlanByReference(db: Db, reference: string): Promise<PlanRow | null> {
  const text = reference.trim();
  const row = await db
    .selectFrom("plans")
    .selectAll()
    .where((eb) => eb.or([eb("short_code", "=", text.toUpperCase()), eb("code", "=", text)]))
    .executeTakeFirst();
  return row ?? null;
}

/** The short codes held by every plan but `exceptPlanId`. */
export async function planShortCodesExcept(db: Db, exceptPlanId: number | null): Promise<Set<string>> {
  const rows = await db
    .selectFrom("plans")
    .select("short_code")
    .$if(exceptPlanId !== null, (query) => query.where("id", "!=", exceptPlanId ?? 0))
    .execute();
  return new Set(rows.map((row) => row.short_code));
}

export async function insertPlan(db: Db, values: Insertable<PlansTable>): Promise<number> {
  const inserted = await db.insertInto("plans").values(values).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updatePlan(db: Db, id: number, values: Updateable<PlansTable>): Promise<void> {
  await db.updateTable("plans").set(values).where("id", "=", id).execute();
}

/** Every plan's title, span and close, the latest-ending first. */
export async function planSpansLatestFirst(db: Db) {
  return db
    .selectFrom("plans")
    .select([
      "title",
      "span_from_year",
      "span_to_year",
      "first_report_year",
      "first_report_quarter",
      "closed_at",
    ])
    .orderBy("span_to_year", "desc")
    .orderBy("id")
    .execute();
}

/** The plans still open (not closed) whose span ended before `year`: their unfinished work stays overdue. */
export async function openPlansEndedBefore(db: Db, year: number) {
  return db
    .selectFrom("plans")
    .select(["short_code as shortCode", "span_to_year as endYear"])
    .where("closed_at", "is", null)
    .where("span_to_year", "<", year)
    .orderBy("id")
    .execute();
}

/** The earliest first report period among the plans that have one. */
export async function earliestFirstReport(db: Db) {
  return db
    .selectFrom("plans")
    .select(["first_report_year", "first_report_quarter"])
    .where("first_report_year", "is not", null)
    .orderBy("first_report_year")
    .orderBy("first_report_quarter")
    .executeTakeFirst();
}

export async function sectionsOfPlan(db: Db, planId: number): Promise<SectionRow[]> {
  return db.selectFrom("sections").selectAll().where("plan_id", "=", planId).execute();
}

export async function insertSection(db: Db, values: Insertable<SectionsTable>): Promise<number> {
  const inserted = await db.insertInto("sections").values(values).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateSection(db: Db, id: number, values: Updateable<SectionsTable>): Promise<void> {
  await db.updateTable("sections").set(values).where("id", "=", id).execute();
}

/** Every task of a plan, retired ones too. */
export async function tasksOfPlan(db: Db, planId: number): Promise<TaskRow[]> {
  return db.selectFrom("tasks").selectAll().where("plan_id", "=", planId).execute();
}

export async function insertTask(db: Db, values: Insertable<TasksTable>): Promise<number> {
  const inserted = await db.insertInto("tasks").values(values).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateTask(db: Db, id: number, values: Updateable<TasksTable>): Promise<void> {
  await db.updateTable("tasks").set(values).where("id", "=", id).execute();
}

/** The title of a live task by its code, whether or not any agency leads it. */
export async function liveTaskTitle(db: Db, code: string): Promise<string | null> {
  const task = await db
    .selectFrom("tasks")
    .select("title")
    .where("code", "=", code)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  return task?.title ?? null;
}

/**
 * Live tasks of open plans led by a collective name ("Các sở, ngành"), with the groups they name. A
 * closed plan's are left out: an agency registered after the close owes it nothing.
 */
export async function liveTasksWithLeadGroups(db: Db): Promise<{ id: number; leadGroups: AgencyGroup[] }[]> {
  const rows = await db
    .selectFrom("tasks")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select(["tasks.id", "tasks.lead_groups"])
    .where("tasks.retired_at", "is", null)
    .where("plans.closed_at", "is", null)
    .where("tasks.lead_groups", "!=", taskLeadGroups.encode([]))
    .execute();
  return rows.map((row) => ({ id: row.id, leadGroups: taskLeadGroups.decode(row.lead_groups) }));
}

export type Cooperation = Pick<Selectable<CooperationsTable>, "agency_id" | "group_code">;

export async function cooperationsOfTask(db: Db, taskId: number): Promise<Cooperation[]> {
  return db
    .selectFrom("cooperations")
    .select(["agency_id", "group_code"])
    .where("task_id", "=", taskId)
    .execute();
}

/** Cooperating agencies are reference data with no history: replaced as a whole. */
export async function replaceCooperations(
  db: Db,
  taskId: number,
  cooperations: Cooperation[],
): Promise<void> {
  await db.deleteFrom("cooperations").where("task_id", "=", taskId).execute();
  for (const cooperation of cooperations) {
    await db
      .insertInto("cooperations")
      .values({ task_id: taskId, ...cooperation, retired_at: null })
      .execute();
  }
}
