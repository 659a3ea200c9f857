import type { Db } from "../db/database.ts";
import { auditDetails } from "../db/json-columns.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  details?: unknown;
}

/** Append-only record of who changed what. */
export async function recordAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details: entry.details === undefined ? null : auditDetails.encode(entry.details),
    })
    .execute();
}

/** When an action was last recorded about a subject (the last nudge of an agency), or null. */
export async function lastAuditAt(db: Db, action: string, subject: string): Promise<Date | null> {
  const row = await db
    .selectFrom("audit_log")
    .select("at")
    .where("action", "=", action)
    .where("subject", "=", subject)
    .orderBy("at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at) : null;
}
