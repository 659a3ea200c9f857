import type { Db } from "../db/database.ts";
import type { AssignmentSnapshot } from "../domain/assignment-status.ts";
import { asOfInstant, type BehindReport, whoIsBehind } from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { loadAssignmentSnapshots } from "./period-snapshot.ts";
import { resolvePeriod } from "./reporting-period.ts";

export interface BehindQuery {
  at: Date;
  /** A period key; the period containing `at` when omitted. */
  quarter?: string;
  zone: string;
  staleAfterDays: number;
  agencyId?: number;
}

/**
 * Who is behind for a period at an instant, loaded from the database (throws PeriodError). The
 * snapshots hold what was reported up to asOfInstant: the deadline, for a period that has ended.
 */
export async function loadBehind(
  db: Db,
  query: BehindQuery,
): Promise<{ period: ReportingPeriod; report: BehindReport; snapshots: AssignmentSnapshot[] }> {
  const period = await resolvePeriod(db, query.zone, query.quarter, query.at);
  const snapshots = await loadAssignmentSnapshots(db, {
    until: asOfInstant(period, query.at),
    periodKey: period.key,
    agencyId: query.agencyId,
  });
  const report = whoIsBehind(snapshots, {
    period,
    at: query.at,
    zone: query.zone,
    staleAfterDays: query.staleAfterDays,
  });
  return { period, report, snapshots };
}
