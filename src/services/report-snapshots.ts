// The assignments as the quarter's report reads them (README: speed at a country's scale): the rules'
// facts, the whole update each row shows, and the effective updates per counted period. A period
// still running reads each range of assignments in one statement (store/report-facts.ts); the few
// assignments that sent something at or after the instant, and every one of an ended period (read
// as of its deadline), come from their facts as of the instant and their updates by id.
import type { Db } from "../db/database.ts";
import type { AssignmentFacts, UpdateFacts } from "../domain/assignment-status.ts";
import type { ReportSnapshot } from "../domain/quarter-report.ts";
import type { LatestUpdate } from "../domain/update-history.ts";
import { FIRST_COUNT, type PackedReportFacts, reportFactsOfRange } from "../store/report-facts.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";
import {
  assignmentRanges,
  type FactsWithIds,
  factsAsOf,
  factsItem,
  inPlanOrder,
  inSlices,
  loadInPlanOrder,
  loadPlanData,
  type SnapshotQuery,
  wholeUpdates,
} from "./period-snapshot.ts";

type Loaded = { snapshots: ReportSnapshot[]; counts: Map<number, readonly number[]> };

/** An assignment's facts with the update its row shows; field by field: a spread costs as much again. */
function reportSnapshot(facts: AssignmentFacts, shown: UpdateFacts | null): ReportSnapshot {
  return {
    assignmentId: facts.assignmentId,
    taskId: facts.taskId,
    taskCode: facts.taskCode,
    taskTitle: facts.taskTitle,
    plan: facts.plan,
    agencyId: facts.agencyId,
    agencyCode: facts.agencyCode,
    agencyName: facts.agencyName,
    agencyKind: facts.agencyKind,
    activeYears: facts.activeYears,
    dueDate: facts.dueDate,
    dormant: facts.dormant,
    latestStatus: facts.latestStatus,
    latestInPeriod: facts.latestInPeriod,
    lastReportedAt: facts.lastReportedAt,
    shown,
  };
}

/** The update a row shows: the period's latest, else the latest status. */
const shownOf = (facts: Pick<FactsWithIds, "latestInPeriod" | "latestStatus">): LatestUpdate | null =>
  facts.latestInPeriod ?? facts.latestStatus;

/** Every assignment read as of `until` from its facts, and the updates its rows show by id. */
async function asOfSnapshots(
  db: Db,
  query: SnapshotQuery & { yieldPoint: YieldPoint },
  periodKeys: readonly string[],
): Promise<Loaded> {
  const { items, counts } = await loadInPlanOrder(db, query, periodKeys);
  const updates = await wholeUpdates(
    db,
    items.map((item) => shownOf(item)?.updateId),
    query.yieldPoint,
  );
  const snapshots: ReportSnapshot[] = [];
  await inSlices(items, query.yieldPoint, (slice) => {
    for (const item of slice) {
      const shown = shownOf(item);
      snapshots.push(reportSnapshot(item, shown === null ? null : (updates.get(shown.updateId) ?? null)));
    }
  });
  return { snapshots, counts };
}

/** What a packed row says was reported: its latest facts, as of now. */
function reportedOf(
  row: PackedReportFacts,
): Pick<AssignmentFacts, "latestStatus" | "latestInPeriod" | "lastReportedAt"> {
  const [, , , status, progress, blocker, sentAt, lastReportedAt, periodSentAt] = row;
  return {
    latestStatus: sentAt === null ? null : { status, progress, blocker, sentAt },
    latestInPeriod: periodSentAt === null ? null : { sentAt: periodSentAt },
    lastReportedAt,
  };
}

/** The whole update a packed row shows, null for none. */
function shownIn(row: PackedReportFacts): UpdateFacts | null {
  const sentAt = row[13];
  const periodKey = row[14];
  const rawText = row[16];
  if (sentAt === null || periodKey === null || rawText === null) return null;
  return {
    status: row[9],
    progress: row[10],
    blocker: row[11],
    eta: row[12],
    sentAt,
    periodKey,
    personName: row[15],
    rawText,
  };
}

/** A packed row's counts per counted period, null when it has no update in any (FIRST_COUNT). */
function countsIn(row: PackedReportFacts, periods: number): number[] | null {
  let counts: number[] | null = null;
  for (let index = 0; index < periods; index++) {
    const count = row[FIRST_COUNT + index] as number | null | undefined;
    if (count === null || count === undefined) continue;
    counts ??= new Array<number>(periods).fill(0);
    counts[index] = count;
  }
  return counts;
}

/**
 * A running period's assignments, a range at a time in one statement; those that sent something at
 * or after `until` read as of it instead, with their counts from their history where it straddles.
 */
async function packedSnapshots(
  db: Db,
  query: SnapshotQuery & { yieldPoint: YieldPoint },
  periodKeys: readonly string[],
): Promise<Loaded> {
  const plan = await loadPlanData(db, query);
  const loaded: Loaded = { snapshots: [], counts: new Map() };
  const until = query.until.toISOString();
  for await (const range of assignmentRanges(db, query)) {
    const rows = await reportFactsOfRange(db, range, query.periodKey, periodKeys, query.until);
    const unsettled = rows.flatMap(([assignmentId, , , , , , , reportedAt]) =>
      reportedAt !== null && reportedAt >= until ? [assignmentId] : [],
    );
    const asOf = await factsAsOf(db, unsettled, query);
    const updates = await wholeUpdates(
      db,
      [...asOf.values()].map((facts) => shownOf(facts)?.updateId),
      query.yieldPoint,
    );
    for (const row of rows) {
      const [assignmentId, taskId, agencyId] = row;
      const task = plan.taskById.get(taskId);
      const agency = plan.agencyById.get(agencyId);
      if (!task || !agency) continue;
      const own = asOf.get(assignmentId);
      if (own === undefined) {
        loaded.snapshots.push(
          reportSnapshot(factsItem(assignmentId, task, agency, reportedOf(row)), shownIn(row)),
        );
      } else {
        const update = shownOf(own);
        const whole = update === null ? null : (updates.get(update.updateId) ?? null);
        loaded.snapshots.push(reportSnapshot(factsItem(assignmentId, task, agency, own), whole));
      }
      // From the periods' facts, but those read from their history: counted from it already.
      const ownCounts = own?.counts;
      const counts = ownCounts
        ? periodKeys.map((key) => ownCounts.get(key) ?? 0)
        : countsIn(row, periodKeys.length);
      if (counts) loaded.counts.set(assignmentId, counts);
    }
    await query.yieldPoint();
  }
  return { snapshots: inPlanOrder(loaded.snapshots, plan.tasks), counts: loaded.counts };
}

/**
 * The assignments as the report reads them, with the one update each row shows, and how many
 * effective updates each assignment got in each of `periodKeys` before `until`, in their order.
 */
export async function loadReportSnapshots(
  db: Db,
  query: SnapshotQuery,
  periodKeys: readonly string[],
): Promise<Loaded> {
  const yieldPoint = query.yieldPoint ?? createYieldPoint();
  const read = query.readAsOf ? asOfSnapshots : packedSnapshots;
  return read(db, { ...query, yieldPoint }, periodKeys);
}
