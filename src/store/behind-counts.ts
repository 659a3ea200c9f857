// Who is behind assessed in SQL, from the assignments' latest facts (migration 0008): per agency, the
// counts the chat's pages order every agency by, without loading 50,000 assignments; per assignment,
// the verdicts the whole report tallies, without reading its statuses into JavaScript. The rules are
// those of domain/behind.ts (assess), given here per task by the caller; tests hold the two to the
// same results on random histories (test/services/behind-page.equivalence.test.ts). The latest facts
// are as of `until` only for an assignment that sent nothing at or after it: the others ("unsettled",
// unsettledAssignments) are left out here, for the caller to assess from their facts as of `until`.
import { type RawBuilder, sql } from "kysely";
import { type Db, isPostgres } from "../db/database.ts";
import { type AgencyTally, NO_TALLY } from "../domain/behind-page.ts";
import type { UpdateStatus } from "../domain/vocabulary.ts";
import { assignmentValidAt, taskReportsIn } from "./assignments.ts";

/** What the rules say of each live task for the period, computed by the caller from the domain. */
export interface CountTerms {
  periodKey: string;
  /** Statuses as of this instant; an assignment with anything sent at or after it is "unsettled". */
  until: Date;
  /** Only this plan's tasks; every plan's when undefined. */
  planId?: number;
  /** Tasks active in the period's year and not dormant: they owe an update. */
  owingTaskIds: readonly number[];
  /** Due dates before the period's year start ("YYYY-01-01"): unfinished, still in scope. */
  yearStart: string;
  /** Due dates that had ended by `until`. */
  pastDueDates: readonly string[];
  /** Each due date and the instant (ISO) it ends: a task done at or after it is done late. */
  dueEnds: readonly (readonly [string, string])[];
  /** Open assignments with nothing sent since this instant (ISO) are stale; "" for none. */
  staleBefore: string;
}

/** The assignments of the agencies fromAgencyId … toAgencyId (exclusive; null: no end). */
export interface AgencyRange {
  fromAgencyId: number;
  toAgencyId: number | null;
  /** Only the assignments in charge just before this instant (assignmentValidAt: mergers). */
  validAt: Date;
}

/** Some agencies' assignments, in charge just before `validAt` (AgencyRange). */
export interface AgencySet {
  agencyIds: readonly number[];
  validAt: Date;
}

function agencyCondition(scope: AgencyRange | AgencySet): RawBuilder<boolean> {
  if ("agencyIds" in scope) return inList(sql`a.agency_id`, scope.agencyIds);
  const to = scope.toAgencyId === null ? sql`` : sql`and a.agency_id < ${scope.toAgencyId}`;
  return sql<boolean>`a.agency_id >= ${scope.fromAgencyId} ${to}`;
}

/**
 * The next range of agencies from `fromAgencyId` leading about `size` assignments (live or not), or
 * null when no agency from there leads any. Read along assignments(agency_id, …) (migration 0013):
 * a short walk of the index, so a counting statement over the range reads its share and no more.
 */
async function agencyRangeFrom(
  db: Db,
  fromAgencyId: number,
  size: number,
): Promise<Omit<AgencyRange, "validAt"> | null> {
  const { rows } = await sql<{ first: number | null; boundary: number | null }>`
    select
      (select min(agency_id) from assignments where agency_id >= ${fromAgencyId}) as first,
      (select agency_id from assignments where agency_id >= ${fromAgencyId}
        order by agency_id limit 1 offset ${size}) as boundary`.execute(db);
  const first = rows[0]?.first;
  if (first === null || first === undefined) return null;
  const boundary = rows[0]?.boundary ?? null;
  // One agency leading more than `size` assignments makes a range of its own.
  const to = boundary === null ? null : Math.max(Number(boundary), Number(first) + 1);
  return { fromAgencyId: Number(first), toAgencyId: to };
}

/** Every agency leading an assignment, in ranges of about `size` assignments, in agency id order. */
export async function* agencyRanges(db: Db, size: number): AsyncGenerator<Omit<AgencyRange, "validAt">> {
  for (let range = await agencyRangeFrom(db, 0, size); range !== null; ) {
    yield range;
    range = range.toAgencyId === null ? null : await agencyRangeFrom(db, range.toAgencyId, size);
  }
}

