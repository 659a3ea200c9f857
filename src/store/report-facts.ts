// What the quarter's report reads of each assignment, in one statement per range of assignments: its
// latest facts and those of the period (migration 0008), the whole update its row shows, and its
// effective updates in each counted period. One row comes back per range, the assignments packed in
// JSON: reading 20 columns of 50,000 rows as objects cost more than SQLite spent finding them.
import { sql } from "kysely";
import { type Db, isPostgres } from "../db/database.ts";
import type { UpdateStatus } from "../domain/vocabulary.ts";
import { type AssignmentRange, selected } from "./assignment-facts.ts";

/**
 * One assignment as the report reads it: its ids; its latest status (null fields when it never gave
 * one), its last report and its period's latest update; the update its row shows (the period's
 * latest, else the latest status; null fields for none); then its effective updates in each
 * counted period sent before the instant, in their order (null for none).
 */
export type PackedReportFacts = [
  assignmentId: number,
  taskId: number,
  agencyId: number,
  status: UpdateStatus | null,
  progress: number | null,
  blocker: string | null,
  statusSentAt: string | null,
  reportedAt: string | null,
  periodSentAt: string | null,
  shownStatus: UpdateStatus | null,
  shownProgress: number | null,
  shownBlocker: string | null,
  shownEta: string | null,
  shownSentAt: string | null,
  shownPeriodKey: string | null,
  shownPersonName: string | null,
  shownRawText: string | null,
  ...counts: (number | null)[],
];

/** Where a counted period's count sits in PackedReportFacts. */
export const FIRST_COUNT = 17;

/**
 * The live assignments of a range with their latest facts and those of `periodKey`, the update each
 * row shows, and their effective updates in `countedPeriods` sent before `until` (a period sent
 * partly after it is counted whole: the caller counts such an assignment from its history).
 */
export async function reportFactsOfRange(
  db: Db,
  range: AssignmentRange,
  periodKey: string,
  countedPeriods: readonly string[],
  until: Date,
): Promise<PackedReportFacts[]> {
  const at = until.toISOString();
  // One seek each: (assignment_id, period_key) is the key.
  const counted = countedPeriods.map(
    (key) => sql`(select c.update_count from assignment_period_facts c
      where c.assignment_id = a.id and c.period_key = ${key} and c.first_sent_at < ${at})`,
  );
  const fields = sql.join([
    sql`a.id, a.task_id, a.agency_id, l.status, l.progress, l.blocker, l.status_sent_at, l.reported_at,
      f.last_sent_at, su.status, su.progress, su.blocker, su.eta, su.sent_at, su.period_key, p.name,
      su.raw_text`,
    ...counted,
  ]);
  // JSON text on SQLite (an empty range packs "[]"); PostgreSQL's driver hands json already parsed.
  const packed = isPostgres(db)
    ? sql<PackedReportFacts[] | string | null>`json_agg(json_build_array(${fields}))`
    : sql<PackedReportFacts[] | string | null>`json_group_array(json_array(${fields}))`;
  const query = selected(db, range)
    .leftJoin("assignment_latest as l", "l.assignment_id", "a.id")
    .leftJoin("assignment_period_facts as f", (join) =>
      join.onRef("f.assignment_id", "=", "a.id").on("f.period_key", "=", periodKey),
    )
    .leftJoin("status_updates as su", (join) =>
      join.on("su.id", "=", sql<number>`coalesce(f.last_update_id, l.status_update_id)`),
    )
    .leftJoin("people as p", "p.id", "su.person_id");
  const row = await query.select(packed.as("assignments")).executeTakeFirst();
  const assignments = row?.assignments ?? null;
  if (assignments === null) return [];
  return typeof assignments === "string" ? (JSON.parse(assignments) as PackedReportFacts[]) : assignments;
}
