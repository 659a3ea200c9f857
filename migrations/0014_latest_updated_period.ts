import { type Kysely, sql } from "kysely";

// Who is behind counts every assignment of the country for the chat's first page (README: speed at a
// country's scale). Whether an assignment was updated in the period asked about took a seek in
// assignment_period_facts per assignment, the largest single cost of that count. assignment_latest,
// already read for its status, now also keeps the largest period key among the assignment's periods
// with an effective update (assignment_period_facts.last_update_id not null), kept by the same
// statements as the rest of the row: a period key above it had no update, the key itself had one, and
// only a key below it (a past period asked about) or an unknown value (null) still needs the seek.
// Migrations stand alone (no application imports) and are never edited once landed.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assignment_latest").addColumn("latest_updated_period", "text").execute();
  await backfill(db);
}

/** The column from the periods' facts already stored (also for a bench or test that fills them raw). */
export async function backfill(db: Kysely<unknown>): Promise<void> {
  await sql`
    update assignment_latest set latest_updated_period = (
      select max(f.period_key) from assignment_period_facts f
      where f.assignment_id = assignment_latest.assignment_id and f.last_update_id is not null)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("assignment_latest").dropColumn("latest_updated_period").execute();
}
