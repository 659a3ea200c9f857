import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import { taskActiveYears } from "../db/json-columns.ts";
import type { AssignmentSnapshot, UpdateFacts } from "../domain/assignment-status.ts";
import { byVietnamese } from "../domain/collation.ts";
import type { UpdateStatus } from "../domain/vocabulary.ts";
import { liveAssignmentsInPlanOrder } from "../store/assignments.ts";

// The raw query's row; its columns keep the table's types.
interface UpdateRow {
  assignment_id: number;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  sent_at: string;
  period_key: string;
  person_name: string | null;
  raw_text: string;
}

function toFacts(row: UpdateRow): UpdateFacts {
  return {
    status: row.status,
    progress: row.progress,
    blocker: row.blocker,
    eta: row.eta,
    sentAt: row.sent_at,
    periodKey: row.period_key,
    personName: row.person_name,
    rawText: row.raw_text,
  };
}

type Condition = ReturnType<typeof sql<boolean>>;

/** Limits a query on status_updates `u` to one agency's assignments (a chat question), or none. */
function agencyScope(agencyId: number | undefined): Condition {
  return agencyId === undefined
    ? sql<boolean>`1 = 1`
    : sql<boolean>`u.assignment_id in (select id from assignments where agency_id = ${agencyId})`;
}

/**
 * The latest effective update per assignment matching a condition, sent before `until`. Effective:
 * the latest revision of its message (an edit supersedes, history stays). One row per assignment,
 * chosen in SQL so 500,000 updates never cross into memory.
 */
async function latestPerAssignment(
  db: Db,
  until: string,
  condition: Condition,
  agencyId: number | undefined,
): Promise<Map<number, UpdateFacts>> {
  // One index seek per assignment (status_updates_assignment_sent, migration 0003) rather than a
  // window over every update: about four times faster at 500,000 updates (bench/behind.bench.ts).
  const scope = agencyId === undefined ? sql<boolean>`1 = 1` : sql<boolean>`a.agency_id = ${agencyId}`;
  const result = await sql<UpdateRow>`
    select a.id as assignment_id, u.status, u.progress, u.blocker, u.eta, u.sent_at, u.period_key,
           p.name as person_name, u.raw_text
    from assignments a
    join status_updates u on u.id = (
      select x.id from status_updates x
      where x.assignment_id = a.id
        and x.sent_at < ${until}
        and ${condition}
        and not exists (
          select 1 from status_updates newer
          where newer.message_key = x.message_key and newer.revision > x.revision
        )
      order by x.sent_at desc, x.id desc
      limit 1
    )
    left join people p on p.id = u.person_id
    where ${scope}`.execute(db);
  return new Map(result.rows.map((row) => [row.assignment_id, toFacts(row)]));
}

async function lastReportedTimes(db: Db, until: string, scope: Condition): Promise<Map<number, string>> {
  const result = await sql<{ assignment_id: number; last: string }>`
    select u.assignment_id, max(u.sent_at) as last from status_updates u
    where u.sent_at < ${until} and ${scope}
    group by u.assignment_id`.execute(db);
  return new Map(result.rows.map((row) => [row.assignment_id, String(row.last)]));
}

/**
 * Rows already in plan order, with each task's lead agencies put in Vietnamese order: SQLite's
 * ORDER BY compares code points, which puts "Đức Cơ" after "Ia Grai". The few distinct names are
 * collated once, so 50,000 rows sort by a number (about 60 ms).
 */
function leadsInVietnameseOrder<T extends { taskId: number; agencyName: string }>(rows: T[]): T[] {
  const taskRank = new Map<number, number>();
  for (const row of rows) if (!taskRank.has(row.taskId)) taskRank.set(row.taskId, taskRank.size);
  const names = [...new Set(rows.map((row) => row.agencyName))].sort(byVietnamese);
  const nameRank = new Map(names.map((name, index) => [name, index]));
  return rows
    .map((row) => ({
      row,
      rank: (taskRank.get(row.taskId) ?? 0) * names.length + (nameRank.get(row.agencyName) ?? 0),
    }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ row }) => row);
}

/** Every live assignment with what was reported up to `until`, for the period `periodKey`. */
export async function loadAssignmentSnapshots(
  db: Db,
  options: { until: Date; periodKey: string; agencyId?: number },
): Promise<AssignmentSnapshot[]> {
  const until = options.until.toISOString();
  const scope = agencyScope(options.agencyId);
  const [assignments, latestStatus, latestInPeriod, lastReported] = await Promise.all([
    liveAssignmentsInPlanOrder(db)
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
      .$if(options.agencyId !== undefined, (query) =>
        query.where("assignments.agency_id", "=", options.agencyId ?? 0),
      )
      .execute()
      .then(leadsInVietnameseOrder),
    latestPerAssignment(db, until, sql<boolean>`x.status is not null`, options.agencyId),
    latestPerAssignment(db, until, sql<boolean>`x.period_key = ${options.periodKey}`, options.agencyId),
    lastReportedTimes(db, until, scope),
  ]);
  return assignments.map((row) => ({
    ...row,
    activeYears: taskActiveYears.decode(row.activeYears),
    dormant: row.dormant === 1,
    latestStatus: latestStatus.get(row.assignmentId) ?? null,
    latestInPeriod: latestInPeriod.get(row.assignmentId) ?? null,
    lastReportedAt: lastReported.get(row.assignmentId) ?? null,
  }));
}
