import type { Kysely } from "kysely";

// Who is behind counts the country's assignments agency by agency (README: speed at a country's
// scale): each counting statement reads a range of agencies in index order, so SQLite groups them
// without sorting and no statement reads more than its share. The index carries every column of
// assignments that statement reads, so it never visits the table. It replaces 0007's index on
// agency_id alone, which is its first column. No backfill: an index is built over the rows there.
// Migrations stand alone (no application imports) and are never edited once landed.

const COLUMNS = ["agency_id", "task_id", "retired_at", "active_from", "active_until"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("assignments_agency_task").on("assignments").columns(COLUMNS).execute();
  await db.schema.dropIndex("assignments_agency").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("assignments_agency").on("assignments").columns(["agency_id"]).execute();
  await db.schema.dropIndex("assignments_agency_task").execute();
}
