import type { Kysely } from "kysely";

// Indexes for the chat path, where EXPLAIN QUERY PLAN showed a scan of a table that grows with the
// country or with time (test/db/query-plans.chat-path-seeks.test.ts): a task code typed in a message
// ("II.2 xong") and the last nudge of an agency in the audit log. One agency's assignments, its
// officials and a person's channel accounts, which the chat path reads too, were indexed by 0007 for
// the planner. An index needs no backfill: it is built over the rows already there.

const INDEXES = [
  { name: "tasks_code", table: "tasks", columns: ["code"] },
  { name: "audit_log_action_subject", table: "audit_log", columns: ["action", "subject", "at"] },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { name, table, columns } of INDEXES) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { name } of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
}