function inList<T>(column: RawBuilder<unknown>, values: readonly T[]): RawBuilder<boolean> {
  return values.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`${column} in (${sql.join(values)})`;
}

/**
 * 1 when assignment `a` (its latest facts joined as l) had an effective update in the period, else
 * 0: told by l.latest_updated_period (migration 0014) for a period at or after it, and looked up in
 * the period's facts only for a period before it (a past period asked about) or an unknown value.
 */
function updatedIn(periodKey: string): RawBuilder<number> {
  return sql<number>`case
    when l.assignment_id is null or l.latest_updated_period < ${periodKey} then 0
    when l.latest_updated_period = ${periodKey} then 1
    when exists (select 1 from assignment_period_facts f where f.assignment_id = a.id
      and f.period_key = ${periodKey} and f.last_update_id is not null) then 1
    else 0 end`;
}

function dueEndOf(dueEnds: CountTerms["dueEnds"]): RawBuilder<string | null> {
  if (dueEnds.length === 0) return sql`null`;
  return sql`case t.due_date ${sql.join(
    dueEnds.map(([date, end]) => sql`when ${date} then ${end}`),
    sql` `,
  )} end`;
}

/**
 * The live assignments of a range, each assessed once (r): a per-task table first (tt, materialized):
 * owes (y), carried while unfinished (c), dormant (k), past due (p), the due date's end (e); then per
 * assignment: its latest status (s, sent ss), last report (ra), updated in the period (u), not done
 * (nd), in scope (i) and category (cat, its index in domain CATEGORIES).
 */
function assessed(terms: CountTerms, range: AgencyRange) {
  return sql`
    with tt as materialized (
      select t.id, t.due_date,
        case when ${inList(sql`t.id`, terms.owingTaskIds)} then 1 else 0 end as y,
        case when t.dormant = 0 and t.due_date < ${terms.yearStart} then 1 else 0 end as c,
        t.dormant as k,
        case when ${inList(sql`t.due_date`, terms.pastDueDates)} then 1 else 0 end as p,
        ${dueEndOf(terms.dueEnds)} as e
      from tasks t
      where t.retired_at is null and ${taskReportsIn(terms.periodKey, "t.id")}
        ${terms.planId === undefined ? sql`` : sql`and t.plan_id = ${terms.planId}`}
    ),
    r as (
      select a.id, a.task_id, a.agency_id, tt.due_date, tt.y, tt.p, l.status as s, l.status_sent_at as ss,
        l.reported_at as ra, l.blocker as b, l.progress as pr,
        ${updatedIn(terms.periodKey)} as u,
        case when coalesce(l.status, '') <> 'done' then 1 else 0 end as nd,
        case when tt.k = 0 and (tt.y = 1 or ${updatedIn(terms.periodKey)} = 1
          or (tt.c = 1 and coalesce(l.status, '') <> 'done')) then 1 else 0 end as i,
        case
          when l.status = 'done' then case when l.status_sent_at >= tt.e then 1 else 0 end
          when tt.p = 1 then 3
          when l.status is null or l.status = 'not_started' then 4
          else 2
        end as cat
      from assignments a
      join tt on tt.id = a.task_id
      left join assignment_latest l on l.assignment_id = a.id
      where a.retired_at is null and a.agency_id >= ${range.fromAgencyId}
        ${range.toAgencyId === null ? sql`` : sql`and a.agency_id < ${range.toAgencyId}`}
        and ${assignmentValidAt(range.validAt, "a")}
        and (l.reported_at is null or l.reported_at < ${terms.until.toISOString()})
    )`;
}

const OWED = sql<boolean>`y = 1 and (nd = 1 or u = 1)`;
const STALE = (terms: CountTerms) =>
  sql<boolean>`y = 1 and nd = 1 and (ra is null or ra < ${terms.staleBefore})`;

// The chat's counts read each assignment as one code, and JavaScript tallies the codes: SQLite spent
// more evaluating nine filtered aggregates per row than finding the row. A code is
// ((task class × 3 + status class) × 2 + updated in the period) × 2 + stale-if-open, where the task
// class is owes (4) + carried while unfinished (2) + past due (1), of the live tasks not dormant
// (a dormant task puts nothing in scope), and the status class is below.
const STATUS_CLASS = { other: 0, done: 1, blocked: 2 } as const;
// One printable character per code (96 codes), so each is one byte in SQLite's text.
const CODE_OFFSET = 32;
const CODES = 96;

