import { type Kysely, PostgresAdapter, sql } from "kysely";

// Migrations stand alone (no application imports) and are never edited once landed.
// What each assignment's update history comes to, kept in the transaction that appends an update, so
// who-is-behind and the quarter's report read one row per assignment instead of walking the history
// (issue 12). Only the latest revision of a message counts ("effective"); the history stays the truth:
// these rows are derived from it, here for existing data and after every append
// (src/store/assignment-facts.ts, the same statements per assignment).
//
// assignment_period_facts: per assignment and period key, the latest effective update, the latest
//   effective update that gave a status (its status, progress and blocker copied), how many effective
//   updates, and the first and last sent_at of any stored row (every revision). A past period's
//   deadline falls between two periods' rows, so these answer "as of the deadline" too.
// assignment_latest: per assignment, the latest effective status over all periods and the last sent_at
//   of any row: "now", for the chat's who-is-behind.

type Db = Kysely<unknown>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const EFFECTIVE = (row: string) =>
  sql.raw(`not exists (select 1 from status_updates newer
    where newer.message_key = ${row}.message_key and newer.revision > ${row}.revision)`);

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("assignment_period_facts")
    .addColumn("assignment_id", "integer", (c) => c.notNull().references("assignments.id"))
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("last_update_id", "integer", (c) => c.references("status_updates.id"))
    .addColumn("last_sent_at", "text")
    .addColumn("status_update_id", "integer", (c) => c.references("status_updates.id"))
    .addColumn("status", "text")
    .addColumn("progress", "integer")
    .addColumn("blocker", "text")
    .addColumn("status_sent_at", "text")
    .addColumn("update_count", "integer", (c) => c.notNull())
    .addColumn("first_sent_at", "text", (c) => c.notNull())
    .addColumn("reported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assignment_period_facts_pk", ["assignment_id", "period_key"])
    // SQLite: the rows live in the key's own tree, one seek per (assignment, period) instead of two.
    .$call((table) => (isPostgres(db) ? table : table.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema
    .createTable("assignment_latest")
    .addColumn("assignment_id", "integer", (c) => c.primaryKey().references("assignments.id"))
    .addColumn("status_update_id", "integer", (c) => c.references("status_updates.id"))
    .addColumn("status", "text")
    .addColumn("progress", "integer")
    .addColumn("blocker", "text")
    .addColumn("status_sent_at", "text")
    .addColumn("reported_at", "text", (c) => c.notNull())
    .execute();
  await backfill(db);
}

/** The history stored so far, summed up as the application does after each append (tables empty). */
export async function backfill(db: Db): Promise<void> {
  await sql`
    insert into assignment_period_facts (assignment_id, period_key, last_update_id, last_sent_at,
      status_update_id, status, progress, blocker, status_sent_at, update_count, first_sent_at, reported_at)
    select g.assignment_id, g.period_key, lu.id, lu.sent_at,
      su.id, su.status, su.progress, su.blocker, su.sent_at, g.update_count, g.first_sent_at, g.reported_at
    from (
      select u.assignment_id, u.period_key,
        sum(case when ${EFFECTIVE("u")} then 1 else 0 end) as update_count,
        min(u.sent_at) as first_sent_at, max(u.sent_at) as reported_at
      from status_updates u
      group by u.assignment_id, u.period_key
    ) g
    left join status_updates lu on lu.id = (
      select e.id from status_updates e
      where e.assignment_id = g.assignment_id and e.period_key = g.period_key and ${EFFECTIVE("e")}
      order by e.sent_at desc, e.id desc limit 1)
    left join status_updates su on su.id = (
      select e.id from status_updates e
      where e.assignment_id = g.assignment_id and e.period_key = g.period_key
        and e.status is not null and ${EFFECTIVE("e")}
      order by e.sent_at desc, e.id desc limit 1)`.execute(db);
  await sql`
    insert into assignment_latest (assignment_id, status_update_id, status, progress, blocker,
      status_sent_at, reported_at)
    select g.assignment_id, s.status_update_id, s.status, s.progress, s.blocker, s.status_sent_at,
      g.reported_at
    from (
      select f.assignment_id, max(f.reported_at) as reported_at
      from assignment_period_facts f
      group by f.assignment_id
    ) g
    left join assignment_period_facts s on s.assignment_id = g.assignment_id and s.period_key = (
      select x.period_key from assignment_period_facts x
      where x.assignment_id = g.assignment_id and x.status_update_id is not null
      order by x.status_sent_at desc, x.status_update_id desc limit 1)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable("assignment_latest").execute();
  await db.schema.dropTable("assignment_period_facts").execute();
}
