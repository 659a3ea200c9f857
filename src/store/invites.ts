import type { Db } from "../db/database.ts";
import type { Role } from "../domain/vocabulary.ts";

export interface InviteRow {
  id: number;
  agencyId: number | null;
  role: Role;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertInvite(
  db: Db,
  invite: { codeHash: string; agencyId: number | null; role: Role; createdBy: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insertInto("invites")
    .values({
      code_hash: invite.codeHash,
      agency_id: invite.agencyId,
      role: invite.role,
      created_by: invite.createdBy,
      created_at: now.toISOString(),
      expires_at: invite.expiresAt.toISOString(),
      used_at: null,
      used_by_person_id: null,
    })
    .execute();
}

export async function findInviteByHash(db: Db, codeHash: string): Promise<InviteRow | null> {
  const row = await db
    .selectFrom("invites")
    .select(["id", "agency_id", "role", "expires_at", "used_at"])
    .where("code_hash", "=", codeHash)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        agencyId: row.agency_id,
        role: row.role,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
      }
    : null;
}

/** Marks the invite used only if nobody else did first; returns false when it lost that race. */
export async function claimInvite(db: Db, inviteId: number, personId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ used_at: now.toISOString(), used_by_person_id: personId })
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The agency's invites nobody has used and that still work at `now`. */
function openInvitesOf(db: Db, agencyId: number, now: Date) {
  return db
    .selectFrom("invites")
    .where("agency_id", "=", agencyId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString());
}

export async function countOpenInvites(db: Db, agencyId: number, now: Date): Promise<number> {
  const row = await openInvitesOf(db, agencyId, now)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Makes the agency's open invites expire now: an agency that no longer exists cannot take new
 * people, and a dissolution has no single successor to pass them to. The rows stay (audit trail).
 */
export async function withdrawOpenInvites(db: Db, agencyId: number, now: Date): Promise<void> {
  await db
    .updateTable("invites")
    .set({ expires_at: now.toISOString() })
    .where("agency_id", "=", agencyId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .execute();
}
