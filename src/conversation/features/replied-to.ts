import { sql } from "kysely";
import type { LinkedTurn } from "../turn.ts";

/** The assignments of the scheduled message (a reminder) that this message replies to, if any. */
export async function repliedToAssignments(turn: LinkedTurn): Promise<number[]> {
  const { message, deps } = turn;
  if (message.replyToMessageId === null) return [];
  const result = await sql<{ assignment_ids: string }>`
    select assignment_ids from outbox
    where channel = ${message.channel} and chat_id = ${message.chatId}
      and platform_message_id = ${message.replyToMessageId}`.execute(deps.db);
  const row = result.rows[0];
  return row ? (JSON.parse(row.assignment_ids) as number[]) : [];
}
