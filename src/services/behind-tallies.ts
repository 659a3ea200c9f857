// Who is behind's counts per agency (store/behind-counts.ts), kept between questions on SQLite
// (README: speed at a country's scale): counting the whole country reads every assignment, and
// between two questions few agencies change. A kept count stands for as long as what it was made from
// holds, and only the agencies something may have moved are counted again:
// - the terms (period, plan, the live tasks and what the rules say of them, the stale threshold) are
//   its key;
// - a write to the assignments, the tasks or the plans on this connection, and any commit of another connection
//   (SQLite's data_version), count everything again, and so does asking about an earlier instant;
// - an assignment's facts change only with an update appended to its history, in the same
//   transaction (store/assignment-facts.ts): the agencies of the updates stored since, and of the
//   earlier rows of their messages (an edit moves updates), are counted again;
// - time: so are the agencies with a last report between the two questions' stale thresholds or
//   their instants (settled since), or a window of their own opening or ending between them.
// PostgreSQL is written by other processes unseen, so it counts everything every time.
import type { Db } from "../db/database.ts";
import { statementMonitorOf } from "../db/sqlite-dialect.ts";
import type { AgencyTally } from "../domain/behind-page.ts";
import type { SnapshotTask } from "../store/assignments.ts";
import {
  type AssignmentWindow,
  agenciesReportedWithin,
  agenciesUpdatedAfter,
  assignmentWindows,
  dataVersion,
  lastUpdateId,
} from "../store/behind-changes.ts";
import { agencyCounts, agencyRanges, type CountTerms } from "../store/behind-counts.ts";
import type { YieldPoint } from "../yield-point.ts";

// Assignments per counting statement: a few milliseconds each, with a turn for the loop between.
const COUNT_RANGE = 10_000;
// Agencies per statement when counting some again.
const AGENCY_BATCH = 500;
// More agencies to count again than this share of those kept (and a batch), and counting all is cheaper.
const RECOUNT_SHARE = 0.25;
// Kept counts per database: a period and plan a coordinator asks about, and the ones before.
const KEPT = 4;

/** What the counts were made from, beside the key. */
interface Made {
  /** Bumped by every write on this connection that may move counts (Watched). */
  generation: number;
  dataVersion: number;
  lastUpdateId: number;
  until: string;
  staleBefore: string;
}

interface Kept extends Made {
  key: string;
  tallies: Map<number, AgencyTally>;
  windows: AssignmentWindow[];
}

interface Watched {
  generation: number;
  kept: Kept[];
}

// A write's statement, and the table it writes.
const WRITE = /^\s*(insert|replace|update|delete)\s+(?:or\s+\w+\s+)?(?:into\s+|from\s+)?"?(\w+)"?/i;
const OTHER_WRITE = /^\s*(create|drop|alter)\b|^\s*with\b[\s\S]*\b(insert|update|delete|replace)\b/i;
// Inserted with every update: seen through the updates' ids (agenciesUpdatedAfter).
const APPENDED = new Set(["status_updates", "assignment_period_facts", "assignment_latest"]);
// Read by the counts (plans: when each starts reporting, taskReportsIn).
const COUNTED = new Set(["assignments", "tasks", "plans"]);

/** Whether a statement may move counts in a way the updates' ids do not tell. */
export function movesCounts(statement: string): boolean {
  const write = WRITE.exec(statement);
  if (write === null) return OTHER_WRITE.test(statement);
  const [, verb = "", table = ""] = write;
  const inserts = verb.toLowerCase() === "insert";
  return COUNTED.has(table) || (APPENDED.has(table) && !inserts);
}

// Per database adapter (a transaction shares its database's).
const watched = new WeakMap<object, Watched>();

/** The counts kept for a database, watching its connection from the first question; null on PostgreSQL. */
function watchedOf(db: Db): Watched | null {
  const adapter = db.getExecutor().adapter;
  const known = watched.get(adapter);
  if (known !== undefined) return known;
  const monitor = statementMonitorOf(adapter);
  if (monitor === undefined) return null;
  const state: Watched = { generation: 0, kept: [] };
  monitor.watch((statement) => {
    if (movesCounts(statement)) state.generation++;
  });
  watched.set(adapter, state);
  return state;
}

// In agency id order, however they were counted: the order ties keep (orderAgencies).
const byAgencyId = (a: AgencyTally, b: AgencyTally) => a.agencyId - b.agencyId;

