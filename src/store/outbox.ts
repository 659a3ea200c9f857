// The outbox table: planned once (unique key), claimed atomically, recorded always.
import type { Updateable } from "kysely";
import { writeStatement } from "../db/busy-retry.ts";
import { type Db, isPostgres } from "../db/database.ts";
import { outboxAssignmentIds, outboxPayloadColumn } from "../db/json-columns.ts";
import type { OutboxTable } from "../db/schema.ts";
import type { ChannelName } from "../domain/vocabulary.ts";
import type { NewOutboxMessage } from "./outbox-message.ts";

/** A stored outbox row as delivery works on it. */
export interface OutboxRow extends Omit<NewOutboxMessage, "notBefore" | "expiresAt"> {
  id: number;
  attempts: number;
  expiresAt: string | null;
  createdAt: string;
  /** Why the last attempt failed, when an earlier drain handed the row back for a later try. */
  lastError: string | null;
}

// SQLite allows 32,766 bound values per statement; 13 columns × 500 rows stays far below.
const INSERT_CHUNK = 500;

/**
 * Plans messages; a key already present is left alone (insert-or-ignore), so planning twice, or from
 * two instances, inserts once. Returns how many rows were newly inserted.
 */
export async function enqueueOutbox(
  db: Db,
  messages: NewOutboxMessage[],
  // The app's clock: a message with no expiry of its own gives up a fixed time after it.
  now: Date,
): Promise<number> {
  const createdAt = now.toISOString();
  let inserted = 0;
  for (let start = 0; start < messages.length; start += INSERT_CHUNK) {
    const chunk = messages.slice(start, start + INSERT_CHUNK);
    const result = await db
      .insertInto("outbox")
      .values(
        chunk.map((m) => ({
          key: m.key,
          kind: m.kind,
          person_id: m.personId,
          account_id: m.accountId,
          channel: m.channel,
          chat_id: m.chatId,
          payload: outboxPayloadColumn.encode(m.payload),
          assignment_ids: outboxAssignmentIds.encode(m.assignmentIds),
          period_key: m.periodKey,
          next_attempt_at: m.notBefore.toISOString(),
          expires_at: m.expiresAt ? m.expiresAt.toISOString() : null,
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** Which of these keys are already planned (so a planner can skip rendering them again). */
export async function existingOutboxKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += INSERT_CHUNK) {
    const rows = await db
      .selectFrom("outbox")
      .select("key")
      .where("key", "in", keys.slice(start, start + INSERT_CHUNK))
      .execute();
    for (const row of rows) found.add(row.key);
  }
  return found;
}

export interface ClaimRequest {
  token: string;
  /** Rows planned for this instant or earlier are due (the app's clock). */
  dueAt: Date;
  /** Wall-clock time of the claim; a "sending" row claimed before `staleBefore` is reclaimed. */
  claimedAt: Date;
  staleBefore: Date;
  channels: ChannelName[];
  limit: number;
}

/**
 * Claims due rows for one drain. A single UPDATE whose WHERE re-checks the status, so two drains
 * (or two instances on PostgreSQL, where a concurrent update re-evaluates the WHERE, and each skips
 * the rows another is locking) never claim the same row. Rows left "sending" by a crashed drain are reclaimed once their claim is stale.
 */
export async function claimDueOutbox(db: Db, request: ClaimRequest): Promise<OutboxRow[]> {
  if (request.channels.length === 0) return [];
  const due = request.dueAt.toISOString();
  const stale = request.staleBefore.toISOString();
  const rows = await db
    // The rows to claim, picked once: as a subquery PostgreSQL may re-run the pick for each row it
    // updates (a nested-loop semi join), and a locking pick then skips the rows it has just updated
    // and takes more, past the limit. A CTE that locks rows is always evaluated exactly once.
    .with("picked", (cte) =>
      cte
        .selectFrom("outbox as o")
        .select("o.id")
        .where("o.channel", "in", request.channels)
        .where((inner) =>
          inner.or([
            // An expired row is claimed at once too, so that it is recorded as soon as it expires.
            inner.and([
              inner("o.status", "=", "pending"),
              inner.or([inner("o.next_attempt_at", "<=", due), inner("o.expires_at", "<=", due)]),
            ]),
            inner.and([
              inner("o.status", "=", "sending"),
              inner("o.claimed_at", "<", stale),
              inner("o.claim_token", "!=", request.token),
            ]),
          ]),
        )
        .orderBy("o.next_attempt_at")
        .orderBy("o.id")
        .limit(request.limit)
        // Instances on one PostgreSQL server each take rows no other is claiming, instead of
        // queueing on the same locked rows (SQLite has one writer at a time: nothing to skip).
        .$if(isPostgres(db), (query) => query.forUpdate().skipLocked()),
    )
    .updateTable("outbox")
    .set({ status: "sending", claim_token: request.token, claimed_at: request.claimedAt.toISOString() })
    .where("id", "in", (eb) => eb.selectFrom("picked").select("picked.id"))
    .where((eb) =>
      eb.or([
        eb("status", "=", "pending"),
        eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", stale)]),
      ]),
    )
    // RETURNING (SQLite 3.35+, PostgreSQL): exactly the rows this statement claimed.
    .returningAll()
    .execute();
  rows.sort((a, b) => a.id - b.id);
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    kind: row.kind,
    personId: row.person_id,
    accountId: row.account_id,
    channel: row.channel,
    chatId: row.chat_id,
    payload: outboxPayloadColumn.decode(row.payload),
    assignmentIds: outboxAssignmentIds.decode(row.assignment_ids),
    periodKey: row.period_key,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    lastError: row.last_error,
  }));
}

/** Writes to one row only while this drain's claim still holds it (a drain that lost it changes nothing). */
function updateClaimedRow(
  db: Db,
  id: number,
  token: string,
  values: Updateable<OutboxTable>,
): Promise<unknown> {
  return writeStatement(db, () =>
    db.updateTable("outbox").set(values).where("id", "=", id).where("claim_token", "=", token).execute(),
  );
}

/**
 * Counts one attempt before it is made, so a crash mid-send still shows it, and renews the claim so
 * a slow retry is not mistaken for a dead drain's leftover.
 */
export async function recordAttempt(
  db: Db,
  id: number,
  token: string,
  attempts: number,
  at: Date,
): Promise<void> {
  await updateClaimedRow(db, id, token, { attempts, claimed_at: at.toISOString() });
}

export async function markSent(
  db: Db,
  id: number,
  token: string,
  result: { sentAt: Date; platformMessageId: string },
): Promise<void> {
  await updateClaimedRow(db, id, token, {
    status: "sent",
    sent_at: result.sentAt.toISOString(),
    platform_message_id: result.platformMessageId,
    last_error: null,
  });
}

/** Hands a claimed row back unsent (shutdown), so the next drain sends it without waiting for a lease. */
export async function releaseClaim(db: Db, id: number, token: string, attempts: number): Promise<void> {
  await updateClaimedRow(db, id, token, { status: "pending", claim_token: null, claimed_at: null, attempts });
}

/** A transient failure: the row waits for a later drain (from `retryAt`), keeping the reason. */
export async function deferRow(
  db: Db,
  id: number,
  token: string,
  retry: { attempts: number; retryAt: Date; reason: string },
): Promise<void> {
  await updateClaimedRow(db, id, token, {
    status: "pending",
    claim_token: null,
    claimed_at: null,
    attempts: retry.attempts,
    next_attempt_at: retry.retryAt.toISOString(),
    last_error: retry.reason,
  });
}

/** Ends a row without sending: failed (with the reason) or skipped (expired). */
export async function markFinished(
  db: Db,
  id: number,
  token: string,
  outcome: { status: "failed" | "skipped"; reason: string },
): Promise<void> {
  await updateClaimedRow(db, id, token, { status: outcome.status, last_error: outcome.reason });
}

/**
 * Per period: the people whose scheduled messages failed for good, or are still failing past their
 * expiry, on accounts that did not block the bot (those are reported apart).
 */
export async function undeliveredPeople(
  db: Db,
  periodKeys: string[],
  now: Date,
): Promise<Map<string, Set<number>>> {
  const found = new Map<string, Set<number>>();
  if (periodKeys.length === 0) return found;
  const rows = await db
    .selectFrom("outbox")
    .innerJoin("channel_accounts", "channel_accounts.id", "outbox.account_id")
    .select(["outbox.period_key as periodKey", "outbox.person_id as personId"])
    .distinct()
    .where("outbox.period_key", "in", periodKeys)
    .where("channel_accounts.blocked_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("outbox.status", "=", "failed"),
        eb.and([
          eb("outbox.status", "in", ["pending", "sending"]),
          eb("outbox.last_error", "is not", null),
          eb("outbox.expires_at", "<=", now.toISOString()),
        ]),
      ]),
    )
    .execute();
  for (const row of rows) {
    if (row.periodKey === null) continue;
    const people = found.get(row.periodKey) ?? new Set<number>();
    people.add(row.personId);
    found.set(row.periodKey, people);
  }
  return found;
}

/** Marks a channel account as having blocked the bot; reminders skip it from now on. */
export async function markAccountBlocked(db: Db, accountId: number, at: Date): Promise<void> {
  await writeStatement(db, () =>
    db
      .updateTable("channel_accounts")
      .set({ blocked_at: at.toISOString() })
      .where("id", "=", accountId)
      .where("blocked_at", "is", null)
      .execute(),
  );
}

/** The assignments a sent message was about, found from the platform's message id (replies). */
export async function assignmentsOfSentMessage(
  db: Db,
  channel: ChannelName,
  chatId: string,
  platformMessageId: string,
): Promise<number[] | null> {
  const row = await db
    .selectFrom("outbox")
    .select("assignment_ids")
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .where("platform_message_id", "=", platformMessageId)
    .executeTakeFirst();
  return row ? outboxAssignmentIds.decode(row.assignment_ids) : null;
}

/** Messages still to send: pending, or claimed by a drain that has not recorded them yet. */
export async function countUnsentOutbox(db: Db): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
