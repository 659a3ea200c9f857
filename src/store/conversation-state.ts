import { writeStatement } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import { conversationLastList, conversationPending, type PendingAnswer } from "../db/json-columns.ts";

export interface ConversationState {
  lastList: number[];
  pending: PendingAnswer | null;
}

/** A conversation_state row as stored (JSON text); no row reads as all null. */
export interface StoredConversationState {
  last_list: string | null;
  pending: string | null;
}

/** The stored columns decoded (throws naming the column when one is malformed). */
export function conversationStateOf(row: StoredConversationState): ConversationState {
  return {
    lastList: row.last_list ? conversationLastList.decode(row.last_list) : [],
    pending: row.pending ? conversationPending.decode(row.pending) : null,
  };
}

export async function loadConversationState(db: Db, accountId: number): Promise<ConversationState> {
  const row = await db
    .selectFrom("conversation_state")
    .select(["last_list", "pending"])
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  return conversationStateOf(row ?? { last_list: null, pending: null });
}

async function upsert(
  db: Db,
  accountId: number,
  values: { last_list?: string | null; last_list_at?: string | null; pending?: string | null },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await writeStatement(db, () =>
    db
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
    { last_list: conversationLastList.encode(assignmentIds), last_list_at: now.toISOString() },
    now,
  );
}

export async function setPending(
  db: Db,
  accountId: number,
  pending: PendingAnswer | null,
  now: Date,
): Promise<void> {
  await upsert(db, accountId, { pending: pending ? conversationPending.encode(pending) : null }, now);
}
