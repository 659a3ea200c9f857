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
