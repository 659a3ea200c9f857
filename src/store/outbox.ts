// The outbox table: planned once (unique key), claimed atomically, recorded always.
import { type Insertable, SqliteAdapter, sql, type Updateable } from "kysely";
import { writeStatement } from "../db/busy-retry.ts";
import { type Db, isPostgres } from "../db/database.ts";
import { type OutboxPayload, outboxAssignmentIds } from "../db/json-columns.ts";
import type { OutboxTable } from "../db/schema.ts";
import type { ChannelName, Role } from "../domain/vocabulary.ts";
import type { NewOutboxMessage } from "./outbox-message.ts";
import { type OutboxContent, outboxContents, storeOutboxContents } from "./outbox-texts.ts";

/** A stored outbox row as delivery works on it. */
export interface OutboxRow extends Omit<NewOutboxMessage, "notBefore" | "expiresAt"> {
  id: number;
  attempts: number;
  expiresAt: string | null;
  createdAt: string;
  /** Why the last attempt failed, when an earlier drain handed the row back for a later try. */
  lastError: string | null;
}

// SQLite allows 32,766 bound values per statement; 11 columns × 500 rows stays far below.
const INSERT_CHUNK = 500;

/**
 * The distinct contents of these messages, and which one each message says. Recipients of one
 * rendered text share its objects, so it is encoded and stored once however many they are.
 */
function sharedContents(messages: readonly NewOutboxMessage[]): {
  contents: OutboxContent[];
  contentOf: number[];
} {
  const contents: OutboxContent[] = [];
  const slots = new Map<OutboxPayload, Map<readonly number[], number>>();
  const contentOf = messages.map(({ payload, assignmentIds }) => {
    const byIds = slots.get(payload) ?? new Map<readonly number[], number>();
    slots.set(payload, byIds);
    let slot = byIds.get(assignmentIds);
    if (slot === undefined) {
      slot = contents.push({ payload, assignmentIds }) - 1;
      byIds.set(assignmentIds, slot);
    }
    return slot;
  });
  return { contents, contentOf };
}

/**
 * Plans messages; a key already present is left alone (insert-or-ignore), so planning twice, or from
 * two instances, inserts once. Each content is stored once (outbox_texts) and shared by the rows
 * that say it. Returns how many rows were newly inserted.
 */
export async function enqueueOutbox(
  db: Db,
  messages: NewOutboxMessage[],
  // The app's clock: a message with no expiry of its own gives up a fixed time after it.
  now: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  const createdAt = now.toISOString();
  const { contents, contentOf } = sharedContents(messages);
  const textIds = await storeOutboxContents(db, contents, now);
  // A round's messages share their instants: each is written out once, not once per row.
  const instants = new Map<Date, string>();
  const iso = (at: Date) => {
    let text = instants.get(at);
    if (text === undefined) {
      text = at.toISOString();
      instants.set(at, text);
    }
    return text;
  };
  const rows = messages.map((m, index) => ({
    key: m.key,
    kind: m.kind,
    person_id: m.personId,
    account_id: m.accountId,
    channel: m.channel,
    chat_id: m.chatId,
    text_id: textIds[contentOf[index] ?? -1] ?? 0,
    period_key: m.periodKey,
    next_attempt_at: iso(m.notBefore),
    expires_at: m.expiresAt ? iso(m.expiresAt) : null,
    created_at: createdAt,
  }));
  let inserted = 0;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    inserted += await insertNewRows(db, rows.slice(start, start + INSERT_CHUNK));
  }
  return inserted;
}

type OutboxInsert = Insertable<OutboxTable>;

/** Inserts rows whose key is new; answers how many. */
async function insertNewRows(db: Db, rows: OutboxInsert[]): Promise<number> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return insertAsJson(db, rows);
  const result = await db
    .insertInto("outbox")
    .values(rows)
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/**
 * SQLite: one statement per round (kind, period, times), its rows' own values as one JSON parameter.
 * Compiling and preparing a statement of 5,500 bound values costs more than inserting its 500 rows,
 * and a row as a short array is read faster than an object (a country's first tick: 20,000 rows).
 */
