import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Migrations stand alone (no application imports) and are never edited once landed.
// The outbox: every scheduled message, planned once (unique key), delivered at least once, recorded always.

type Db = Kysely<unknown>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function idType(db: Db) {
  return isPostgres(db) ? sql`serial` : sql`integer`;
}

function idColumn(db: Db) {
  return (column: ColumnDefinitionBuilder) =>
    isPostgres(db) ? column.primaryKey() : column.primaryKey().autoIncrement();
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("account_id", "integer", (c) => c.notNull().references("channel_accounts.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull()) // JSON {text, buttons?}
    .addColumn("assignment_ids", "text", (c) => c.notNull().defaultTo("[]")) // JSON array
    .addColumn("period_key", "text")
    // pending → sending → sent | failed; skipped when it expired before it could be sent.
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text") // a reminder is pointless after its deadline
    .addColumn("last_error", "text")
    .addColumn("claim_token", "text") // which drain holds it while "sending"
    .addColumn("claimed_at", "text") // wall-clock instant of the claim; stale claims are crash leftovers
    .addColumn("sent_at", "text")
    .addColumn("platform_message_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createIndex("outbox_reply")
    .on("outbox")
    .columns(["channel", "chat_id", "platform_message_id"])
    .execute();

  // "Away until": append-only, the latest row of a person wins; until_date null means "back".
  await db.schema
    .createTable("absences")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("from_date", "text", (c) => c.notNull()) // local date YYYY-MM-DD
    .addColumn("until_date", "text") // local date, inclusive; null cancels
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("absences_person").on("absences").columns(["person_id", "id"]).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("absences").execute();
  await db.schema.dropTable("outbox").execute();
}
