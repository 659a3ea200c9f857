import type { Db } from "../db/database.ts";
import type { ChannelName } from "../domain/vocabulary.ts";

export interface LinkCodeRow {
  personId: number;
  channel: ChannelName;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertLinkCode(
  db: Db,
  code: { codeHash: string; personId: number; channel: ChannelName; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insertInto("link_codes")
    .values({
      code_hash: code.codeHash,
      person_id: code.personId,
      channel: code.channel,
      created_at: now.toISOString(),
      expires_at: code.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

export async function findLinkCodeByHash(db: Db, codeHash: string): Promise<LinkCodeRow | null> {
  const row = await db
    .selectFrom("link_codes")
    .select(["person_id", "channel", "expires_at", "used_at"])
    .where("code_hash", "=", codeHash)
    .executeTakeFirst();
  return row
    ? { personId: row.person_id, channel: row.channel, expiresAt: row.expires_at, usedAt: row.used_at }
    : null;
}

/** Marks the code used only if nobody else did first; returns false when it lost that race. */
export async function claimLinkCode(db: Db, codeHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("link_codes")
    .set({ used_at: now.toISOString() })
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
