import type { Kysely } from "kysely";

// The latest update per assignment is found by one index seek per assignment (who is behind, the
// quarter's report), instead of sorting every update.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("status_updates_assignment_sent")
    .on("status_updates")
    .columns(["assignment_id", "sent_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("status_updates_assignment_sent").execute();
}
