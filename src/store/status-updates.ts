import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { UpdateFacts } from "../domain/assignment-status.ts";
import type { HistoryRow } from "../domain/update-history.ts";
import type { ChannelName, UpdateStatus } from "../domain/vocabulary.ts";
import { type FactsKey, factsKeysOfMessage, refreshAssignmentFacts } from "./assignment-facts.ts";

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

/**
 * Appends updates (history is never updated or deleted) and brings the assignments' facts in line
 * with them: give it the transaction that stores them, so nobody reads one without the other.
 */
export async function appendStatusUpdates(
  db: Db,
  updates: NewStatusUpdate[],
  receivedAt: Date,
): Promise<number[]> {
  const ids: number[] = [];
  const touched: FactsKey[] = updates.map((u) => ({ assignmentId: u.assignmentId, periodKey: u.periodKey }));
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
  // An edit supersedes the message's earlier rows, which may lie on other assignments or periods.
  const edited = new Set(updates.filter((u) => u.revision > 0).map((u) => u.messageKey));
  for (const messageKey of edited) touched.push(...(await factsKeysOfMessage(db, messageKey)));
  await refreshAssignmentFacts(db, touched);
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

/** Whole updates by id, with the sender's name: what texts and the report show of them. */
export async function updateFactsByIds(db: Db, ids: readonly number[]): Promise<Map<number, UpdateFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("status_updates as u")
    .leftJoin("people as p", "p.id", "u.person_id")
    .select([
      "u.id",
      "u.status",
      "u.progress",
      "u.blocker",
      "u.eta",
      "u.sent_at",
      "u.period_key",
      "p.name as person_name",
      "u.raw_text",
    ])
    .where("u.id", "in", ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        status: row.status,
        progress: row.progress,
        blocker: row.blocker,
        eta: row.eta,
        sentAt: row.sent_at,
        periodKey: row.period_key,
        personName: row.person_name,
        rawText: row.raw_text,
      },
    ]),
  );
}

/**
 * Every row some assignments have sent before `until`, each marked effective or superseded by a
 * later revision of its message: for an instant that falls inside a period's updates.
 */
export async function historyBefore(
  db: Db,
  assignmentIds: readonly number[],
  until: Date,
): Promise<HistoryRow[]> {
  if (assignmentIds.length === 0) return [];
  const result = await sql<{
    id: number;
    assignment_id: number;
    period_key: string;
    sent_at: string;
    status: UpdateStatus | null;
    progress: number | null;
    blocker: string | null;
    superseded: number;
  }>`
    select u.id, u.assignment_id, u.period_key, u.sent_at, u.status, u.progress, u.blocker,
      case when exists (
        select 1 from status_updates newer
        where newer.message_key = u.message_key and newer.revision > u.revision
      ) then 1 else 0 end as superseded
    from status_updates u
    where u.assignment_id in (${sql.join(assignmentIds)}) and u.sent_at < ${until.toISOString()}`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    assignmentId: row.assignment_id,
    periodKey: row.period_key,
    sentAt: row.sent_at,
    status: row.status,
    progress: row.progress,
    blocker: row.blocker,
    effective: Number(row.superseded) === 0,
  }));
}