/** Each code's verdicts, as the rules of assess() give them (the SQL of assessed() above, r). */
const VERDICTS = Array.from({ length: CODES }, (_, code) => {
  const stale = code & 1;
  const updated = (code >> 1) & 1;
  const status = Math.floor(code / 4) % 3;
  const taskClass = Math.floor(code / 12);
  const [owes, carried, pastDue] = [(taskClass >> 2) & 1, (taskClass >> 1) & 1, taskClass & 1];
  const open = status === STATUS_CLASS.done ? 0 : 1;
  const inScope = owes | updated | (carried & open);
  return {
    inScope,
    owed: owes & (open | updated),
    updated,
    missing: owes & open & (1 - updated),
    blocked: inScope & (status === STATUS_CLASS.blocked ? 1 : 0),
    overdue: inScope & open & pastDue,
    stale: owes & open & stale,
  };
});

type Counts = Omit<AgencyTally, "oldestBlockedAt" | "oldestOverdueDue">;
const { oldestBlockedAt: _blocked, oldestOverdueDue: _overdue, ...ZERO_COUNTS } = NO_TALLY;

/** An agency's counts from its assignments' codes. */
function countsOf(agencyId: number, codes: string): Counts {
  const tally: Counts = { ...ZERO_COUNTS, agencyId };
  for (let index = 0; index < codes.length; index++) {
    const verdicts = VERDICTS[codes.charCodeAt(index) - CODE_OFFSET];
    if (verdicts === undefined) throw new Error(`no verdicts for code ${codes.charCodeAt(index)}`);
    tally.inScope += verdicts.inScope;
    tally.owed += verdicts.owed;
    tally.updated += verdicts.updated;
    tally.missing += verdicts.missing;
    tally.blocked += verdicts.blocked;
    tally.overdue += verdicts.overdue;
    tally.stale += verdicts.stale;
  }
  return tally;
}

/**
 * Per agency of a range (or a set) leading a live assignment: the counts who-is-behind orders
 * agencies by, as of `until`, from each settled assignment's latest facts. The agencies come in index
 * order, so SQLite groups them as it reads them.
 */
export async function agencyCounts(
  db: Db,
  terms: CountTerms,
  scope: AgencyRange | AgencySet,
): Promise<AgencyTally[]> {
  const updated = updatedIn(terms.periodKey);
  const code = sql`${sql.lit(CODE_OFFSET)} + ((tt.tc * 3 + case l.status
      when 'done' then ${sql.lit(STATUS_CLASS.done)} when 'blocked' then ${sql.lit(STATUS_CLASS.blocked)}
      else ${sql.lit(STATUS_CLASS.other)} end) * 2 + ${updated}) * 2
    + case when l.reported_at is null or l.reported_at < ${terms.staleBefore} then 1 else 0 end`;
  const codes = isPostgres(db) ? sql`string_agg(chr(${code}), '')` : sql`group_concat(char(${code}), '')`;
  // In scope when open (blocked, overdue): owes, carried (task class 2 and up) or updated.
  const openInScope = sql`(tt.tc >= 2 or ${updated} = 1)`;
  const result = await sql<{
    agency_id: number;
    codes: string;
    oldest_blocked_at: string | null;
    oldest_overdue_due: string | null;
  }>`
    with tt as materialized (
      select t.id, t.due_date,
        case when ${inList(sql`t.id`, terms.owingTaskIds)} then 4 else 0 end
        + case when t.due_date < ${terms.yearStart} then 2 else 0 end
        + case when ${inList(sql`t.due_date`, terms.pastDueDates)} then 1 else 0 end as tc
      from tasks t
      where t.retired_at is null and t.dormant = 0 and ${taskReportsIn(terms.periodKey, "t.id")}
        ${terms.planId === undefined ? sql`` : sql`and t.plan_id = ${terms.planId}`}
    )
    select a.agency_id, ${codes} as codes,
      min(l.status_sent_at) filter (where l.status = 'blocked' and ${openInScope}) as oldest_blocked_at,
      min(tt.due_date) filter (where tt.tc % 2 = 1 and coalesce(l.status, '') <> 'done' and ${openInScope})
        as oldest_overdue_due
    from assignments a
    join tt on tt.id = a.task_id
    left join assignment_latest l on l.assignment_id = a.id
    where a.retired_at is null and ${agencyCondition(scope)}
      and ${assignmentValidAt(scope.validAt, "a")}
      and (l.reported_at is null or l.reported_at < ${terms.until.toISOString()})
    group by a.agency_id`.execute(db);
  return result.rows.map((row) => ({
    ...countsOf(row.agency_id, row.codes),
    oldestBlockedAt: row.oldest_blocked_at,
    oldestOverdueDue: row.oldest_overdue_due,
  }));
}

