import type { Db } from "../db/database.ts";
import type { AssignmentSnapshot } from "../domain/assignment-status.ts";
import { asOfInstant, type BehindReport, behindTally, whoIsBehind } from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";
import {
  inSlices,
  loadAssignmentFacts,
  loadAssignmentSnapshots,
  type SnapshotQuery,
} from "./period-snapshot.ts";
import { resolvePeriod } from "./reporting-period.ts";

export interface BehindQuery {
  at: Date;
  /** A period key; the period containing `at` when omitted. */
  quarter?: string;
  zone: string;
  staleAfterDays: number;
  agencyId?: number;
  taskCode?: string;
  /** Where the work gives the event loop a turn (README: never frozen); a fresh one by default. */
  yieldPoint?: YieldPoint;
}

/** The period asked about, and what to load for it: what was reported up to asOfInstant. */
export async function snapshotQuery(
  db: Db,
  query: BehindQuery,
): Promise<{ period: ReportingPeriod } & SnapshotQuery & { yieldPoint: YieldPoint }> {
  const period = await resolvePeriod(db, query.zone, query.quarter, query.at);
  return {
    period,
    // What was reported up to asOfInstant: the deadline, for a period that has ended.
    until: asOfInstant(period, query.at),
    periodKey: period.key,
    agencyId: query.agencyId,
    taskCode: query.taskCode,
    yieldPoint: query.yieldPoint ?? createYieldPoint(),
  };
}

export function optionsOf(period: ReportingPeriod, query: BehindQuery) {
  return { period, at: query.at, zone: query.zone, staleAfterDays: query.staleAfterDays };
}

/**
 * Who is behind for a period at an instant, the whole report, from the assignments' facts (throws
 * PeriodError): what the CLI prints. Gives the event loop a turn between its statements.
 */
export async function loadBehindReport(
  db: Db,
  query: BehindQuery,
): Promise<{ period: ReportingPeriod; report: BehindReport }> {
  const { period, ...snapshot } = await snapshotQuery(db, query);
  const facts = await loadAssignmentFacts(db, snapshot);
  const tally = behindTally(optionsOf(period, query));
  await inSlices(facts, snapshot.yieldPoint, tally.add);
  return { period, report: tally.report() };
}

/**
 * The same with the whole snapshots behind it, for answers that show the updates' words: meant for
 * one agency or one task (agencyId, taskCode).
 */
export async function loadBehind(
  db: Db,
  query: BehindQuery,
): Promise<{ period: ReportingPeriod; report: BehindReport; snapshots: AssignmentSnapshot[] }> {
  const { period, ...snapshot } = await snapshotQuery(db, query);
  const snapshots = await loadAssignmentSnapshots(db, snapshot);
  return { period, report: whoIsBehind(snapshots, optionsOf(period, query)), snapshots };
}
