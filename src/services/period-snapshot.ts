import type { Db } from "../db/database.ts";
import type { AssignmentFacts, AssignmentSnapshot, UpdateFacts } from "../domain/assignment-status.ts";
import { byVietnamese } from "../domain/collation.ts";
import { groupBy } from "../domain/group-by.ts";
import {
  type FactsAsOf,
  factsFromHistory,
  type LatestStatus,
  type LatestUpdate,
} from "../domain/update-history.ts";
import {
  type AssignmentRange,
  type AssignmentScope,
  assignmentIdSpan,
  type CurrentFactsRow,
  currentFactsOfRange,
  type FactsAsOfRow,
  factsAsOfInstant,
  updateCountsOfRange,
} from "../store/assignment-facts.ts";
import {
  liveTasksInPlanOrder,
  type SnapshotAgency,
  type SnapshotTask,
  snapshotAgencies,
} from "../store/assignments.ts";
import { historyBefore, updateFactsByIds } from "../store/status-updates.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";

export interface SnapshotQuery extends AssignmentScope {
  /** Statuses as of this instant: what was sent before it counts. */
  until: Date;
  /** The period whose updates make latestInPeriod. */
  periodKey: string;
  /**
   * Every assignment read as of `until` from its periods' facts, not from its latest facts: right
   * either way, and cheaper when most assignments sent something since (an ended period's deadline).
   */
  readAsOf?: boolean;
  /** Where the work gives the event loop a turn (README: never frozen); a fresh one by default. */
  yieldPoint?: YieldPoint;
}

// Assignment ids per statement: each stays a few milliseconds long, and the loop gets a turn between.
const RANGE = 1_000;
const SCOPED_RANGE = 10_000;
// Update ids per detail statement (well under SQLite's and PostgreSQL's parameter limits).
const ID_BATCH = 500;

/** An assignment's facts with the ids of the updates they point at (to fetch their words). */
export interface FactsWithIds extends AssignmentFacts {
  latestStatus: LatestStatus | null;
  latestInPeriod: LatestUpdate | null;
}

interface PlanData {
  /** Live tasks in plan order. */
  tasks: SnapshotTask[];
  taskById: Map<number, SnapshotTask>;
  agencyById: Map<number, SnapshotAgency>;
}

export async function loadPlanData(db: Db, query: SnapshotQuery): Promise<PlanData> {
  const scope = query.agencyId === undefined ? query.agencyIds : [query.agencyId];
  const tasks = await liveTasksInPlanOrder(db, {
    code: query.taskCode,
    agencyIds: scope,
    planId: query.planId,
  });
  const agencies = await snapshotAgencies(db, scope);
  return {
    tasks,
    taskById: new Map(tasks.map((task) => [task.id, task])),
    agencyById: new Map(agencies.map((agency) => [agency.id, agency])),
  };
}

/** The latest status a facts row points at, or null when the assignment never gave one. */
function latestStatusOf(
  row: Pick<CurrentFactsRow, "statusUpdateId" | "statusSentAt" | "status" | "progress" | "blocker">,
): LatestStatus | null {
  if (row.statusUpdateId === null || row.statusSentAt === null) return null;
  const { statusUpdateId: updateId, statusSentAt: sentAt, status, progress, blocker } = row;
  return { updateId, sentAt, status, progress, blocker };
}

/** The facts a row gives: the current ones, or those as of an instant (FactsAsOfRow). */
function factsOfRow(
  row: Omit<CurrentFactsRow, "assignmentId" | "taskId" | "agencyId">,
): Omit<FactsAsOf, "counts"> {
  return {
    latestStatus: latestStatusOf(row),
    latestInPeriod:
      row.periodUpdateId === null || row.periodSentAt === null
        ? null
        : { updateId: row.periodUpdateId, sentAt: row.periodSentAt },
    lastReportedAt: row.reportedAt,
  };
}

type Facts = Omit<FactsAsOf, "counts"> & { counts?: FactsAsOf["counts"] };

/**
 * The facts of assignments read as of `until` (factsAsOfInstant); those whose periods' updates
 * straddle the instant from their history before it, with their counts per period then.
 */
async function asOfFacts(
  db: Db,
  rows: readonly FactsAsOfRow[],
  query: Pick<SnapshotQuery, "until" | "periodKey">,
): Promise<Map<number, Facts>> {
  const facts = new Map<number, Facts>();
  const straddling: number[] = [];
  for (const row of rows) {
    if (row.straddling === 1) straddling.push(row.assignmentId);
    else facts.set(row.assignmentId, factsOfRow(row));
  }
  const history = groupBy(await historyBefore(db, straddling, query.until), (row) => row.assignmentId);
  for (const assignmentId of straddling) {
    facts.set(assignmentId, factsFromHistory(history.get(assignmentId) ?? [], query.periodKey));
  }
  return facts;
}

