// The snapshots as they were computed before the facts tables (issue 12): straight from the update
// history, every query walking it. Slow at country scale and kept only here, as the reference the
// facts-based loaders must agree with on any history (test/services/behind-facts.equivalence.test.ts).
import { sql } from "kysely";
import type { Db } from "../../src/db/database.ts";
import { taskActiveYears } from "../../src/db/json-columns.ts";
import type { AssignmentSnapshot, UpdateFacts } from "../../src/domain/assignment-status.ts";
import { byVietnamese } from "../../src/domain/collation.ts";
import type { UpdateStatus } from "../../src/domain/vocabulary.ts";
import { liveAssignmentsInPlanOrder } from "../../src/store/assignments.ts";

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

type Condition = ReturnType<typeof sql<boolean>>;

/** The latest effective update per assignment matching a condition, sent before `until`. */
async function latestPerAssignment(
  db: Db,
  until: Date,
  condition: Condition,
  agencyId: number | undefined,
): Promise<Map<number, UpdateFacts>> {
  const scope = agencyId === undefined ? sql<boolean>`1 = 1` : sql<boolean>`a.agency_id = ${agencyId}`;
  const result = await sql<UpdateRow>`
    select a.id as assignment_id, u.status, u.progress, u.blocker, u.eta, u.sent_at, u.period_key,
           p.name as person_name, u.raw_text
    from assignments a
    join status_updates u on u.id = (
      select x.id from status_updates x
      where x.assignment_id = a.id
        and x.sent_at < ${until.toISOString()}
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
  return new Map(
    result.rows.map((row) => [
      row.assignment_id,
      {
        status: row.status,
        progress: row.progress,
        blocker: row.blocker,
        eta: row.eta,
        sentAt: row.sent_at,
        periodKey: row.period_key,
        personName: row.person_name,
        rawText: row.raw_text,
      },
    ]),
  );
}

async function lastReportedTimes(
  db: Db,
  until: Date,
  agencyId: number | undefined,
): Promise<Map<number, string>> {
  const scope =
    agencyId === undefined
      ? sql<boolean>`1 = 1`
      : sql<boolean>`u.assignment_id in (select id from assignments where agency_id = ${agencyId})`;
  const result = await sql<{ assignment_id: number; last: string }>`
    select u.assignment_id, max(u.sent_at) as last from status_updates u
    where u.sent_at < ${until.toISOString()} and ${scope}
    group by u.assignment_id`.execute(db);
  return new Map(result.rows.map((row) => [row.assignment_id, String(row.last)]));
}

/** Effective updates (latest revision of their message) per assignment and period key, non-zero only. */
export async function referenceUpdateCounts(
  db: Db,
  periodKeys: string[],
  until: Date,
): Promise<Map<number, Map<string, number>>> {
  const counts = new Map<number, Map<string, number>>();
  if (periodKeys.length === 0) return counts;
  const result = await sql<{ assignment_id: number; period_key: string; n: number }>`
    select u.assignment_id, u.period_key, count(*) as n
    from status_updates u
    where u.period_key in (${sql.join(periodKeys)})
      and u.sent_at < ${until.toISOString()}
      and not exists (
        select 1 from status_updates newer
        where newer.message_key = u.message_key and newer.revision > u.revision
      )
    group by u.assignment_id, u.period_key`.execute(db);
  for (const row of result.rows) {
    const perPeriod = counts.get(row.assignment_id) ?? new Map<string, number>();
    perPeriod.set(row.period_key, Number(row.n));
    counts.set(row.assignment_id, perPeriod);
  }
  return counts;
}

/** Plan order, each task's lead agencies in Vietnamese order (then by assignment id on equal names). */
function leadsInVietnameseOrder<T extends { taskId: number; agencyName: string; assignmentId: number }>(
  rows: T[],
): T[] {
  const taskRank = new Map<number, number>();
  for (const row of rows) if (!taskRank.has(row.taskId)) taskRank.set(row.taskId, taskRank.size);
  const names = [...new Set(rows.map((row) => row.agencyName))].sort(byVietnamese);
  const nameRank = new Map(names.map((name, index) => [name, index]));
  const rank = (row: T) =>
    (taskRank.get(row.taskId) ?? 0) * names.length + (nameRank.get(row.agencyName) ?? 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.assignmentId - b.assignmentId);
}

/** Every live assignment (or one agency's) with what was reported up to `until`, for `periodKey`. */
export async function referenceSnapshots(
  db: Db,
  options: { until: Date; periodKey: string; agencyId?: number },
): Promise<AssignmentSnapshot[]> {
  const { until, agencyId } = options;
  const rows = await liveAssignmentsInPlanOrder(db)
    .orderBy("tasks.id")
    .select([
      "assignments.id as assignmentId",
      "tasks.id as taskId",
      "tasks.code as taskCode",
      "tasks.title as taskTitle",
      "plans.short_code as plan",
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
  const assignments = leadsInVietnameseOrder(
    rows.map((row) => ({
      ...row,
      activeYears: taskActiveYears.decode(row.activeYears),
      dormant: row.dormant === 1,
    })),
  );
  const latestStatus = await latestPerAssignment(db, until, sql<boolean>`x.status is not null`, agencyId);
  const latestInPeriod = await latestPerAssignment(
    db,
    until,
    sql<boolean>`x.period_key = ${options.periodKey}`,
    agencyId,
  );
  const lastReported = await lastReportedTimes(db, until, agencyId);
  return assignments.map((row) => ({
    ...row,
    latestStatus: latestStatus.get(row.assignmentId) ?? null,
    latestInPeriod: latestInPeriod.get(row.assignmentId) ?? null,
    lastReportedAt: lastReported.get(row.assignmentId) ?? null,
  }));
}
