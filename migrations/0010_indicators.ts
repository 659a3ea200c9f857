import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// The plan's numeric targets (chỉ tiêu) and the figures agencies report against them. Figures are
// append-only: a correction is a newer row, and the latest per indicator × agency × period counts.
// Nothing to carry forward: no earlier table held indicators.

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
    .createTable("indicators")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("from_year", "integer", (c) => c.notNull())
    .addColumn("to_year", "integer", (c) => c.notNull())
    .addColumn("level", "text")
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("target", "double precision")
    .addColumn("target_max", "double precision")
    .addColumn("deadline_year", "integer")
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("indicators_plan_number", ["plan_id", "number"])
    .execute();
  await db.schema
    .createTable("indicator_values")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicators.id"))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.references("people.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("raw_text", "text", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("indicator_values_latest")
    .on("indicator_values")
    .columns(["indicator_id", "agency_id", "period_key", "sent_at"])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("indicator_values").execute();
  await db.schema.dropTable("indicators").execute();
}
