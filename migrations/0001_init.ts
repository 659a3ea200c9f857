import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Migrations stand alone (no application imports) and are never edited once landed.
// Instants are stored as ISO 8601 UTC text so SQLite and PostgreSQL sort and compare them alike.

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
    .createTable("plans")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("issuer", "text")
    .addColumn("span_from_year", "integer")
    .addColumn("span_to_year", "integer")
    .addColumn("first_report_year", "integer")
    .addColumn("first_report_quarter", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sections")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .addUniqueConstraint("sections_plan_code", ["plan_id", "code"])
    .execute();

  await db.schema
    .createTable("tasks")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("section_id", "integer", (c) => c.notNull().references("sections.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("timeframes", "text", (c) => c.notNull()) // JSON array of the cells as written
    .addColumn("note", "text")
    .addColumn("lead_groups", "text", (c) => c.notNull().defaultTo("[]")) // JSON: collective leads, re-expanded when agencies change
    .addColumn("lead_note", "text") // vague parts of the lead cell ("các sở, ngành liên quan")
    .addColumn("cooperating_note", "text")
    .addColumn("active_years", "text", (c) => c.notNull()) // JSON array of years
    .addColumn("due_date", "text") // local date YYYY-MM-DD, null when the task has none
    .addColumn("conditional", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("synthetic", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("dormant", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tasks_plan_code", ["plan_id", "code"])
    .execute();

  await db.schema
    .createTable("agencies")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("agency_aliases")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("alias_key", "text", (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable("agency_groups")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kinds", "text", (c) => c.notNull()) // JSON array of agency kinds
    .execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id"))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("via_group", "text") // the collective name it came from, or null when named directly
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("assignments_task_agency", ["task_id", "agency_id"])
    .execute();

  await db.schema
    .createTable("cooperations")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id"))
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("group_code", "text")
    .addColumn("retired_at", "text")
    .execute();

  await db.schema
    .createTable("people")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("channel_accounts")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("external_user_id", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("display_name", "text")
    .addColumn("blocked_at", "text")
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addUniqueConstraint("channel_accounts_user", ["channel", "external_user_id"])
    .execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("used_by_person_id", "integer", (c) => c.references("people.id"))
    .execute();

  await db.schema
    .createTable("status_updates")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("assignment_id", "integer", (c) => c.notNull().references("assignments.id"))
    .addColumn("person_id", "integer", (c) => c.references("people.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text")
    .addColumn("message_id", "text")
    .addColumn("raw_text", "text", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("progress", "integer")
    .addColumn("blocker", "text")
    .addColumn("eta", "text")
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    // The message an update came from; an edited message adds rows of a higher revision, and only
    // the latest revision of a message counts. Rows are never updated or deleted.
    .addColumn("message_key", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("status_updates_assignment_period")
    .on("status_updates")
    .columns(["assignment_id", "period_key", "sent_at"])
    .execute();
  await db.schema
    .createIndex("status_updates_message")
    .on("status_updates")
    .columns(["message_key", "revision"])
    .execute();

  // Platform update ids already handled, so an update delivered twice is processed once.
  await db.schema
    .createTable("inbound_updates")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("update_key", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addUniqueConstraint("inbound_updates_key", ["channel", "update_key"])
    .execute();

  // What the bot last showed a person (for "#3") and a question it waits on (button flows).
  await db.schema
    .createTable("conversation_state")
    .addColumn("account_id", "integer", (c) => c.primaryKey().references("channel_accounts.id"))
    .addColumn("last_list", "text") // JSON array of assignment ids, in the order shown
    .addColumn("last_list_at", "text")
    .addColumn("pending", "text") // JSON of the awaited answer, or null
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("details", "text")
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    "conversation_state",
    "inbound_updates",
    "audit_log",
    "status_updates",
    "invites",
    "channel_accounts",
    "people",
    "cooperations",
    "assignments",
    "agency_groups",
    "agency_aliases",
    "agencies",
    "tasks",
    "sections",
    "plans",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
