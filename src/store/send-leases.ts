// Named leases shared between processes on one database (the outbox drain's).
import type { Db } from "../db/database.ts";

export interface LeaseClaim {
  name: string;
  holder: string;
  now: Date;
  expiresAt: Date;
}

/** Takes the lease when it is free, expired, or already this holder's (a renewal). */
export async function takeLease(db: Db, claim: LeaseClaim): Promise<boolean> {
  const expiresAt = claim.expiresAt.toISOString();
  const taken = await db
    .updateTable("send_leases")
    .set({ holder: claim.holder, expires_at: expiresAt })
    .where("name", "=", claim.name)
    .where((eb) => eb.or([eb("holder", "=", claim.holder), eb("expires_at", "<=", claim.now.toISOString())]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) > 0) return true;
  const created = await db
    .insertInto("send_leases")
    .values({ name: claim.name, holder: claim.holder, expires_at: expiresAt })
    .onConflict((oc) => oc.column("name").doNothing())
    .executeTakeFirst();
  return Number(created.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Gives the lease up, if this holder still has it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom("send_leases").where("name", "=", name).where("holder", "=", holder).execute();
}
