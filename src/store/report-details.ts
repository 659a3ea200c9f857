// What the written report needs beyond the quarter's report rows: where each assignment sits in its
// plan (plan and section titles), and every obstacle reported in a period, in the officials' words.
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { AssignmentPlace, ReportedObstacle } from "../domain/written-report.ts";
import { liveAssignments } from "./assignments.ts";

/** Every live assignment's plan and section (or those of one plan). */
export async function assignmentPlaces(db: Db, planId?: number): Promise<AssignmentPlace[]> {
  return liveAssignments(db)
    .$if(planId !== undefined, (query) => query.where("tasks.plan_id", "=", planId ?? 0))
    .select([
      "assignments.id as assignmentId",
      "plans.id as planId",
      "plans.title as planTitle",
      "plans.issuer as planIssuer",
      "sections.code as sectionCode",
      "sections.title as sectionTitle",
      "sections.position as sectionPosition",
    ])
    .execute();
}

/**
 * Every effective update (latest revision of its message) filed for the period with an obstacle,
 * sent before `until`, oldest first; only those on one plan's tasks when `planId` is given.
 */
export async function obstaclesInPeriod(
  db: Db,
  periodKey: string,
  until: Date,
  planId?: number,
): Promise<ReportedObstacle[]> {
  const result = await sql<{
    assignment_id: number;
    blocker: string;
    sent_at: string;
    person_name: string | null;
  }>`
    select u.assignment_id, u.blocker, u.sent_at, p.name as person_name
    from status_updates u
    left join people p on p.id = u.person_id
    ${
      planId === undefined
        ? sql``
        : sql`join assignments a on a.id = u.assignment_id join tasks t on t.id = a.task_id and t.plan_id = ${planId}`
    }
    where u.period_key = ${periodKey}
      and u.sent_at < ${until.toISOString()}
      and u.blocker is not null
      and not exists (
        select 1 from status_updates newer
        where newer.message_key = u.message_key and newer.revision > u.revision
      )
    order by u.sent_at, u.id`.execute(db);
  return result.rows.map((row) => ({
    assignmentId: row.assignment_id,
    blocker: row.blocker,
    sentAt: row.sent_at,
    personName: row.person_name,
  }));
}
