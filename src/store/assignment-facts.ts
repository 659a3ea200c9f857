// What each assignment's update history comes to (migration 0008): kept after every append, in the
// same transaction, and read by who-is-behind and the quarter's report instead of the history.

import { type RawBuilder, sql } from "kysely";
import { type CompiledOnceQuery, compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import { groupBy } from "../domain/group-by.ts";
import { factsAsOf, type HistoryRow, type LatestStatus, periodFactsOf } from "../domain/update-history.ts";
import type { UpdateStatus } from "../domain/vocabulary.ts";
import { assignmentValidAt, taskReportsIn } from "./assignments.ts";

/** Only the latest revision of a message counts; `row` is the alias of a status_updates row. */
function effective(row: "u" | "e"): RawBuilder<boolean> {
  return sql<boolean>`not exists (
    select 1 from status_updates newer
    where newer.message_key = ${sql.ref(`${row}.message_key`)} and newer.revision > ${sql.ref(`${row}.revision`)})`;
}

/** The latest effective update of an (assignment, period) group `g`, optionally only those with a status. */
function latestOfGroup(withStatus: boolean): RawBuilder<number> {
  return sql<number>`(
    select e.id from status_updates e
    where e.assignment_id = g.assignment_id and e.period_key = g.period_key
      ${withStatus ? sql`and e.status is not null` : sql``} and ${effective("e")}
    order by e.sent_at desc, e.id desc limit 1)`;
}

export interface FactsKey {
  assignmentId: number;
  periodKey: string;
}

/** The (assignment, period) pairs a message's rows touch, every revision: an edit may move an update. */
export async function factsKeysOfMessage(db: Db, messageKey: string): Promise<FactsKey[]> {
  return db
    .selectFrom("status_updates")
    .select(["assignment_id as assignmentId", "period_key as periodKey"])
    .distinct()
    .where("message_key", "=", messageKey)
    .execute();
}

/** Sums up one assignment's history in one period again (the statement migration 0008 backfilled with). */
async function refreshPeriodFacts(db: Db, key: FactsKey): Promise<void> {
  await sql`
    insert into assignment_period_facts (assignment_id, period_key, last_update_id, last_sent_at,
      status_update_id, status, progress, blocker, status_sent_at, update_count, first_sent_at, reported_at)
    select g.assignment_id, g.period_key, lu.id, lu.sent_at,
      su.id, su.status, su.progress, su.blocker, su.sent_at, g.update_count, g.first_sent_at, g.reported_at
    from (
      select u.assignment_id, u.period_key,
        sum(case when ${effective("u")} then 1 else 0 end) as update_count,
        min(u.sent_at) as first_sent_at, max(u.sent_at) as reported_at
      from status_updates u
      where u.assignment_id = ${key.assignmentId} and u.period_key = ${key.periodKey}
      group by u.assignment_id, u.period_key
    ) g
    left join status_updates lu on lu.id = ${latestOfGroup(false)}
    left join status_updates su on su.id = ${latestOfGroup(true)}
    where true
    on conflict (assignment_id, period_key) do update set
      last_update_id = excluded.last_update_id, last_sent_at = excluded.last_sent_at,
      status_update_id = excluded.status_update_id, status = excluded.status,
      progress = excluded.progress, blocker = excluded.blocker, status_sent_at = excluded.status_sent_at,
      update_count = excluded.update_count, first_sent_at = excluded.first_sent_at,
      reported_at = excluded.reported_at`.execute(db);
}

/**
 * An assignment's latest status over its periods' facts, when anything was last sent, and the largest
 * period key with an effective update (migration 0014).
 */
async function refreshLatest(db: Db, assignmentId: number): Promise<void> {
  await sql`
    insert into assignment_latest (assignment_id, status_update_id, status, progress, blocker,
      status_sent_at, reported_at, latest_updated_period)
    select g.assignment_id, s.status_update_id, s.status, s.progress, s.blocker, s.status_sent_at,
      g.reported_at, g.latest_updated_period
    from (
      select f.assignment_id, max(f.reported_at) as reported_at,
        max(case when f.last_update_id is not null then f.period_key end) as latest_updated_period
      from assignment_period_facts f
      where f.assignment_id = ${assignmentId}
      group by f.assignment_id
    ) g
    left join assignment_period_facts s on s.assignment_id = g.assignment_id and s.period_key = (
      select x.period_key from assignment_period_facts x
      where x.assignment_id = g.assignment_id and x.status_update_id is not null
      order by x.status_sent_at desc, x.status_update_id desc limit 1)
    where true
    on conflict (assignment_id) do update set
      status_update_id = excluded.status_update_id, status = excluded.status,
      progress = excluded.progress, blocker = excluded.blocker,
      status_sent_at = excluded.status_sent_at, reported_at = excluded.reported_at,
      latest_updated_period = excluded.latest_updated_period`.execute(db);
}

/**
 * Brings the facts of the touched (assignment, period) pairs, and of their assignments, in line with
 * the history. Called in the transaction that appended the rows, so readers never see them apart.
 */
export async function refreshAssignmentFacts(db: Db, keys: readonly FactsKey[]): Promise<void> {
  const periods = new Map(keys.map((key) => [`${key.assignmentId}\u0000${key.periodKey}`, key]));
  for (const key of periods.values()) await refreshPeriodFacts(db, key);
  for (const assignmentId of new Set(keys.map((key) => key.assignmentId))) {
    await refreshLatest(db, assignmentId);
  }
}

/** A row just appended as the first revision of its message, as the facts read it. */
export type AppendedRow = Omit<HistoryRow, "effective">;

// A message's first rows supersede nothing and nothing supersedes them yet, so each group's facts
// only grow: one more update (counted, and the latest if it came later), and the first and last
// sent_at widened. Each table takes one statement for all the message's rows. These merges do not
// depend on order, so on PostgreSQL two transactions upserting one row (the second waits for the
// first's commit, then merges into it) keep the same facts whichever commits first.

/** Whether the excluded row's update (`sentAt`, `id` columns) came later than the kept one's (isLater). */
function later(table: string, sentAt: string, id: string): string {
  return `${table}.${id} is null or excluded.${sentAt} > ${table}.${sentAt}
        or (excluded.${sentAt} = ${table}.${sentAt} and excluded.${id} > ${table}.${id})`;
}

const STATUS_COLUMNS = ["status_update_id", "status", "progress", "blocker", "status_sent_at"];

/** The status columns: the excluded row's when it has a status that came later. */
function laterStatus(table: string): string {
  return keptOrExcluded(
    table,
    `excluded.status_update_id is not null and (${later(table, "status_sent_at", "status_update_id")})`,
    STATUS_COLUMNS,
  );
}

function keptOrExcluded(table: string, condition: string, columns: readonly string[]): string {
  return columns
    .map((column) => `${column} = case when ${condition} then excluded.${column} else ${table}.${column} end`)
    .join(",\n      ");
}

const PERIODS = "assignment_period_facts";
const PERIOD_UPSERT = `
    on conflict (assignment_id, period_key) do update set
      ${keptOrExcluded(PERIODS, later(PERIODS, "last_sent_at", "last_update_id"), ["last_update_id", "last_sent_at"])},
      ${laterStatus(PERIODS)},
      update_count = ${PERIODS}.update_count + excluded.update_count,
      ${keptOrExcluded(PERIODS, `excluded.first_sent_at < ${PERIODS}.first_sent_at`, ["first_sent_at"])},
      ${keptOrExcluded(PERIODS, `excluded.reported_at > ${PERIODS}.reported_at`, ["reported_at"])}`;

const LATEST = "assignment_latest";
const LATEST_UPSERT = `
    on conflict (assignment_id) do update set
      ${laterStatus(LATEST)},
      ${keptOrExcluded(LATEST, `excluded.reported_at > ${LATEST}.reported_at`, ["reported_at"])},
      ${keptOrExcluded(
        LATEST,
        `${LATEST}.latest_updated_period is null or excluded.latest_updated_period > ${LATEST}.latest_updated_period`,
        ["latest_updated_period"],
      )}`;

type FactsValue = number | string | null;

/** `insert … values (…), (…) <upsert>` of `columns`, compiled once per number of rows (a message has few). */
function multiRowUpsert(table: string, columns: readonly string[], upsert: string) {
  const byRows = new Map<number, CompiledOnceQuery<FactsValue[], unknown>>();
  return (db: Db, rows: readonly FactsValue[][]) => {
    let query = byRows.get(rows.length);
    if (query === undefined) {
      const count = rows.length;
      query = compiledOnce((into: Db, ...values: FactsValue[]) => {
        const tuples = Array.from(
          { length: count },
          (_, row) => sql`(${sql.join(values.slice(row * columns.length, (row + 1) * columns.length))})`,
        );
        const statement = sql`insert into ${sql.raw(table)} (${sql.raw(columns.join(", "))})
    values ${sql.join(tuples)} ${sql.raw(upsert)}`;
        return { compile: () => statement.compile(into) };
      });
      byRows.set(count, query);
    }
    return query(db, ...rows.flat());
  };
}

const upsertPeriodFacts = multiRowUpsert(
  "assignment_period_facts",
  [
    "assignment_id",
    "period_key",
    "last_update_id",
    "last_sent_at",
    ...STATUS_COLUMNS,
    "update_count",
    "first_sent_at",
    "reported_at",
  ],
  PERIOD_UPSERT,
);
const upsertLatest = multiRowUpsert(
  "assignment_latest",
  ["assignment_id", ...STATUS_COLUMNS, "reported_at", "latest_updated_period"],
  LATEST_UPSERT,
);

function statusValues(status: LatestStatus | null): FactsValue[] {
  return status === null
    ? [null, null, null, null, null]
    : [status.updateId, status.status, status.progress, status.blocker, status.sentAt];
}

/**
 * Adds the rows of a message's first revision to their facts: one statement per table, whatever the
 * number of rows. An edit (a later revision) supersedes rows and needs refreshAssignmentFacts.
 */
export async function addFirstRevisionFacts(db: Db, rows: readonly AppendedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const history: HistoryRow[] = rows.map((row) => ({ ...row, effective: true }));
  const byAssignment = groupBy(history, (row) => row.assignmentId);
  const periodValues: FactsValue[][] = [];
  const latestValues: FactsValue[][] = [];
  for (const [assignmentId, assignmentRows] of byAssignment) {
    const periods = [...groupBy(assignmentRows, (row) => row.periodKey)].map(([periodKey, periodRows]) => {
      const facts = periodFactsOf(periodKey, periodRows);
      // ISO instants: the first in text order is the earliest.
      const [firstSentAt] = periodRows.map((row) => row.sentAt).sort();
      periodValues.push([
        assignmentId,
        periodKey,
        facts.latest?.updateId ?? null,
        facts.latest?.sentAt ?? null,
        ...statusValues(facts.latestStatus),
        facts.updateCount,
        firstSentAt ?? facts.reportedAt,
        facts.reportedAt,
      ]);
      return facts;
    });
    const latest = factsAsOf(periods, "");
    const latestUpdatedPeriod = periods.reduce<string | null>(
      (max, facts) =>
        facts.latest !== null && (max === null || facts.periodKey > max) ? facts.periodKey : max,
      null,
    );
    latestValues.push([
      assignmentId,
      ...statusValues(latest.latestStatus),
      latest.lastReportedAt,
      latestUpdatedPeriod,
    ]);
  }
  await upsertPeriodFacts(db, periodValues);
  await upsertLatest(db, latestValues);
}

/** One assignment's facts now, with those of the period asked about (null where nothing was sent). */
export interface CurrentFactsRow {
  assignmentId: number;
  taskId: number;
  agencyId: number;
  statusUpdateId: number | null;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  statusSentAt: string | null;
  reportedAt: string | null;
  periodUpdateId: number | null;
  periodSentAt: string | null;
}

/** Which assignments a question is about; each filter is a condition in SQL. */
export interface AssignmentScope {
  agencyId?: number;
  /** Only these agencies' assignments (a page of who is behind; none when empty). */
  agencyIds?: readonly number[];
  /** Only these assignments (none when empty). */
  assignmentIds?: readonly number[];
  taskCode?: string;
  /** Only this plan's tasks (tasks.plan_id). */
  planId?: number;
}

export interface AssignmentRange extends AssignmentScope {
  /** Assignment ids from (inclusive) … to (exclusive): one short statement per range. */
  fromId: number;
  toId: number;
  /** Only the assignments in charge just before this instant (assignmentValidAt: mergers). */
  validAt: Date;
  /** The period asked about: a plan that reports only from a later one owes nothing (taskReportsIn). */
  periodKey: string;
}

/** The live assignments of a range (tasks joined as t), or some assignments by id (a). */
export function selected(db: Db, selection: AssignmentRange | readonly number[]) {
  const query = db.selectFrom("assignments as a").innerJoin("tasks as t", "t.id", "a.task_id");
  if (isIds(selection)) return query.where("a.id", "in", selection.length === 0 ? [-1] : selection);
  const range = selection;
  return query
    .where("a.retired_at", "is", null)
    .where("t.retired_at", "is", null)
    .where(assignmentValidAt(range.validAt, "a"))
    .where(taskReportsIn(range.periodKey, "a.task_id"))
    .where("a.id", ">=", range.fromId)
    .where("a.id", "<", range.toId)
    .$if(range.agencyId !== undefined, (q) => q.where("a.agency_id", "=", range.agencyId ?? 0))
    .$if(range.agencyIds !== undefined, (q) => q.where("a.agency_id", "in", range.agencyIds ?? []))
    .$if(range.assignmentIds !== undefined, (q) => q.where("a.id", "in", range.assignmentIds ?? []))
    .$if(range.taskCode !== undefined, (q) => q.where("t.code", "=", range.taskCode ?? ""))
    .$if(range.planId !== undefined, (q) => q.where("t.plan_id", "=", range.planId ?? 0));
}

function isIds(selection: AssignmentRange | readonly number[]): selection is readonly number[] {
  return Array.isArray(selection);
}

/** The live assignments of an id range with their latest facts and those of one period. */
export async function currentFactsOfRange(
  db: Db,
  range: AssignmentRange,
  periodKey: string,
): Promise<CurrentFactsRow[]> {
  return selected(db, range)
    .leftJoin("assignment_latest as l", "l.assignment_id", "a.id")
    .leftJoin("assignment_period_facts as f", (join) =>
      join.onRef("f.assignment_id", "=", "a.id").on("f.period_key", "=", periodKey),
    )
    .select([
      "a.id as assignmentId",
      "a.task_id as taskId",
      "a.agency_id as agencyId",
      "l.status_update_id as statusUpdateId",
      "l.status",
      "l.progress",
      "l.blocker",
      "l.status_sent_at as statusSentAt",
      "l.reported_at as reportedAt",
      "f.last_update_id as periodUpdateId",
      "f.last_sent_at as periodSentAt",
    ])
    .execute();
}

/** The span of assignment ids, to walk them in ranges; null when there are none. */
export async function assignmentIdSpan(db: Db): Promise<{ min: number; max: number } | null> {
  // Each of min and max alone reads one end of the key; both in one select would scan the table.
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("assignments")
        .select((inner) => inner.fn.min("id").as("min"))
        .as("min"),
      eb
        .selectFrom("assignments")
        .select((inner) => inner.fn.max("id").as("max"))
        .as("max"),
    ])
    .executeTakeFirst();
  return row?.min === null || row?.min === undefined || row.max === null
    ? null
    : { min: Number(row.min), max: Number(row.max) };
}