async function insertAsJson(db: Db, rows: OutboxInsert[]): Promise<number> {
  const rounds = new Map<string, { shared: OutboxInsert; own: unknown[][] }>();
  let entry: { shared: OutboxInsert; own: unknown[][] } | undefined;
  for (const row of rows) {
    // A round's rows come one after another: its key is written once, not once per row.
    if (entry === undefined || !sameRound(entry.shared, row)) {
      const round = `${row.kind}\u0000${row.period_key}\u0000${row.next_attempt_at}\u0000${row.expires_at}\u0000${row.created_at}`;
      entry = rounds.get(round) ?? { shared: row, own: [] };
      rounds.set(round, entry);
    }
    entry.own.push([row.key, row.person_id, row.account_id, row.channel, row.chat_id, row.text_id]);
  }
  let inserted = 0;
  for (const { shared, own } of rounds.values()) {
    const result = await sql`
      insert into outbox (key, person_id, account_id, channel, chat_id, text_id,
        kind, period_key, next_attempt_at, expires_at, created_at)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
        ${shared.kind}, ${shared.period_key ?? null}, ${shared.next_attempt_at}, ${shared.expires_at ?? null},
        ${shared.created_at}
      from json_each(${JSON.stringify(own)}) where true
      on conflict (key) do nothing`.execute(db);
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  return inserted;
}

function sameRound(a: OutboxInsert, b: OutboxInsert): boolean {
  return (
    a.kind === b.kind &&
    a.period_key === b.period_key &&
    a.next_attempt_at === b.next_attempt_at &&
    a.expires_at === b.expires_at &&
    a.created_at === b.created_at
  );
}

/** The accounts of one page of people that lack a round's message, and where the next page starts. */
export interface LackingPage {
  accounts: { personId: number; agencyId: number | null; channel: ChannelName }[];
  /** The last person id of this page when it was full (more may follow), else null. */
  next: number | null;
}

/** An account lacking the message as packed by the query: person, agency, channel. */
type PackedAccount = [personId: number, agencyId: number | null, channel: ChannelName];

/**
 * Who lacks a round's message, as the keys say (README: planned once): the unblocked accounts of
 * people with a role that have neither their channel's key (`<prefix><person id>:<channel>`) nor the
 * person-only key rows planned before people had two channels carry (`<prefix><person id>`).
 * One index probe per account, so a round already planned for everyone answers nothing, cheaply.
 * At a country's scale one page of `pageSize` people (by id, after `afterPersonId`) per statement
 * keeps each one short, and says where the next page starts, so a province's people take one. A
 * page's accounts come packed in one JSON array: a first tick finds all 20,000 officials lacking it,
 * and an object per row cost more than finding them. The keys are built as src/domain/outbox-keys.ts
 * builds them.
 */
export async function accountsLackingKey(
  db: Db,
  request: { role: Role; keyPrefix: string; afterPersonId: number; pageSize: number },
): Promise<LackingPage> {
  const personKey = sql<string>`cast(${request.keyPrefix} as text) || cast(p.id as text)`;
  const account = sql`p.id, p.agency_id, c.channel`;
  // Over no rows json_agg is null, json_group_array an empty array.
  const packed = isPostgres(db)
    ? sql`coalesce(json_agg(json_build_array(${account})), '[]'::json)`
    : sql`json_group_array(json_array(${account}))`;
  const result = await sql<{ accounts: string | PackedAccount[]; next: number | null }>`
    with page as (
      select id, agency_id from people
      where role = ${request.role} and id > ${request.afterPersonId}
      order by id limit ${request.pageSize})
    select
      (select ${packed}
        from page p
        join channel_accounts c on c.person_id = p.id
        where c.blocked_at is null
          and not exists (select 1 from outbox o where o.key = ${personKey} || ':' || c.channel)
          and not exists (select 1 from outbox o where o.key = ${personKey})) as "accounts",
      (select case when count(*) = ${request.pageSize} then max(id) end from page) as "next"`.execute(db);
  const { accounts = "[]", next = null } = result.rows[0] ?? {};
  // JSON text on SQLite; PostgreSQL's driver hands json already parsed.
  const packedAccounts = typeof accounts === "string" ? (JSON.parse(accounts) as PackedAccount[]) : accounts;
  return {
    accounts: packedAccounts.map(([personId, agencyId, channel]) => ({ personId, agencyId, channel })),
    next: next === null ? null : Number(next),
  };
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
    .returning([
      "id",
      "key",
      "kind",
      "person_id",
      "account_id",
      "channel",
      "chat_id",
      "text_id",
      "period_key",
      "attempts",
      "expires_at",
      "created_at",
      "last_error",
    ])
    .execute();
  // The rows of one fan-out share a few contents: each is read once.
  const contents = await outboxContents(
    db,
    rows.map((row) => row.text_id),
  );
  rows.sort((a, b) => a.id - b.id);
  return rows.map((row) => {
    const content = contents.get(row.text_id);
    if (content === undefined) throw new Error(`outbox row ${row.key} has no content (text ${row.text_id})`);
    return {
      id: row.id,
      key: row.key,
      kind: row.kind,
      personId: row.person_id,
      accountId: row.account_id,
      channel: row.channel,
      chatId: row.chat_id,
      ...content,
      periodKey: row.period_key,
      attempts: row.attempts,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
      lastError: row.last_error,
    };
  });
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
    .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
    .select("outbox_texts.assignment_ids")
    .where("outbox.channel", "=", channel)
    .where("outbox.chat_id", "=", chatId)
    .where("outbox.platform_message_id", "=", platformMessageId)
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
