import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { UpdateFacts } from "../domain/assignment-status.ts";
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

// The raw query's row; its columns keep the table's types.
interface UpdateRow {
  assignment_id: number;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  sent_at: string;
  period_key: string;
  person_name: string | null;
  raw_text: string;
}

function toFacts(row: UpdateRow): UpdateFacts {
  return {
    status: row.status,
    progress: row.progress,
    blocker: row.blocker,
    eta: row.eta,
    sentAt: row.sent_at,
    periodKey: row.period_key,
    personName: row.person_name,
    rawText: row.raw_text,
  };
}

type Condition = ReturnType<typeof sql<boolean>>;

/** Limits a query on status_updates `u` to one agency's assignments (a chat question), or none. */
function agencyScope(agencyId: number | undefined): Condition {
  return agencyId === undefined
    ? sql<boolean>`1 = 1`
    : sql<boolean>`u.assignment_id in (select id from assignments where agency_id = ${agencyId})`;
}

/**
 * The latest effective update per assignment matching a condition, sent before `until`. Effective:
 * the latest revision of its message (an edit supersedes, history stays). One row per assignment,
 * chosen in SQL so 500,000 updates never cross into memory.
 */
async function latestPerAssignment(
  db: Db,
  until: Date,
  condition: Condition,
  agencyId: number | undefined,
): Promise<Map<number, UpdateFacts>> {
  // One index seek per assignment (status_updates_assignment_sent, migration 0003) rather than a
  // window over every update: about four times faster at 500,000 updates (bench/behind.bench.ts).
  const scope = agencyId === undefined ? sql<boolean>`1 = 1` : sql<boolean>`a.agency_id = ${agencyId}`;
  const result = await sql<UpdateRow>`
    select a.id as assignment_id, u.status, u.progress, u.blocker, u.eta, u.sent_at, u.period_key,
           p.name as person_name, u.raw_text
    from assignments a
    join status_updates u on u.id = (
      select x.id from status_updates x
      where x.assignment_id = a.id
        and x.sent_at < ${until.toISOString()}
        and ${condition}
        and not exists (
          select 1 from status_updates newer
          where newer.message_key = x.message_key and newer.revision > x.revision
        )
      order by x.sent_at desc, x.id desc
      limit 1
    )
    left join people p on p.id = u.person_id
    where ${scope}`.execute(db);
  return new Map(result.rows.map((row) => [row.assignment_id, toFacts(row)]));
}

/** When each assignment (or one agency's) was last reported on, before `until`. */
export async function lastReportedTimes(
  db: Db,
  until: Date,
  agencyId: number | undefined,
): Promise<Map<number, string>> {
  const scope = agencyScope(agencyId);
  const result = await sql<{ assignment_id: number; last: string }>`
    select u.assignment_id, max(u.sent_at) as last from status_updates u
    where u.sent_at < ${until.toISOString()} and ${scope}
    group by u.assignment_id`.execute(db);
  return new Map(result.rows.map((row) => [row.assignment_id, String(row.last)]));
}

/** The latest effective update per assignment that gave a status, sent before `until`. */
export function latestStatusPerAssignment(
  db: Db,
  until: Date,
  agencyId: number | undefined,
): Promise<Map<number, UpdateFacts>> {
  return latestPerAssignment(db, until, sql<boolean>`x.status is not null`, agencyId);
}

/** The latest effective update per assignment filed for the period `periodKey`, sent before `until`. */
export function latestUpdateInPeriodPerAssignment(
  db: Db,
  until: Date,
  periodKey: string,
  agencyId: number | undefined,
): Promise<Map<number, UpdateFacts>> {
  return latestPerAssignment(db, until, sql<boolean>`x.period_key = ${periodKey}`, agencyId);
}

/** Effective updates (latest revision of their message) per assignment and period key. */
export async function effectiveUpdateCounts(
  db: Db,
  periodKeys: string[],
  until: Date,
): Promise<Map<number, Map<string, number>>> {
  const counts = new Map<number, Map<string, number>>();
  if (periodKeys.length === 0) return counts;
  const result = await sql<{ assignment_id: number; period_key: string; n: number }>`
    select u.assignment_id, u.period_key, count(*) as n
    from status_updates u
    where u.period_key in (${sql.join(periodKeys)})
      and u.sent_at < ${until.toISOString()}
      and not exists (
        select 1 from status_updates newer
        where newer.message_key = u.message_key and newer.revision > u.revision
      )
    group by u.assignment_id, u.period_key`.execute(db);
  for (const row of result.rows) {
    const perPeriod = counts.get(row.assignment_id) ?? new Map<string, number>();
    perPeriod.set(row.period_key, Number(row.n));
    counts.set(row.assignment_id, perPeriod);
  }
  return counts;
}
