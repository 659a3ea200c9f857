import type { Db } from "../db/database.ts";
import type { ChannelName, UpdateStatus } from "../domain/vocabulary.ts";

export interface NewStatusUpdate {
  assignmentId: number;
  personId: number | null;
  channel: ChannelName;
  chatId: string | null;
  messageId: string | null;
  /** Identifies the message the update came from; its edits share it with a higher revision. */
  messageKey: string;
  revision: number;
  rawText: string;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  sentAt: Date;
  periodKey: string;
}

/** Appends updates; history is never updated or deleted. */
export async function appendStatusUpdates(
  db: Db,
  updates: NewStatusUpdate[],
  receivedAt: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const update of updates) {
    const row = await db
      .insertInto("status_updates")
      .values({
        assignment_id: update.assignmentId,
        person_id: update.personId,
        channel: update.channel,
        chat_id: update.chatId,
        message_id: update.messageId,
        message_key: update.messageKey,
        revision: update.revision,
        raw_text: update.rawText,
        status: update.status,
        progress: update.progress,
        blocker: update.blocker,
        eta: update.eta,
        sent_at: update.sentAt.toISOString(),
        received_at: receivedAt.toISOString(),
        period_key: update.periodKey,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** The highest revision recorded for a message, or null when it brought no update yet. */
export async function latestRevision(db: Db, messageKey: string): Promise<number | null> {
  const row = await db
    .selectFrom("status_updates")
    .select((eb) => eb.fn.max("revision").as("revision"))
    .where("message_key", "=", messageKey)
    .executeTakeFirst();
  return row?.revision === null || row?.revision === undefined ? null : Number(row.revision);
}
