// One person on two channels: `/lienket` on a linked channel gives a short-lived one-time code; typed
// on the other channel, it links that account to the same person (same role, same agency).
import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Database } from "../db/schema.ts";
import type { ChannelName, ScheduledChannel } from "../domain/vocabulary.ts";
import { recordAudit } from "../store/audit.ts";
import { claimLinkCode, findLinkCodeByHash, insertLinkCode } from "../store/link-codes.ts";
import {
  type AccountIdentity,
  findLinkedPerson,
  insertChannelAccount,
  type LinkedPerson,
  setScheduledChannel,
} from "../store/people.ts";
import { generateLinkCode, hashInviteCode, looksLikeLinkCode } from "./invite-code.ts";
import type { RedeemResult } from "./linking.ts";

export const LINK_CODE_MINUTES = 15;

/** A new `/lienket` code for a linked person, valid for LINK_CODE_MINUTES on another channel. */
export async function createLinkCode(
  db: Kysely<Database>,
  person: LinkedPerson,
  channel: ChannelName,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = generateLinkCode();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  await writeTransaction(db, async (trx) => {
    await insertLinkCode(
      trx,
      { codeHash: hashInviteCode(code), personId: person.personId, channel, expiresAt },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: `${channel}:person${person.personId}`,
        action: "link-code.create",
        subject: "-",
        details: { channel },
      },
      now,
    );
  });
  return { code, expiresAt };
}

/** Links an account to the person who asked for the code; nothing is written on failure. */
export async function redeemLinkCode(
  db: Kysely<Database>,
  code: string,
  identity: AccountIdentity,
  now: Date,
): Promise<RedeemResult> {
  const linked = await findLinkedPerson(db, identity.channel, identity.externalUserId);
  if (linked) return { outcome: "already_linked", person: linked };
  if (!looksLikeLinkCode(code)) return { outcome: "invalid" };
  const codeHash = hashInviteCode(code);
  const row = await findLinkCodeByHash(db, codeHash);
  if (!row) return { outcome: "invalid" };
  if (row.usedAt !== null) return { outcome: "used" };
  if (new Date(row.expiresAt).getTime() <= now.getTime()) return { outcome: "expired" };
  if (row.channel === identity.channel) return { outcome: "same_channel" };
  const claimed = await writeTransaction(db, async (trx) => {
    if (!(await claimLinkCode(trx, codeHash, now))) return false;
    await insertChannelAccount(trx, row.personId, identity, now);
    await recordAudit(
      trx,
      {
        actor: `${identity.channel}:${identity.externalUserId}`,
        action: "person.link-channel",
        subject: "-",
        details: { personId: row.personId, from: row.channel },
      },
      now,
    );
    return true;
  });
  if (!claimed) return { outcome: "used" };
  const person = await findLinkedPerson(db, identity.channel, identity.externalUserId);
  if (!person) throw new Error("linked account not found after linking");
  return { outcome: "linked", person };
}

/** `/kenh zalo`: where the person's scheduled messages go from now on. */
export async function chooseScheduledChannel(
  db: Kysely<Database>,
  person: LinkedPerson,
  channel: ChannelName,
  choice: ScheduledChannel,
  now: Date,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await setScheduledChannel(trx, person.personId, choice);
    await recordAudit(
      trx,
      {
        actor: `${channel}:person${person.personId}`,
        action: "person.scheduled-channel",
        subject: "-",
        details: { choice },
      },
      now,
    );
  });
}
