import { sql } from "kysely";
import { compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import type { UpdateFacts } from "../domain/assignment-status.ts";
import type { HistoryRow } from "../domain/update-history.ts";
import type { ChannelName, UpdateStatus } from "../domain/vocabulary.ts";
import {
  addFirstRevisionFacts,
  type FactsKey,
  factsKeysOfMessage,
  refreshAssignmentFacts,
} from "./assignment-facts.ts";

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

/** An update of a message whose revision the store works out (appendMessageUpdates). */
export type MessageUpdate = Omit<NewStatusUpdate, "revision">;

// One row; its revision given, or (null) the message's next one, read by the insert itself: storing a
// message costs no statement of its own to find its revision. Compiled once (db/compiled-once.ts).
const insertUpdateQuery = compiledOnce(
  (
    db: Db,
    assignmentId: number,
    personId: number | null,
    channel: ChannelName,
    chatId: string | null,
    messageId: string | null,
    messageKey: string,
    revision: number | null,
    rawText: string,
    status: UpdateStatus | null,
    progress: number | null,
    blocker: string | null,
    eta: string | null,
    sentAt: string,
    receivedAt: string,
    periodKey: string,
  ) =>
    db
      .insertInto("status_updates")
      .values({
        assignment_id: assignmentId,
        person_id: personId,
        channel,
        chat_id: chatId,
        message_id: messageId,
        message_key: messageKey,
        revision: sql<number>`coalesce(${revision}, (select coalesce(max(m.revision), -1) + 1
          from status_updates m where m.message_key = ${messageKey}))`,
        raw_text: rawText,
        status,
        progress,
        blocker,
        eta,
        sent_at: sentAt,
        received_at: receivedAt,
        period_key: periodKey,
      })
      .returning(["id", "revision"]),
);

async function insertUpdate(
  db: Db,
  update: MessageUpdate,
  revision: number | null,
  receivedAt: Date,
): Promise<{ id: number; revision: number }> {
  const { rows } = await insertUpdateQuery(
    db,
    update.assignmentId,
    update.personId,
    update.channel,
    update.chatId,
    update.messageId,
    update.messageKey,
    revision,
    update.rawText,
    update.status,
    update.progress,
    update.blocker,
    update.eta,
    update.sentAt.toISOString(),
    receivedAt.toISOString(),
    update.periodKey,
  );
  const [row] = rows;
  if (row === undefined) throw new Error("insert into status_updates returned no row");
  return { id: row.id, revision: Number(row.revision) };
}

/**
 * Brings the facts in line with rows just appended. A message's first revision only adds to its
 * groups' facts; an edit supersedes the message's earlier rows, which may lie on other assignments
 * or periods, so those groups are summed up again.
 */
async function keepFacts(db: Db, updates: readonly NewStatusUpdate[], ids: readonly number[]): Promise<void> {
  if (updates.every((update) => update.revision === 0)) {
    await addFirstRevisionFacts(
      db,
      updates.map((update, index) => ({
        id: ids[index] ?? 0,
        assignmentId: update.assignmentId,
        periodKey: update.periodKey,
        sentAt: update.sentAt.toISOString(),
        status: update.status,
        progress: update.progress,
        blocker: update.blocker,
      })),
    );
    return;
  }
  const touched: FactsKey[] = updates.map((u) => ({ assignmentId: u.assignmentId, periodKey: u.periodKey }));
  const edited = new Set(updates.filter((u) => u.revision > 0).map((u) => u.messageKey));
  for (const messageKey of edited) touched.push(...(await factsKeysOfMessage(db, messageKey)));
  await refreshAssignmentFacts(db, touched);
}

/**
 * Appends updates (history is never updated or deleted) and brings the assignments' facts in line
 * with them: give it the transaction that stores them, so nobody reads one without the other. A
 * revision 0 is a message's first: callers give the message's latest revision + 1.
 */
export async function appendStatusUpdates(
  db: Db,
  updates: NewStatusUpdate[],
  receivedAt: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const update of updates) ids.push((await insertUpdate(db, update, update.revision, receivedAt)).id);
  await keepFacts(db, updates, ids);
  return ids;
}

/**
 * Appends one message's updates (all of one message key) as the message's next revision, with their
 * facts, as appendStatusUpdates does; the first insert finds the revision.
 */
export async function appendMessageUpdates(
  db: Db,
  updates: readonly MessageUpdate[],
  receivedAt: Date,
): Promise<{ ids: number[]; revision: number }> {
  const [first, ...rest] = updates;
  if (first === undefined) throw new Error("appendMessageUpdates: no update");
  if (rest.some((update) => update.messageKey !== first.messageKey)) {
    throw new Error("appendMessageUpdates: the updates of one message share its key");
  }
  const { id, revision } = await insertUpdate(db, first, null, receivedAt);
  const ids = [id];
  for (const update of rest) ids.push((await insertUpdate(db, update, revision, receivedAt)).id);
  await keepFacts(
    db,
    updates.map((update) => ({ ...update, revision })),
    ids,
  );
  return { ids, revision };
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
