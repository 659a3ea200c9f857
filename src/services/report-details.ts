// The written report's extra data, loaded beside the quarter's report (whose loading it leaves as is).
import type { Db } from "../db/database.ts";
import { asOfInstant } from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import type { ReportDetails } from "../domain/written-report.ts";
import { assignmentPlaces, obstaclesInPeriod } from "../store/report-details.ts";
import { loadIndicatorReport } from "./indicator-report.ts";

/**
 * Where each assignment sits in its plan, the obstacles reported in the period up to the report's
 * instant, and the plans' indicators for the period: every plan's, or one plan's (`planId`).
 */
export async function loadReportDetails(
  db: Db,
  period: ReportingPeriod,
  now: Date,
  planId?: number,
): Promise<ReportDetails> {
  const [places, obstacles, indicators] = await Promise.all([
    assignmentPlaces(db, planId),
    obstaclesInPeriod(db, period.key, asOfInstant(period, now), planId),
    loadIndicatorReport(db, period, now, planId),
  ]);
  return { places: new Map(places.map((place) => [place.assignmentId, place])), obstacles, indicators };
}