/**
 * A range's live assignments with their facts as of `until`: their latest facts, and for those that
 * sent something at or after `until` (a past period's deadline, an `--at` in the past) the facts read
 * as of it; or every one read as of it (readAsOf).
 */
async function factsOfRange(
  db: Db,
  range: AssignmentRange,
  query: SnapshotQuery,
): Promise<{ rows: CurrentFactsRow[]; asOf: Map<number, Facts> }> {
  if (query.readAsOf) {
    const rows = await factsAsOfInstant(db, range, query.periodKey, query.until);
    return { rows, asOf: await asOfFacts(db, rows, query) };
  }
  const rows = await currentFactsOfRange(db, range, query.periodKey);
  const until = query.until.toISOString();
  const unsettled = rows.flatMap((row) =>
    row.reportedAt !== null && row.reportedAt >= until ? [row.assignmentId] : [],
  );
  return { rows, asOf: await factsAsOf(db, unsettled, query) };
}

/**
 * Some assignments' facts as of `until`, read as who-is-behind reads them: the planner's, for those
 * that sent something after the instant it plans for (an overdue round caught up late).
 */
export async function factsAsOf(
  db: Db,
  assignmentIds: readonly number[],
  query: Pick<SnapshotQuery, "until" | "periodKey">,
): Promise<Map<number, Facts>> {
  return asOfFacts(db, await factsAsOfInstant(db, assignmentIds, query.periodKey, query.until), query);
}

interface Loaded {
  items: FactsWithIds[];
  /** Effective updates per assignment in each counted period, in their order. */
  counts: Map<number, readonly number[]>;
}

/** An assignment's facts from its task, its agency and what was reported on it (its plan named). */
export function factsItem<
  F extends Pick<AssignmentFacts, "latestStatus" | "latestInPeriod" | "lastReportedAt">,
>(
  assignmentId: number,
  task: SnapshotTask,
  agency: SnapshotAgency,
  facts: F,
): AssignmentFacts & Pick<F, "latestStatus" | "latestInPeriod"> {
  return {
    assignmentId,
    taskId: task.id,
    taskCode: task.code,
    taskTitle: task.title,
    plan: task.plan,
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyName: agency.name,
    agencyKind: agency.kind,
    activeYears: task.activeYears,
    dueDate: task.dueDate,
    dormant: task.dormant,
    latestStatus: facts.latestStatus,
    latestInPeriod: facts.latestInPeriod,
    lastReportedAt: facts.lastReportedAt,
  };
}

/**
 * The ranges of assignment ids a question reads, one short statement each (wider when a scope
 * filters them); none when the scope is empty.
 */
export async function* assignmentRanges(db: Db, query: SnapshotQuery): AsyncGenerator<AssignmentRange> {
  const span = await assignmentIdSpan(db);
  if (span === null || query.agencyIds?.length === 0 || query.assignmentIds?.length === 0) return;
  // A few agencies' or one task's assignments: wider ranges, as few rows of each match.
  const scoped =
    query.agencyId !== undefined ||
    query.agencyIds !== undefined ||
    query.assignmentIds !== undefined ||
    query.taskCode !== undefined;
  const step = scoped ? SCOPED_RANGE : RANGE;
  for (let fromId = span.min; fromId <= span.max; fromId += step) {
    yield {
      fromId,
      toId: fromId + step,
      validAt: query.until,
      periodKey: query.periodKey,
      agencyId: query.agencyId,
      agencyIds: query.agencyIds,
      assignmentIds: query.assignmentIds,
      taskCode: query.taskCode,
      planId: query.planId,
    };
  }
}

/**
 * The live assignments in scope with their facts as of `until`, a range of ids at a time, and, for
 * `countedPeriods`, how many effective updates each got in each.
 */
async function loadFacts(
  db: Db,
  query: SnapshotQuery & { yieldPoint: YieldPoint },
  plan: PlanData,
  countedPeriods: readonly string[],
): Promise<Loaded> {
  const loaded: Loaded = { items: [], counts: new Map() };
  for await (const range of assignmentRanges(db, query)) {
    const { rows, asOf } = await factsOfRange(db, range, query);
    for (const row of rows) {
      const task = plan.taskById.get(row.taskId);
      const agency = plan.agencyById.get(row.agencyId);
      if (!task || !agency) continue;
      loaded.items.push(
        factsItem(row.assignmentId, task, agency, asOf.get(row.assignmentId) ?? factsOfRow(row)),
      );
    }
    if (countedPeriods.length > 0) {
      // From the periods' facts, but those read from their history: counted from it already.
      const counted = await updateCountsOfRange(db, range, countedPeriods, query.until);
      for (const row of rows) {
        const own = asOf.get(row.assignmentId)?.counts;
        const periods = own ? countedPeriods.map((key) => own.get(key) ?? 0) : counted.get(row.assignmentId);
        if (periods) loaded.counts.set(row.assignmentId, periods);
      }
    }
    await query.yieldPoint();
  }
  return loaded;
}

