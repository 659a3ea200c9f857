// What the reminder planner reads, a few agencies at a time, so that a country-scale round never holds
// the whole plan in memory nor the event loop in one long statement (README: never frozen). The
// assignments' facts come from the tables the update's own transaction keeps (migration 0008), as
// who-is-behind reads them (src/services/period-snapshot.ts); the planner reads them one row per
// agency, its assignments packed in one JSON array, because building a JavaScript object for each of
// a country's 100,000 assignment rows cost more than SQLite spent finding them.
import { sql } from "kysely";
import { type Db, isPostgres } from "../db/database.ts";
import { taskActiveYears } from "../db/json-columns.ts";
import {
  type AssignmentFacts,
  assignmentFacts,
  type FactsAgency,
  type FactsTask,
} from "../domain/assignment-status.ts";
import type { PlanLabel } from "../domain/plan-label.ts";
import type { UpdateStatus } from "../domain/vocabulary.ts";
import { assignmentValidAt, taskReportsIn } from "./assignments.ts";

/** A live task, with its place in plan order (plan, section, number). */
export interface LiveTask extends FactsTask {
  rank: number;
  /** Its plan, for a reminder that lists tasks of several plans under a heading each. */
  plan: PlanLabel;
}

export type LeadAgency = FactsAgency;

/** Every live task, in plan order (plan, section, number). */
export async function liveTasks(db: Db): Promise<Map<number, LiveTask>> {
  const rows = await db
    .selectFrom("tasks")
    .innerJoin("sections", "sections.id", "tasks.section_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select([
      "plans.short_code as planShortCode",
      "plans.title as planTitle",
      "tasks.id",
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
      row.id,
      {
        id: row.id,
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

/** The agencies that lead at least one live assignment (by id: two of one name keep their order). */
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
    .orderBy("id")
    .execute();
}

/**
 * One assignment as packed by the query: its id and task, then, when anything was ever reported on
 * it, its latest status (status, progress, blocker, sent at), when its latest update of the period
 * was sent, and when anything was last sent.
 */
type PackedAssignment =
  | [assignmentId: number, taskId: number]
  | [
      assignmentId: number,
      taskId: number,
      status: UpdateStatus | null,
      progress: number | null,
      blocker: string | null,
      statusSentAt: string | null,
      periodSentAt: string | null,
      reportedAt: string,
    ];

const NOTHING_REPORTED = { latestStatus: null, latestInPeriod: null, lastReportedAt: null };

interface AgencyRow {
  agencyId: number;
  /** JSON text on SQLite; PostgreSQL's driver hands json already parsed. */
  assignments: string | PackedAssignment[];
}

/** The facts of a few agencies' assignments, and those whose facts are as of now, not `until`. */
export interface ChunkFacts {
  /** Agency by agency in the order asked, each one's assignments in plan order. */
  facts: AssignmentFacts[];
  /**
   * Those of `facts` on which something was sent at or after `until` (a past deadline): what was
   * reported on them is as of now, for the caller to replace with what it was at `until`.
   */
  unsettled: AssignmentFacts[];
}

function packedAssignments(db: Db, periodKey: string) {
  // With nothing ever reported (most assignments early in a plan), two numbers.
  const fields = sql`a.id, a.task_id, l.status, l.progress, l.blocker, l.status_sent_at, f.last_sent_at,
    l.reported_at`;
  const packed = isPostgres(db)
    ? sql`json_agg(case when l.assignment_id is null and f.assignment_id is null
        then json_build_array(a.id, a.task_id) else json_build_array(${fields}) end)`
    : sql`json_group_array(case when l.assignment_id is null and f.assignment_id is null
        then json_array(a.id, a.task_id) else json_array(${fields}) end)`;
  return sql<AgencyRow>`
    select a.agency_id as "agencyId", ${packed} as "assignments"
    from assignments a
    left join assignment_latest l on l.assignment_id = a.id
    left join assignment_period_facts f on f.assignment_id = a.id and f.period_key = ${periodKey}`;
}

export interface FactsRequest {
  /** In the order the facts come in. */
  agencies: readonly LeadAgency[];
  /** The live tasks: assignments of other tasks are left out. */
  tasks: ReadonlyMap<number, LiveTask>;
  /** What was sent before this instant counts. */
  until: Date;
  /** The period whose updates make latestInPeriod. */
  periodKey: string;
}

/**
 * The assignments of a few agencies in charge at `until`, with what the facts tables say was
 * reported on them (for the period `periodKey`), and which of them had something sent since
 * `until`: one statement, one row per agency.
 */
export async function agencyFacts(db: Db, request: FactsRequest): Promise<ChunkFacts> {
  if (request.agencies.length === 0) return { facts: [], unsettled: [] };
  const until = request.until.toISOString();
  const result = await sql<AgencyRow>`
    ${packedAssignments(db, request.periodKey)}
    where a.agency_id in (${sql.join(request.agencies.map((agency) => agency.id))})
      and a.retired_at is null and ${assignmentValidAt(request.until, "a")}
      and ${taskReportsIn(request.periodKey, "a.task_id")}
    group by a.agency_id`.execute(db);
  const packedOf = new Map(result.rows.map((row) => [row.agencyId, row.assignments]));
  const chunk: ChunkFacts = { facts: [], unsettled: [] };
  for (const agency of request.agencies) {
    const packed = packedOf.get(agency.id);
    if (packed === undefined) continue;
    // By the task's place in plan order (an agency leads a task once), so nothing needs a sort.
    const byRank = new Array<AssignmentFacts | undefined>(request.tasks.size);
    for (const item of typeof packed === "string" ? (JSON.parse(packed) as PackedAssignment[]) : packed) {
      const task = request.tasks.get(item[1]);
      if (task === undefined) continue;
      if (item.length === 2) {
        byRank[task.rank] = assignmentFacts(item[0], task, agency, NOTHING_REPORTED);
        continue;
      }
      const [assignmentId, , status, progress, blocker, statusSentAt, periodSentAt, reportedAt] = item;
      const facts = assignmentFacts(assignmentId, task, agency, {
        latestStatus: statusSentAt === null ? null : { status, progress, blocker, sentAt: statusSentAt },
        latestInPeriod: periodSentAt === null ? null : { sentAt: periodSentAt },
        lastReportedAt: reportedAt,
      });
      byRank[task.rank] = facts;
      if (reportedAt >= until) chunk.unsettled.push(facts);
    }
    for (const facts of byRank) if (facts !== undefined) chunk.facts.push(facts);
  }
  return chunk;
}