/** The verdicts of an assignment in scope, one bit each, below its category (PackedAssessed). */
export const ASSESSED_FLAGS = { owed: 1, updated: 2, stale: 4 } as const;
/** PackedAssessed's verdicts: its category's index in domain CATEGORIES times this, plus ASSESSED_FLAGS. */
export const CATEGORY_FACTOR = 8;

/**
 * An assignment as SQL assessed it, packed: its id, its task's, and its verdicts (category and
 * flags in one integer); then, only where an item shows them, the obstacle and when it was sent
 * (blocked, else null), the status and progress (overdue, else null), and the last report (stale,
 * else null; null too for never).
 */
export type PackedAssessed =
  | [assignmentId: number, taskId: number, verdicts: number]
  | [assignmentId: number, taskId: number, verdicts: number, ...ShownFacts];

/** What an assignment's items show of its statuses (PackedAssessed). */
export type ShownFacts = [
  blocker: string | null,
  blockedSince: string | null,
  overdueStatus: UpdateStatus | null,
  overdueProgress: number | null,
  lastReportedAt: string | null,
];

/** The assessed assignments of one agency, in no particular order. */
export interface AgencyAssessed {
  agencyId: number;
  assignments: PackedAssessed[];
}

const flag = (condition: RawBuilder<boolean>, bit: number) =>
  sql`case when ${condition} then ${sql.lit(bit)} else 0 end`;

/**
 * The settled assignments of a range in scope as of `until`, assessed from their latest facts: one
 * row per agency, its assignments packed in JSON (an object per assignment cost more than SQLite
 * spent assessing it). Three integers for most; the item facts only where an item shows them.
 */
export async function assessedAssignments(
  db: Db,
  terms: CountTerms,
  range: AgencyRange,
): Promise<AgencyAssessed[]> {
  const verdicts = sql`cat * ${sql.lit(CATEGORY_FACTOR)} + ${flag(OWED, ASSESSED_FLAGS.owed)}
    + ${flag(sql`u = 1`, ASSESSED_FLAGS.updated)} + ${flag(STALE(terms), ASSESSED_FLAGS.stale)}`;
  const shown = sql<boolean>`s = 'blocked' or cat = 3 or ${STALE(terms)}`;
  const items = sql`id, task_id, ${verdicts},
    case when s = 'blocked' then b end, case when s = 'blocked' then ss end,
    case when cat = 3 then s end, case when cat = 3 then pr end, case when ${STALE(terms)} then ra end`;
  const packed = isPostgres(db)
    ? sql`json_agg(case when ${shown} then json_build_array(${items})
        else json_build_array(id, task_id, ${verdicts}) end)`
    : sql`json_group_array(case when ${shown} then json_array(${items})
        else json_array(id, task_id, ${verdicts}) end)`;
  // JSON text on SQLite; PostgreSQL's driver hands json already parsed.
  const { rows } = await sql<{ agencyId: number; assignments: string | PackedAssessed[] }>`
    ${assessed(terms, range)}
    select agency_id as "agencyId", ${packed} as "assignments"
    from r
    where i = 1
    group by agency_id`.execute(db);
  return rows.map(({ agencyId, assignments }) => ({
    agencyId,
    assignments:
      typeof assignments === "string" ? (JSON.parse(assignments) as PackedAssessed[]) : assignments,
  }));
}

/**
 * The assignments that sent something at or after `until` (their latest facts are not as of it): a
 * seek on assignment_latest(reported_at) (migration 0013), and none at all when asking about now.
 */
export async function unsettledAssignments(db: Db, until: Date): Promise<number[]> {
  const rows = await db
    .selectFrom("assignment_latest")
    .select("assignment_id")
    .where("reported_at", ">=", until.toISOString())
    .execute();
  return rows.map((row) => row.assignment_id);
}
