import type { Db } from "../db/database.ts";
import type { AssignmentSnapshot } from "../domain/assignment-status.ts";
import {
  asOfInstant,
  type BehindOptions,
  type BehindReport,
  behindTally,
  whoIsBehind,
} from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { planCodesWithLiveTasks } from "../store/assignments.ts";
import { createYieldPoint, type YieldPoint } from "../yield-point.ts";
import { assessedInSql, UNSETTLED_AT_MOST } from "./behind-in-sql.ts";
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
  /** Only this plan's tasks (every plan's when undefined). */
  planId?: number;
  /** Where the work gives the event loop a turn (README: never frozen); a fresh one by default. */
  yieldPoint?: YieldPoint;
  /**
   * More assignments than this that sent something at or after the instant asked about, and the
   * whole country is assessed from its facts as of it (UNSETTLED_AT_MOST; tests take both ways).
   */
  unsettledAtMost?: number;
}

/**
 * The period asked about, the plans the answer covers, and what to load for it: what was reported
 * up to asOfInstant.
 */
export async function snapshotQuery(
  db: Db,
  query: BehindQuery,
): Promise<{ period: ReportingPeriod; plans: string[] } & SnapshotQuery & { yieldPoint: YieldPoint }> {
  const period = await resolvePeriod(db, query.zone, query.quarter, query.at);
  // What was reported up to asOfInstant: the deadline, for a period that has ended.
  const until = asOfInstant(period, query.at);
  return {
    period,
    plans: await planCodesWithLiveTasks(db, query.planId),
    until,
    periodKey: period.key,
    readAsOf: until.getTime() < query.at.getTime(),
    agencyId: query.agencyId,
    taskCode: query.taskCode,
    planId: query.planId,
    yieldPoint: query.yieldPoint ?? createYieldPoint(),
  };
}

export function optionsOf(
  period: ReportingPeriod,
  query: BehindQuery,
  plans: readonly string[],
): BehindOptions {
  return { period, at: query.at, zone: query.zone, staleAfterDays: query.staleAfterDays, plans };
}

/**
 * Who is behind for a period at an instant, the whole report (throws PeriodError): what the CLI
 * prints. The country's from SQL's verdicts when the latest facts are as of the instant, else from the
 * assignments' facts. Gives the event loop a turn between its statements.
 */
export async function loadBehindReport(
  db: Db,
  query: BehindQuery,
): Promise<{ period: ReportingPeriod; report: BehindReport }> {
  const { period, plans, ...snapshot } = await snapshotQuery(db, query);
  const options = optionsOf(period, query, plans);
  const tally = behindTally(options);
  // The whole country from SQL's verdicts; one agency or one task is small: from the facts.
  const scoped = query.agencyId !== undefined || query.taskCode !== undefined;
  const atMost = query.unsettledAtMost ?? UNSETTLED_AT_MOST;
  const assessed = scoped ? null : await assessedInSql(db, options, snapshot, atMost);
  if (assessed !== null) {
    await inSlices(assessed, snapshot.yieldPoint, tally.addAssessedInSql);
  } else {
    await inSlices(await loadAssignmentFacts(db, snapshot), snapshot.yieldPoint, tally.add);
  }
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
  const { period, plans, ...snapshot } = await snapshotQuery(db, query);
  const snapshots = await loadAssignmentSnapshots(db, snapshot);
  return { period, report: whoIsBehind(snapshots, optionsOf(period, query, plans)), snapshots };
}