/** One assignment's facts as of an instant, from its periods' facts sent before it. */
export interface FactsAsOfRow extends CurrentFactsRow {
  /** 1 when one of its periods' updates straddle the instant: its facts are not as of it then. */
  straddling: number;
}

/**
 * The facts of a range of assignments, or of some by id, as of `until` (a past deadline, an `--at`
 * in the past), one row each, from the periods' facts sent wholly before it: the latest status over
 * them (later sent_at, then higher id), the period's latest update, the last report. A period sent
 * partly before and partly after `until` makes the assignment `straddling`: the caller reads its
 * history instead. Right for every assignment, though dearer than currentFactsOfRange.
 */
export async function factsAsOfInstant(
  db: Db,
  selection: AssignmentRange | readonly number[],
  periodKey: string,
  until: Date,
): Promise<FactsAsOfRow[]> {
  if (isIds(selection) && selection.length === 0) return [];
  const at = until.toISOString();
  return selected(db, selection)
    .leftJoin("assignment_period_facts as s", (join) =>
      join.onRef("s.assignment_id", "=", "a.id").on(
        sql<boolean>`s.period_key = (select x.period_key from assignment_period_facts x
          where x.assignment_id = a.id and x.first_sent_at < ${at} and x.status_update_id is not null
          order by x.status_sent_at desc, x.status_update_id desc limit 1)`,
      ),
    )
    .leftJoin("assignment_period_facts as p", (join) =>
      join
        .onRef("p.assignment_id", "=", "a.id")
        .on("p.period_key", "=", periodKey)
        .on("p.first_sent_at", "<", at),
    )
    .select([
      "a.id as assignmentId",
      "a.task_id as taskId",
      "a.agency_id as agencyId",
      "s.status_update_id as statusUpdateId",
      "s.status",
      "s.progress",
      "s.blocker",
      "s.status_sent_at as statusSentAt",
      sql<string | null>`(select max(x.reported_at) from assignment_period_facts x
        where x.assignment_id = a.id and x.first_sent_at < ${at})`.as("reportedAt"),
      "p.last_update_id as periodUpdateId",
      "p.last_sent_at as periodSentAt",
      sql<number>`case when exists (select 1 from assignment_period_facts x
        where x.assignment_id = a.id and x.first_sent_at < ${at} and x.reported_at >= ${at})
        then 1 else 0 end`.as("straddling"),
    ])
    .execute();
}

/**
 * Effective updates per assignment of an id range in each of some periods sent before `until`, in
 * their order (the report's cumulative columns); assignments with none in any are left out. A period
 * whose updates straddle `until` is counted whole: the caller counts such an assignment otherwise.
 */
export async function updateCountsOfRange(
  db: Db,
  range: AssignmentRange,
  periodKeys: readonly string[],
  until: Date,
): Promise<Map<number, number[]>> {
  const counts = new Map<number, number[]>();
  if (periodKeys.length === 0) return counts;
  const sums = periodKeys.map(
    (key, index) =>
      sql`sum(case when period_key = ${key} then update_count else 0 end) as ${sql.raw(`c${index}`)}`,
  );
  const result = await sql<Record<string, number>>`
    select assignment_id, ${sql.join(sums)}
    from assignment_period_facts
    where assignment_id >= ${range.fromId} and assignment_id < ${range.toId}
      and period_key in (${sql.join(periodKeys)}) and first_sent_at < ${until.toISOString()}
    group by assignment_id`.execute(db);
  for (const row of result.rows) {
    counts.set(
      Number(row.assignment_id),
      periodKeys.map((_, index) => Number(row[`c${index}`])),
    );
  }
  return counts;
}
