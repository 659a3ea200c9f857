// Who is behind counted per agency in SQL, from the assignments' latest facts (migration 0008): the
// chat's pages order every agency by these counts without loading 50,000 assignments. The rules are
// those of domain/behind.ts (assess), given here per task by the caller; a test holds the two to the
// same counts on random histories (test/services/behind-page.equivalence.test.ts).
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../db/database.ts";
import { assignmentValidAt } from "./assignments.ts";

/** What the rules say of each live task for the period, computed by the caller from the domain. */
export interface CountTerms {
  periodKey: string;
  /** Statuses as of this instant; an assignment with anything sent at or after it is "unsettled". */
  until: Date;
  /** Tasks active in the period's year and not dormant: they owe an update. */
  owingTaskIds: readonly number[];
  /** Due dates before the period's year start ("YYYY-01-01"): unfinished, still in scope. */
  yearStart: string;
  /** Due dates that had ended by `until`. */
  pastDueDates: readonly string[];
  /** Open assignments with nothing sent since this instant (ISO) are stale; "" for none. */
  staleBefore: string;
}

export interface AgencyCountRow {
  agencyId: number;
  /** Assignments in scope: none, and the agency is not in the report. */
  inScope: number;
  owed: number;
  updated: number;
  missing: number;
  blocked: number;
  overdue: number;
  stale: number;
  /** sent_at of the longest-blocked task's status, and the earliest due date of an overdue task. */
  oldestBlockedAt: string | null;
  oldestOverdueDue: string | null;
  /** Assignments with something sent at or after `until`: their latest facts are not as of it. */
  unsettled: number;
}

/** The assignments of the agencies fromAgencyId … toAgencyId (exclusive; null: no end). */
export interface AgencyRange {
  fromAgencyId: number;
  toAgencyId: number | null;
  /** Only the assignments in charge just before this instant (assignmentValidAt: mergers). */
  validAt: Date;
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

const count = (condition: RawBuilder<boolean>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

/**
 * Per agency of a range leading a live assignment: the counts who-is-behind orders agencies by, as
 * of `until`, from each assignment's latest facts. Those are right only for assignments that sent
 * nothing at or after `until`; `unsettled` counts the others, and the caller counts otherwise then.
 * The agencies come in index order, so SQLite groups them as it reads them.
 */
export async function agencyCounts(db: Db, terms: CountTerms, range: AgencyRange): Promise<AgencyCountRow[]> {
  // Per task once (materialized): owes (y), carried while unfinished (c), dormant (k), past due (p).
  const result = await sql<{
    agency_id: number;
    in_scope: number;
    owed: number;
    updated: number;
    missing: number;
    blocked: number;
    overdue: number;
    stale: number;
    oldest_blocked_at: string | null;
    oldest_overdue_due: string | null;
    unsettled: number;
  }>`
    with tt as materialized (
      select t.id, t.due_date,
        case when ${inList(sql`t.id`, terms.owingTaskIds)} then 1 else 0 end as y,
        case when t.dormant = 0 and t.due_date < ${terms.yearStart} then 1 else 0 end as c,
        t.dormant as k,
        case when ${inList(sql`t.due_date`, terms.pastDueDates)} then 1 else 0 end as p
      from tasks t
      where t.retired_at is null
    ),
    r as (
      select a.agency_id, tt.due_date, tt.y, tt.p, l.status as s, l.status_sent_at as ss,
        l.reported_at as ra,
        case when f.last_update_id is not null then 1 else 0 end as u,
        case when coalesce(l.status, '') <> 'done' then 1 else 0 end as nd,
        case when tt.k = 0 and (tt.y = 1 or f.last_update_id is not null
          or (tt.c = 1 and coalesce(l.status, '') <> 'done')) then 1 else 0 end as i
      from assignments a
      join tt on tt.id = a.task_id
      left join assignment_latest l on l.assignment_id = a.id
      left join assignment_period_facts f on f.assignment_id = a.id and f.period_key = ${terms.periodKey}
      where a.retired_at is null and a.agency_id >= ${range.fromAgencyId}
        ${range.toAgencyId === null ? sql`` : sql`and a.agency_id < ${range.toAgencyId}`}
        and ${assignmentValidAt(range.validAt, "a")}
    )
    select agency_id,
      ${count(sql`i = 1`)} as in_scope,
      ${count(sql`y = 1 and (nd = 1 or u = 1)`)} as owed,
      ${count(sql`i = 1 and u = 1`)} as updated,
      ${count(sql`y = 1 and nd = 1 and u = 0`)} as missing,
      ${count(sql`i = 1 and s = 'blocked'`)} as blocked,
      ${count(sql`i = 1 and nd = 1 and p = 1`)} as overdue,
      ${count(sql`y = 1 and nd = 1 and (ra is null or ra < ${terms.staleBefore})`)} as stale,
      min(case when i = 1 and s = 'blocked' then ss end) as oldest_blocked_at,
      min(case when i = 1 and nd = 1 and p = 1 then due_date end) as oldest_overdue_due,
      ${count(sql`ra >= ${terms.until.toISOString()}`)} as unsettled
    from r
    group by agency_id`.execute(db);
  return result.rows.map((row) => ({
    agencyId: row.agency_id,
    inScope: Number(row.in_scope),
    owed: Number(row.owed),
    updated: Number(row.updated),
    missing: Number(row.missing),
    blocked: Number(row.blocked),
    overdue: Number(row.overdue),
    stale: Number(row.stale),
    oldestBlockedAt: row.oldest_blocked_at,
    oldestOverdueDue: row.oldest_overdue_due,
    unsettled: Number(row.unsettled),
  }));
}
