import type { Kysely } from "kysely";

// Who is behind at a country's scale (README: speed at a country's scale).
// - It counts the assignments agency by agency: each counting statement reads a range of agencies in
//   index order, so SQLite groups them without sorting and no statement reads more than its share.
//   The index carries every column of assignments that statement reads, so it never visits the
//   table. It replaces 0007's index on agency_id alone, which is its first column.
// - The latest facts are as of the instant asked about only for assignments that sent nothing since:
//   the few others are found by when they last reported (assignment_latest.reported_at), a seek.
// No backfill: an index is built over the rows there.
// Migrations stand alone (no application imports) and are never edited once landed.

const COLUMNS = ["agency_id", "task_id", "retired_at", "active_from", "active_until"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("assignments_agency_task").on("assignments").columns(COLUMNS).execute();
  await db.schema.dropIndex("assignments_agency").execute();
  await db.schema
    .createIndex("assignment_latest_reported_at")
    .on("assignment_latest")
    .column("reported_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("assignment_latest_reported_at").execute();
  await db.schema.createIndex("assignments_agency").on("assignments").columns(["agency_id"]).execute();
  await db.schema.dropIndex("assignments_agency_task").execute();
}
