// What an assignment's stored updates come to as of an instant (README: status updates): the latest
// status, the latest update of the period asked about, when anything was last sent, and how many
// updates each period got. Only the latest revision of a message counts ("effective"); later means a
// later sent_at, then a higher id. Pure: the rows are given.
import type { UpdateStatus } from "./vocabulary.ts";

/** One stored update as these rules read it. */
export interface HistoryRow {
  id: number;
  assignmentId: number;
  periodKey: string;
  sentAt: string;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  /** Not superseded by a later revision of its message. */
  effective: boolean;
}

export interface LatestUpdate {
  updateId: number;
  sentAt: string;
}

export interface LatestStatus extends LatestUpdate {
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
}

/** What one assignment's updates in one period come to (a row of assignment_period_facts). */
export interface PeriodFacts {
  periodKey: string;
  latest: LatestUpdate | null;
  latestStatus: LatestStatus | null;
  /** Effective updates. */
  updateCount: number;
  /** The last sent_at of any row, superseded ones too. */
  reportedAt: string;
}

/** One assignment's updates sent before an instant. */
export interface FactsAsOf {
  latestStatus: LatestStatus | null;
  /** The latest effective update of the period asked about. */
  latestInPeriod: LatestUpdate | null;
  /** The last sent_at of any row (superseded ones too: something was reported then). */
  lastReportedAt: string | null;
  /** Effective updates per period key. */
  counts: Map<string, number>;
}

/** Whether `a` came after `b`: a later sent_at, then a higher id. */
export function isLater(a: LatestUpdate, b: LatestUpdate | null): boolean {
  if (b === null) return true;
  return a.sentAt > b.sentAt || (a.sentAt === b.sentAt && a.updateId > b.updateId);
}

function latestStatusOf(row: HistoryRow): LatestStatus {
  const { id, sentAt, status, progress, blocker } = row;
  return { updateId: id, sentAt, status, progress, blocker };
}

/** The facts of one period from its rows (one assignment, one period, at least one row). */
export function periodFactsOf(periodKey: string, rows: readonly HistoryRow[]): PeriodFacts {
  let latest: LatestUpdate | null = null;
  let latestStatus: LatestStatus | null = null;
  let updateCount = 0;
  let reportedAt = rows[0]?.sentAt ?? "";
  for (const row of rows) {
    if (row.sentAt > reportedAt) reportedAt = row.sentAt;
    if (!row.effective) continue;
    updateCount += 1;
    const update = { updateId: row.id, sentAt: row.sentAt };
    if (isLater(update, latest)) latest = update;
    if (row.status !== null && isLater(update, latestStatus)) latestStatus = latestStatusOf(row);
  }
  return { periodKey, latest, latestStatus, updateCount, reportedAt };
}

/** One assignment's facts from its periods' facts, every one of them sent wholly before the instant. */
export function factsAsOf(periods: readonly PeriodFacts[], periodKey: string): FactsAsOf {
  let latestStatus: LatestStatus | null = null;
  let latestInPeriod: LatestUpdate | null = null;
  let lastReportedAt: string | null = null;
  const counts = new Map<string, number>();
  for (const facts of periods) {
    if (facts.latestStatus !== null && isLater(facts.latestStatus, latestStatus)) {
      latestStatus = facts.latestStatus;
    }
    if (facts.periodKey === periodKey) latestInPeriod = facts.latest;
    if (lastReportedAt === null || facts.reportedAt > lastReportedAt) lastReportedAt = facts.reportedAt;
    counts.set(facts.periodKey, (counts.get(facts.periodKey) ?? 0) + facts.updateCount);
  }
  return { latestStatus, latestInPeriod, lastReportedAt, counts };
}

/** One assignment's facts from its rows sent before the instant (any periods). */
export function factsFromHistory(rows: readonly HistoryRow[], periodKey: string): FactsAsOf {
  const byPeriod = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    const list = byPeriod.get(row.periodKey);
    if (list) list.push(row);
    else byPeriod.set(row.periodKey, [row]);
  }
  return factsAsOf(
    [...byPeriod].map(([key, list]) => periodFactsOf(key, list)),
    periodKey,
  );
}
