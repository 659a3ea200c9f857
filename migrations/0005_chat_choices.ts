import type { Kysely } from "kysely";

// The numbered choices last shown in a chat of a channel without buttons (Zalo): "1" presses the first.
// Per chat rather than per person: an unlinked chat has no person, and a person may have several chats.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("chat_choices")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("buttons", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("chat_choices_pk", ["channel", "chat_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("chat_choices").execute();
}
