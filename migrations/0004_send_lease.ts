import type { Kysely } from "kysely";

// One row per shared send budget: the process holding it (until `expires_at`, renewed while it
// sends) is the only one draining the outbox, so instances sharing a database share Telegram's rate.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("send_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("send_leases").execute();
}
