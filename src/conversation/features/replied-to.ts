import { assignmentsOfSentMessage } from "../../store/outbox.ts";
import type { LinkedTurn } from "../turn.ts";

/** The assignments of the scheduled message (a reminder) that this message replies to, if any. */
export async function repliedToAssignments(turn: LinkedTurn): Promise<number[]> {
  const { message, deps } = turn;
  if (message.replyToMessageId === null) return [];
  return (
    (await assignmentsOfSentMessage(deps.db, message.channel, message.chatId, message.replyToMessageId)) ?? []
  );
}
