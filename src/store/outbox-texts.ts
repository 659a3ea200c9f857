// A scheduled message's content, stored once and shared by its recipients' outbox rows (0007): an
// agency's reminder is one row here however many officials it goes to.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { type Db, isPostgres } from "../db/database.ts";
import { type OutboxPayload, outboxAssignmentIds, outboxPayloadColumn } from "../db/json-columns.ts";

/** What a message says and which assignments it is about (a reply to it refers to them). */
export interface OutboxContent {
  payload: OutboxPayload;
  assignmentIds: number[];
}

// A few kilobytes each; 4 bound values a row.
const CHUNK = 200;

/** The content's identity, the same as migration 0007 gave the contents it carried over. */
function digestOf(payload: Buffer, assignmentIds: string): string {
  return createHash("sha256").update(payload).update("\u0000").update(assignmentIds).digest("hex");
}

/**
 * A payload's JSON, as UTF-8 bytes stored as text: turned into UTF-8 once for both its digest and the
 * driver, which would otherwise each do it again (a first tick: 15 MB of Vietnamese text).
 */
function storedText(db: Db, utf8: Buffer) {
  return isPostgres(db) ? sql`convert_from(${utf8}, 'UTF8')` : sql`cast(${utf8} as text)`;
}

/**
 * Stores contents not stored yet (by digest: planning the same content twice, or from two instances,
 * stores it once) and answers each one's id, in order.
 */
export async function storeOutboxContents(
  db: Db,
  contents: readonly OutboxContent[],
  now: Date,
): Promise<number[]> {
  const encoded = contents.map((content) => {
    const payload = Buffer.from(outboxPayloadColumn.encode(content.payload), "utf8");
    const assignmentIds = outboxAssignmentIds.encode(content.assignmentIds);
    return { digest: digestOf(payload, assignmentIds), payload, assignmentIds };
  });
  const distinct = [...new Map(encoded.map((row) => [row.digest, row])).values()];
  const createdAt = now.toISOString();
  const idByDigest = new Map<string, number>();
  for (let start = 0; start < distinct.length; start += CHUNK) {
    const chunk = distinct.slice(start, start + CHUNK);
    // Written as SQL, not built by Kysely: a first tick runs these a hundred times.
    const values = chunk.map(
      (row) => sql`(${row.digest}, ${storedText(db, row.payload)}, ${row.assignmentIds}, ${createdAt})`,
    );
    await sql`
      insert into outbox_texts (digest, payload, assignment_ids, created_at) values ${sql.join(values)}
      on conflict (digest) do nothing`.execute(db);
    const digests = sql.join(chunk.map((row) => row.digest));
    const stored = await sql<{ id: number; digest: string }>`
      select id, digest from outbox_texts where digest in (${digests})`.execute(db);
    for (const row of stored.rows) idByDigest.set(row.digest, row.id);
  }
  return encoded.map((row) => {
    const id = idByDigest.get(row.digest);
    if (id === undefined) throw new Error(`outbox_texts: content ${row.digest} was not stored`);
    return id;
  });
}

/** The contents of these ids, decoded (a drain reads each shared content once per batch). */
export async function outboxContents(db: Db, ids: readonly number[]): Promise<Map<number, OutboxContent>> {
  const found = new Map<number, OutboxContent>();
  const wanted = [...new Set(ids)];
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const rows = await db
      .selectFrom("outbox_texts")
      .select(["id", "payload", "assignment_ids"])
      .where("id", "in", wanted.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        payload: outboxPayloadColumn.decode(row.payload),
        assignmentIds: outboxAssignmentIds.decode(row.assignment_ids),
      });
    }
  }
  return found;
}
