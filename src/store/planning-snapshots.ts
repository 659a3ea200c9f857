// What the reminder planner reads, a few agencies at a time, so that a country-scale round never holds
// the whole plan in memory nor the event loop in one long statement (README: never frozen). The
// snapshots mean what loadAssignmentSnapshots' mean (src/services/period-snapshot.ts): each update
// counts in its message's latest revision only.
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import { taskActiveYears } from "../db/json-columns.ts";
import type { AssignmentSnapshot, UpdateFacts } from "../domain/assignment-status.ts";
import type { PlanLabel } from "../domain/plan-label.ts";
import type { AgencyKind, UpdateStatus } from "../domain/vocabulary.ts";
import { assignmentValidAt } from "./assignments.ts";

export interface LiveTask {
  taskId: number;
  code: string;
  title: string;
  activeYears: number[];
  dueDate: string | null;
  dormant: boolean;
  /** Its place in plan order (plan, section, number). */
  rank: number;
  /** Its plan, for a reminder that lists tasks of several plans under a heading each. */
  plan: PlanLabel;
}

export interface LeadAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
}

// Bound values per IN list: far below SQLite's limit, and short statements.
const ID_CHUNK = 500;

/** Every live task, in plan order (plan, section, number). */
export async function liveTasks(db: Db): Promise<Map<number, LiveTask>> {
  const rows = await db
    .selectFrom("tasks")
    .innerJoin("sections", "sections.id", "tasks.section_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select([
      "plans.short_code as planShortCode",
      "plans.title as planTitle",
      "tasks.id as taskId",
      "tasks.code",
      "tasks.title",
      "tasks.active_years as activeYears",
      "tasks.due_date as dueDate",
      "tasks.dormant",
    ])
    .where("tasks.retired_at", "is", null)
    .orderBy("tasks.plan_id")
    .orderBy("sections.position")
    .orderBy("tasks.number")
    .execute();
  return new Map(
    rows.map((row, rank) => [
      row.taskId,
      {
        taskId: row.taskId,
        code: row.code,
        title: row.title,
        activeYears: taskActiveYears.decode(row.activeYears),
        dueDate: row.dueDate,
        dormant: row.dormant === 1,
        rank,
        plan: { shortCode: row.planShortCode, title: row.planTitle },
      },
    ]),
  );
}

/** The agencies that lead at least one live assignment. */
export async function leadAgencies(db: Db): Promise<LeadAgency[]> {
  return db
    .selectFrom("agencies")
    .select(["id", "code", "name", "kind"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("assignments")
          .innerJoin("tasks", "tasks.id", "assignments.task_id")
          .select("assignments.id")
          .whereRef("assignments.agency_id", "=", "agencies.id")
          .where("assignments.retired_at", "is", null)
          .where("tasks.retired_at", "is", null),
      ),
    )
    .execute();
}

interface FactsRow {
  id: number;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  sent_at: string;
  period_key: string;
  person_name: string | null;
  raw_text: string;
}

async function updateFacts(db: Db, ids: number[]): Promise<Map<number, UpdateFacts>> {
  const facts = new Map<number, UpdateFacts>();
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    const result = await sql<FactsRow>`
      select u.id, u.status, u.progress, u.blocker, u.eta, u.sent_at, u.period_key, u.raw_text,
             p.name as person_name
      from status_updates u left join people p on p.id = u.person_id
      where u.id in (${sql.join(ids.slice(start, start + ID_CHUNK))})`.execute(db);
    for (const row of result.rows) {
      facts.set(row.id, {
        status: row.status,
        progress: row.progress,
        blocker: row.blocker,
        eta: row.eta,
        sentAt: row.sent_at,
        periodKey: row.period_key,
        personName: row.person_name,
        rawText: row.raw_text,
      });
    }
  }
  return facts;
}

interface AssignmentRow {
  assignmentId: number;
  taskId: number;
  agencyId: number;
  statusUpdateId: number | null;
  periodUpdateId: number | null;
  lastReportedAt: string | null;
}

/**
 * The live assignments of a few agencies with what was reported up to `until`, for the period
 * `periodKey`, in plan order. One statement for the assignments (an index seek per assignment for
 * its latest status, its latest update of the period and its last report), one for those updates.
 */
export async function agencySnapshots(
  db: Db,
  request: {
    agencies: readonly LeadAgency[];
    tasks: ReadonlyMap<number, LiveTask>;
    until: Date;
    periodKey: string;
  },
): Promise<AssignmentSnapshot[]> {
  if (request.agencies.length === 0) return [];
  const until = request.until.toISOString();
  const effective = sql`not exists (
    select 1 from status_updates newer
    where newer.message_key = x.message_key and newer.revision > x.revision)`;
  const result = await sql<AssignmentRow>`
    select a.id as "assignmentId", a.task_id as "taskId", a.agency_id as "agencyId",
      (select x.id from status_updates x
        where x.assignment_id = a.id and x.sent_at < ${until} and x.status is not null and ${effective}
        order by x.sent_at desc, x.id desc limit 1) as "statusUpdateId",
      (select x.id from status_updates x
        where x.assignment_id = a.id and x.period_key = ${request.periodKey} and x.sent_at < ${until}
          and ${effective}
        order by x.sent_at desc, x.id desc limit 1) as "periodUpdateId",
      (select max(u.sent_at) from status_updates u
        where u.assignment_id = a.id and u.sent_at < ${until}) as "lastReportedAt"
    from assignments a
    where a.agency_id in (${sql.join(request.agencies.map((agency) => agency.id))})
      and a.retired_at is null and ${assignmentValidAt(request.until, "a")}`.execute(db);
  const updateIds = new Set<number>();
  for (const row of result.rows) {
    if (row.statusUpdateId !== null) updateIds.add(row.statusUpdateId);
    if (row.periodUpdateId !== null) updateIds.add(row.periodUpdateId);
  }
  const facts = updateIds.size === 0 ? new Map<number, UpdateFacts>() : await updateFacts(db, [...updateIds]);
  const agencies = new Map(request.agencies.map((agency) => [agency.id, agency]));
  // Bucketed by the task's place in plan order, so the result needs no sort.
  const byRank: AssignmentSnapshot[][] = [];
  for (const row of result.rows) {
    const task = request.tasks.get(row.taskId);
    const agency = agencies.get(row.agencyId);
    if (!task || !agency) continue;
    const bucket = byRank[task.rank] ?? [];
    byRank[task.rank] = bucket;
    bucket.push({
      assignmentId: row.assignmentId,
      taskId: task.taskId,
      taskCode: task.code,
      taskTitle: task.title,
      agencyId: agency.id,
      agencyCode: agency.code,
      agencyName: agency.name,
      agencyKind: agency.kind,
      activeYears: task.activeYears,
      dueDate: task.dueDate,
      dormant: task.dormant,
      latestStatus: row.statusUpdateId === null ? null : (facts.get(row.statusUpdateId) ?? null),
      latestInPeriod: row.periodUpdateId === null ? null : (facts.get(row.periodUpdateId) ?? null),
      lastReportedAt: row.lastReportedAt,
    });
  }
  return byRank.flat();
}