/**
 * Plan order, and each task's lead agencies in Vietnamese order: SQLite's ORDER BY compares code
 * points, which puts "Đức Cơ" after "Ia Grai". The few distinct names are collated once, and each
 * item's rank is looked up once: the sort then compares numbers (50,000 items at country scale).
 */
export function inPlanOrder<T extends { taskId: number; agencyName: string; assignmentId: number }>(
  items: readonly T[],
  tasks: readonly SnapshotTask[],
): T[] {
  const names = [...new Set(items.map((item) => item.agencyName))].sort(byVietnamese);
  const nameRank = new Map(names.map((name, index) => [name, index]));
  const taskIndex = new Map(tasks.map((task, index) => [task.id, index]));
  const byTask: number[][] = tasks.map(() => []);
  const rank = new Float64Array(items.length);
  items.forEach((item, index) => {
    const task = taskIndex.get(item.taskId);
    if (task === undefined) return;
    rank[index] = nameRank.get(item.agencyName) ?? 0;
    byTask[task]?.push(index);
  });
  const id = (index: number) => (items[index] as T).assignmentId;
  return byTask.flatMap((indexes) =>
    indexes
      .sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0) || id(a) - id(b))
      .map((index) => items[index] as T),
  );
}

/**
 * The live assignments in scope with their facts as of `until`, in plan order, and for
 * `countedPeriods` their effective updates in each (none: no entry).
 */
export async function loadInPlanOrder(
  db: Db,
  query: SnapshotQuery & { yieldPoint: YieldPoint },
  countedPeriods: readonly string[],
): Promise<Loaded> {
  const plan = await loadPlanData(db, query);
  const loaded = await loadFacts(db, query, plan, countedPeriods);
  return { items: inPlanOrder(loaded.items, plan.tasks), counts: loaded.counts };
}

/**
 * Every live assignment in scope with what the rules need of what was reported up to `until`, for
 * the period `periodKey`, in plan order: who-is-behind at country scale reads no update's words.
 */
export async function loadAssignmentFacts(db: Db, query: SnapshotQuery): Promise<AssignmentFacts[]> {
  const yieldPoint = query.yieldPoint ?? createYieldPoint();
  return (await loadInPlanOrder(db, { ...query, yieldPoint }, [])).items;
}

/** The whole updates of some ids, a batch at a time. */
export async function wholeUpdates(
  db: Db,
  ids: Iterable<number | undefined>,
  yieldPoint: YieldPoint,
): Promise<Map<number, UpdateFacts>> {
  const wanted = [...new Set(ids)].filter((id): id is number => id !== undefined);
  const updates = new Map<number, UpdateFacts>();
  for (let start = 0; start < wanted.length; start += ID_BATCH) {
    for (const [id, facts] of await updateFactsByIds(db, wanted.slice(start, start + ID_BATCH))) {
      updates.set(id, facts);
    }
    await yieldPoint();
  }
  return updates;
}

/** Every live assignment in scope with the whole updates reported up to `until`, in plan order. */
export async function loadAssignmentSnapshots(db: Db, query: SnapshotQuery): Promise<AssignmentSnapshot[]> {
  const yieldPoint = query.yieldPoint ?? createYieldPoint();
  const { items } = await loadInPlanOrder(db, { ...query, yieldPoint }, []);
  const updates = await wholeUpdates(
    db,
    items.flatMap((item) => [item.latestStatus?.updateId, item.latestInPeriod?.updateId]),
    yieldPoint,
  );
  const whole = (update: LatestUpdate | null) =>
    update === null ? null : (updates.get(update.updateId) ?? null);
  return items.map((item) => ({
    ...item,
    latestStatus: whole(item.latestStatus),
    latestInPeriod: whole(item.latestInPeriod),
  }));
}

// Assignments per synchronous slice of rule work (a few milliseconds each).
const SLICE = 1_000;

/** Hands `items` to `take` a slice at a time, giving the event loop a turn between slices. */
export async function inSlices<T>(
  items: readonly T[],
  yieldPoint: YieldPoint,
  take: (slice: readonly T[]) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += SLICE) {
    take(items.slice(start, start + SLICE));
    await yieldPoint();
  }
}
