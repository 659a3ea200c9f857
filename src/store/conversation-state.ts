import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";

/** A question the bot asked and waits on, per chat account. */
export type PendingAnswer =
  /** `base`: what the message that stated a progress over 100 said besides, kept with the answer. */
  | { kind: "progress"; assignmentId: number; base?: PendingUpdate }
  | { kind: "blocker"; assignmentId: number }
  | {
      kind: "pick_task";
      updates: PendingUpdate[];
      rawText: string;
      sentAt: string;
      messageKey: string;
      /** The assignments offered, in order, for paging the choice (absent in rows saved before). */
      candidates?: number[];
    };

export interface PendingUpdate {
  status: string | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  /** A percentage over 100 the bot must still ask about (absent in states saved before it existed). */
  progressOver100?: number | null;
}

export interface ConversationState {
  lastList: number[];
  pending: PendingAnswer | null;
}

export async function loadConversationState(db: Db, accountId: number): Promise<ConversationState> {
  const row = await db
    .selectFrom("conversation_state")
    .select(["last_list", "pending"])
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  return {
    lastList: row?.last_list ? (JSON.parse(row.last_list) as number[]) : [],
    pending: row?.pending ? (JSON.parse(row.pending) as PendingAnswer) : null,
  };
}

async function upsert(
  db: Db,
  accountId: number,
  values: { last_list?: string | null; last_list_at?: string | null; pending?: string | null },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await writeTransaction(db, (trx) =>
    trx
      .insertInto("conversation_state")
      .values({
        account_id: accountId,
        last_list: null,
        last_list_at: null,
        pending: null,
        ...values,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("account_id").doUpdateSet({ ...values, updated_at: at }))
      .execute(),
  );
}

/** Remembers the assignments of a list the bot showed, in order, so "#3" can refer to the third. */
export async function rememberList(
  db: Db,
  accountId: number,
  assignmentIds: number[],
  now: Date,
): Promise<void> {
  await upsert(
    db,
    accountId,
    { last_list: JSON.stringify(assignmentIds), last_list_at: now.toISOString() },
    now,
  );
}

export async function setPending(
  db: Db,
  accountId: number,
  pending: PendingAnswer | null,
  now: Date,
): Promise<void> {
  await upsert(db, accountId, { pending: pending ? JSON.stringify(pending) : null }, now);
}
