// What may have moved who-is-behind's counts since they were last made (services/behind-tallies.ts),
// each read with a seek: the agencies whose assignments got updates, or whose last reports passed an
// instant that matters, and the assignments with windows of their own.
import { sql } from "kysely";
import type { Db } from "../db/database.ts";

/** The latest status update stored, 0 for none: the history is only appended to, in id order. */
export async function lastUpdateId(db: Db): Promise<number> {
  const row = await db
    .selectFrom("status_updates")
    .select((eb) => eb.fn.max("id").as("last"))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/**
 * The agencies whose assignments' facts the updates after `afterId` changed: those the updates are
 * about, and those of the earlier rows of their messages (an edit moves a message's updates).
 */
export async function agenciesUpdatedAfter(db: Db, afterId: number): Promise<number[]> {
  const { rows } = await sql<{ agency_id: number }>`
    select distinct a.agency_id
    from status_updates u
    join assignments a on a.id = u.assignment_id
    where u.message_key in (select n.message_key from status_updates n where n.id > ${afterId})`.execute(db);
  return rows.map((row) => row.agency_id);
}

/** The agencies of the assignments whose last report falls in one of these [from, to) windows (ISO). */
export async function agenciesReportedWithin(
  db: Db,
  windows: readonly (readonly [string, string])[],
): Promise<number[]> {
  const open = windows.filter(([from, to]) => from < to);
  if (open.length === 0) return [];
  const { rows } = await sql<{ agency_id: number }>`
    select distinct a.agency_id
    from assignment_latest l
    join assignments a on a.id = l.assignment_id
    where ${sql.join(
      open.map(([from, to]) => sql`(l.reported_at >= ${from} and l.reported_at < ${to})`),
      sql` or `,
    )}`.execute(db);
  return rows.map((row) => row.agency_id);
}

/** An assignment in charge only within a window (a merger's, store/assignments.ts assignmentValidAt). */
export interface AssignmentWindow {
  agencyId: number;
  activeFrom: string | null;
  activeUntil: string | null;
}

/** Every assignment with a window of its own. */
export async function assignmentWindows(db: Db): Promise<AssignmentWindow[]> {
  return db
    .selectFrom("assignments")
    .select(["agency_id as agencyId", "active_from as activeFrom", "active_until as activeUntil"])
    .where((eb) => eb.or([eb("active_from", "is not", null), eb("active_until", "is not", null)]))
    .execute();
}

/** SQLite's data_version: it changes when another connection commits to the file. */
export async function dataVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return Number(rows[0]?.data_version ?? 0);
}
