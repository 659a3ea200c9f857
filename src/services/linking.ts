import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { Role } from "../domain/vocabulary.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import { findAgencyById } from "../store/agencies.ts";
import { recordAudit } from "../store/audit.ts";
import { claimInvite, findInviteByHash, insertInvite } from "../store/invites.ts";
import {
  type AccountIdentity,
  findLinkedPerson,
  insertChannelAccount,
  insertPerson,
  type LinkedPerson,
} from "../store/people.ts";
import { findAgency } from "./agency-directory.ts";
import { generateInviteCode, hashInviteCode, looksLikeInviteCode } from "./invite-code.ts";

export interface CreatedInvite {
  code: string;
  role: Role;
  agencyCode: string | null;
  agencyName: string | null;
  expiresAt: Date;
}

export interface InviteRequest {
  agency: string | null;
  role: Role;
  createdBy: string;
  ttlDays: number;
}

/** A refused invite; its text is in locales/. */
export class InviteError extends LocalizedError {}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One invite and its audit row, in one transaction. */
export async function createInvite(
  db: Kysely<Database>,
  input: InviteRequest,
  now: Date,
): Promise<CreatedInvite> {
  return writeTransaction(db, (trx) => addInvite(trx, input, now));
}

/**
 * A batch of invites and their audit rows in one transaction. `beforeCommit` gets them before the
 * commit (the CLI writes their list there), so the batch and what hands it out succeed or fail
 * together; it may run again if the transaction is repeated while another process holds the lock.
 */
export async function createInvites(
  db: Kysely<Database>,
  requests: InviteRequest[],
  now: Date,
  beforeCommit: (created: CreatedInvite[]) => Promise<void>,
): Promise<CreatedInvite[]> {
  return writeTransaction(db, async (trx) => {
    const created: CreatedInvite[] = [];
    for (const request of requests) created.push(await addInvite(trx, request, now));
    await beforeCommit(created);
    return created;
  });
}

/** Writes one invite and its audit row on `db`, the transaction its use case opened. */
async function addInvite(db: Db, input: InviteRequest, now: Date): Promise<CreatedInvite> {
  const agency = input.agency ? await findAgency(db, input.agency) : null;
  if (input.agency && !agency) throw new InviteError("agency-error-unknown", { agency: input.agency });
  if (input.role === "official" && !agency) throw new InviteError("invite-error-needs-agency");
  const code = generateInviteCode();
  const expiresAt = new Date(now.getTime() + input.ttlDays * DAY_MS);
  await insertInvite(
    db,
    {
      codeHash: hashInviteCode(code),
      agencyId: agency?.id ?? null,
      role: input.role,
      createdBy: input.createdBy,
      expiresAt,
    },
    now,
  );
  await recordAudit(
    db,
    {
      actor: input.createdBy,
      action: "invite.create",
      subject: agency?.code ?? "-",
      details: { role: input.role },
    },
    now,
  );
  return {
    code,
    role: input.role,
    agencyCode: agency?.code ?? null,
    agencyName: agency?.name ?? null,
    expiresAt,
  };
}

export type RedeemResult =
  | { outcome: "linked"; person: LinkedPerson }
  | { outcome: "already_linked"; person: LinkedPerson }
  | { outcome: "invalid" | "used" | "expired" }
  // A `/lienket` code typed on the channel that made it.
  | { outcome: "same_channel" };

/** Links a chat account to a new person through a one-time invite; nothing is written on failure. */
export async function redeemInvite(
  db: Kysely<Database>,
  code: string,
  identity: AccountIdentity,
  now: Date,
): Promise<RedeemResult> {
  const linked = await findLinkedPerson(db, identity.channel, identity.externalUserId);
  if (linked) return { outcome: "already_linked", person: linked };
  if (!looksLikeInviteCode(code)) return { outcome: "invalid" };
  const invite = await findInviteByHash(db, hashInviteCode(code));
  if (!invite) return { outcome: "invalid" };
  if (invite.usedAt !== null) return { outcome: "used" };
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return { outcome: "expired" };

  const claimed = await writeTransaction(db, async (trx) => {
    const agency = invite.agencyId === null ? null : await findAgencyById(trx, invite.agencyId);
    const personId = await insertPerson(
      trx,
      { name: identity.displayName, role: invite.role, agencyId: agency?.id ?? null },
      now,
    );
    if (!(await claimInvite(trx, invite.id, personId, now))) {
      throw new InviteRaceLost();
    }
    await insertChannelAccount(trx, personId, identity, now);
    await recordAudit(
      trx,
      {
        actor: `${identity.channel}:${identity.externalUserId}`,
        action: "person.link",
        subject: agency?.code ?? "-",
        details: { role: invite.role, personId },
      },
      now,
    );
    return true;
  }).catch((error: unknown) => {
    if (error instanceof InviteRaceLost) return false;
    throw error;
  });
  if (!claimed) return { outcome: "used" };
  const person = await findLinkedPerson(db, identity.channel, identity.externalUserId);
  if (!person) throw new Error("linked account not found after linking");
  return { outcome: "linked", person };
}

class InviteRaceLost extends Error {}
