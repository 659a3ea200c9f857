import type { Kysely } from "kysely";

// One person, two channels: where scheduled messages go (telegram, zalo or both), and the short-lived
// one-time codes that link a second channel to a person (only their hash, like invites).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("people")
    .addColumn("scheduled_channel", "text", (c) => c.notNull().defaultTo("both"))
    .execute();
  await db.schema
    .createTable("link_codes")
    .addColumn("code_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("link_codes").execute();
  await db.schema.alterTable("people").dropColumn("scheduled_channel").execute();
}
