import { createHash } from "node:crypto";
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from "kysely";

// Migrations stand alone (no application imports) and are never edited once landed.
// A scheduled message's content (its text and buttons, and the assignments it is about) is stored
// once and shared by its recipients: an agency's reminder to its twenty officials is one row here and
// twenty small outbox rows pointing at it, where it used to be twenty copies of the same 12 KB.
// Existing outbox rows are carried over (each distinct content becomes one row), then the outbox
// columns that held the copies are dropped. Indexes let the planner read a few agencies at a time.

type Db = Kysely<unknown>;

const BATCH = 500;

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

/** The content's identity: the same text and assignments are one row, whoever planned them. */
function digestOf(payload: string, assignmentIds: string): string {
  // Kept equal to src/store/outbox-texts.ts, which plans new contents under the same digests.
  return createHash("sha256").update(payload).update("\u0000").update(assignmentIds).digest("hex");
}

interface OldRow {
  id: number;
  payload: string;
  assignment_ids: string;
  created_at: string;
}

/** Moves one batch of outbox rows' contents into outbox_texts and points the rows at them. */
async function carryOver(db: Db, rows: OldRow[]): Promise<void> {
  const byDigest = new Map<string, { row: OldRow; outboxIds: number[] }>();
  for (const row of rows) {
    const digest = digestOf(row.payload, row.assignment_ids);
    const entry = byDigest.get(digest) ?? { row, outboxIds: [] };
    entry.outboxIds.push(row.id);
    byDigest.set(digest, entry);
  }
  for (const [digest, { row }] of byDigest) {
    await sql`insert into outbox_texts (digest, payload, assignment_ids, created_at)
      values (${digest}, ${row.payload}, ${row.assignment_ids}, ${row.created_at})
      on conflict (digest) do nothing`.execute(db);
  }
  const texts = await sql<{ id: number; digest: string }>`select id, digest from outbox_texts
    where digest in (${sql.join([...byDigest.keys()])})`.execute(db);
  for (const text of texts.rows) {
    const ids = byDigest.get(text.digest)?.outboxIds ?? [];
    await sql`update outbox set text_id = ${text.id} where id in (${sql.join(ids)})`.execute(db);
  }
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("outbox_texts")
    .addColumn("id", idType(db), idColumn(db))
    .addColumn("digest", "text", (c) => c.notNull().unique()) // sha256 of payload and assignment_ids
    .addColumn("payload", "text", (c) => c.notNull()) // JSON {text, buttons?}
    .addColumn("assignment_ids", "text", (c) => c.notNull()) // JSON array: a reply refers to them
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("text_id", "integer", (c) => c.references("outbox_texts.id"))
    .execute();

  // In batches, so a large outbox never sits in memory at once.
  let after = 0;
  for (;;) {
    const batch = await sql<OldRow>`select id, payload, assignment_ids, created_at from outbox
      where id > ${after} order by id limit ${BATCH}`.execute(db);
    const last = batch.rows.at(-1);
    if (last === undefined) break;
    await carryOver(db, batch.rows);
    after = last.id;
  }
  await db.schema.alterTable("outbox").dropColumn("payload").execute();
  await db.schema.alterTable("outbox").dropColumn("assignment_ids").execute();

  // The planner reads a few agencies at a time: their assignments and their officials' accounts.
  await db.schema.createIndex("assignments_agency").on("assignments").columns(["agency_id"]).execute();
  await db.schema.createIndex("people_agency").on("people").columns(["agency_id"]).execute();
  await db.schema
    .createIndex("channel_accounts_person")
    .on("channel_accounts")
    .columns(["person_id"])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex("channel_accounts_person").execute();
  await db.schema.dropIndex("people_agency").execute();
  await db.schema.dropIndex("assignments_agency").execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("assignment_ids", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await sql`update outbox set
    payload = (select t.payload from outbox_texts t where t.id = outbox.text_id),
    assignment_ids = (select t.assignment_ids from outbox_texts t where t.id = outbox.text_id)
    where text_id is not null`.execute(db);
  await db.schema.alterTable("outbox").dropColumn("text_id").execute();
  await db.schema.dropTable("outbox_texts").execute();
}