/** Every agency counted, a range of about COUNT_RANGE assignments at a time. */
async function countAll(db: Db, terms: CountTerms, yieldPoint: YieldPoint): Promise<AgencyTally[]> {
  const validAt = terms.until;
  const tallies: AgencyTally[] = [];
  for await (const range of agencyRanges(db, COUNT_RANGE)) {
    tallies.push(...(await agencyCounts(db, terms, { ...range, validAt })));
    await yieldPoint();
  }
  return tallies.sort(byAgencyId);
}

/** The agencies with a window of their own opening or ending at or after `from` and before `to`. */
function windowsCrossed(windows: readonly AssignmentWindow[], from: string, to: string): number[] {
  const within = (instant: string | null) => instant !== null && from <= instant && instant < to;
  return windows.filter((w) => within(w.activeFrom) || within(w.activeUntil)).map((w) => w.agencyId);
}

/**
 * The agencies the kept counts may no longer tell right, or null when they cannot be brought up to
 * date (made from something else, or asked about an earlier instant).
 */
async function changedSince(db: Db, kept: Kept, now: Made): Promise<Set<number> | null> {
  const sameSource = kept.generation === now.generation && kept.dataVersion === now.dataVersion;
  if (!sameSource || now.until < kept.until || now.staleBefore < kept.staleBefore) return null;
  return new Set([
    ...(await agenciesUpdatedAfter(db, kept.lastUpdateId)),
    ...(await agenciesReportedWithin(db, [
      [kept.staleBefore, now.staleBefore],
      [kept.until, now.until],
    ])),
    ...windowsCrossed(kept.windows, kept.until, now.until),
  ]);
}

/** The counts of some agencies again, replacing theirs. */
async function recount(
  db: Db,
  terms: CountTerms,
  kept: Kept,
  agencies: readonly number[],
  yieldPoint: YieldPoint,
): Promise<void> {
  for (let start = 0; start < agencies.length; start += AGENCY_BATCH) {
    const agencyIds = agencies.slice(start, start + AGENCY_BATCH);
    for (const agencyId of agencyIds) kept.tallies.delete(agencyId);
    for (const tally of await agencyCounts(db, terms, { agencyIds, validAt: terms.until })) {
      kept.tallies.set(tally.agencyId, tally);
    }
    await yieldPoint();
  }
}

/** What the counts are made from: the terms, the live tasks they were computed from, the stale threshold. */
export interface TallyQuestion {
  terms: CountTerms;
  tasks: readonly Pick<SnapshotTask, "id" | "dueDate" | "dormant">[];
  staleAfterDays: number;
}

/**
 * Every agency's counts for the question (agencyCounts over the whole country), in agency id order:
 * those kept for its terms brought up to date where they can be, else counted anew and kept.
 */
export async function agencyTallies(
  db: Db,
  question: TallyQuestion,
  yieldPoint: YieldPoint,
): Promise<AgencyTally[]> {
  const { terms } = question;
  const state = db.isTransaction ? null : watchedOf(db);
  if (state === null) return countAll(db, terms, yieldPoint);
  const key = keyOf(question);
  // Read before counting: whatever changes meanwhile is seen at the next question.
  const now: Made = {
    generation: state.generation,
    dataVersion: await dataVersion(db),
    lastUpdateId: await lastUpdateId(db),
    until: terms.until.toISOString(),
    staleBefore: terms.staleBefore,
  };
  const kept = state.kept.find((entry) => entry.key === key);
  const changed = kept === undefined ? null : await changedSince(db, kept, now);
  const recountAtMost = Math.max(AGENCY_BATCH, (kept?.tallies.size ?? 0) * RECOUNT_SHARE);
  if (kept !== undefined && changed !== null && changed.size <= recountAtMost) {
    await recount(db, terms, kept, [...changed], yieldPoint);
    Object.assign(kept, now);
    return [...kept.tallies.values()].sort(byAgencyId);
  }
  const windows = await assignmentWindows(db);
  const tallies = await countAll(db, terms, yieldPoint);
  const fresh: Kept = { ...now, key, windows, tallies: new Map(tallies.map((t) => [t.agencyId, t])) };
  state.kept = [fresh, ...state.kept.filter((entry) => entry.key !== key)].slice(0, KEPT);
  return tallies;
}

/** The key of kept counts: everything they are made from but the instant and the data. */
function keyOf({ terms, tasks, staleAfterDays }: TallyQuestion): string {
  const { periodKey, planId, owingTaskIds, yearStart, pastDueDates, dueEnds } = terms;
  return JSON.stringify({
    periodKey,
    planId,
    owingTaskIds,
    yearStart,
    pastDueDates,
    dueEnds,
    staleAfterDays,
    tasks: tasks.map((task) => [task.id, task.dueDate, task.dormant]),
  });
}
