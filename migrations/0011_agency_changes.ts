import type { Kysely } from "kysely";

// Agencies change under a plan (README: mergers and dissolutions). An assignment gets a validity
// window: active_from / active_until are instants (the start of a local day), null meaning "since
// the beginning" / "still open"; an assignment is in charge at T when active_from < T <= active_until.
// An agency that was merged or dissolved records when (ended_at) and, if merged, into which agency.
// Carried forward: every existing assignment keeps an unbounded window (it was valid all along) and
// every agency stays open; communes named "Phường …" become kind "ward", the two-level province's
// other local unit (name_key is the folded name, "uy ban nhan dan" being the expanded "UBND").

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assignments").addColumn("active_from", "text").execute();
  await db.schema.alterTable("assignments").addColumn("active_until", "text").execute();
  await db.schema.alterTable("agencies").addColumn("ended_at", "text").execute();
  // No REFERENCES clause: SQLite cannot drop a column that has one (down).
  await db.schema.alterTable("agencies").addColumn("merged_into_id", "integer").execute();
  const agencies = (db as Kysely<{ agencies: { kind: string; name_key: string } }>).updateTable("agencies");
  await agencies
    .set({ kind: "ward" })
    .where("kind", "=", "commune")
    .where((eb) =>
      eb.or([eb("name_key", "like", "phuong %"), eb("name_key", "like", "uy ban nhan dan phuong %")]),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const agencies = (db as Kysely<{ agencies: { kind: string } }>).updateTable("agencies");
  await agencies.set({ kind: "commune" }).where("kind", "=", "ward").execute();
  await db.schema.alterTable("agencies").dropColumn("merged_into_id").execute();
  await db.schema.alterTable("agencies").dropColumn("ended_at").execute();
  await db.schema.alterTable("assignments").dropColumn("active_until").execute();
  await db.schema.alterTable("assignments").dropColumn("active_from").execute();
}
