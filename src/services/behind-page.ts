// The chat's pages of who is behind (README: coordinators): every agency ordered by counts made in
// SQL (and kept between questions, behind-tallies.ts), and only the agencies a page names loaded whole.
import type { Db } from "../db/database.ts";
import { whoIsBehind } from "../domain/behind.ts";
import {
  agenciesShown,
  agencyCountsOf,
  type BehindPage,
  type BehindPageRequest,
  behindPageFromCounts,
  behindPageOf,
  orderAgencies,
  withAssessed,
} from "../domain/behind-page.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { liveTasksInPlanOrder, snapshotAgencies } from "../store/assignments.ts";
import { countTerms, UNSETTLED_AT_MOST, unsettledAssessed } from "./behind-in-sql.ts";
import { type BehindQuery, loadBehindReport, optionsOf, snapshotQuery } from "./behind-query.ts";
import { agencyTallies } from "./behind-tallies.ts";
import { loadAssignmentFacts } from "./period-snapshot.ts";

/**
 * One page of who is behind as the chat shows it (throws PeriodError). Every agency is ordered by
 * counts made in SQL from the latest facts (agencyTallies), with the few assignments whose latest facts are not as of
 * the instant asked about (a clock behind a message's time) assessed from their facts as of it; only
 * the agencies the page names are loaded whole. When many sent something since (a past quarter),
 * the page comes from the whole report.
 */
export async function loadBehindPage(
  db: Db,
  query: BehindQuery,
  request: BehindPageRequest,
): Promise<{ period: ReportingPeriod; page: BehindPage }> {
  const { period, plans, ...snapshot } = await snapshotQuery(db, query);
  const options = optionsOf(period, query, plans);
  const unsettled = await unsettledAssessed(
    db,
    options,
    snapshot,
    query.unsettledAtMost ?? UNSETTLED_AT_MOST,
  );
  if (unsettled === null) {
    const { report } = await loadBehindReport(db, { ...query, yieldPoint: snapshot.yieldPoint });
    return { period, page: behindPageOf(report, request) };
  }
  const tasks = await liveTasksInPlanOrder(db, { planId: query.planId });
  const terms = { ...countTerms(tasks, options, snapshot.until), planId: query.planId };
  const question = { terms, tasks, staleAfterDays: query.staleAfterDays };
  const rows = await agencyTallies(db, question, snapshot.yieldPoint);
  const agencies = await snapshotAgencies(db);
  const names = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const order = orderAgencies(agencyCountsOf(withAssessed(rows, unsettled), names, options));
  const facts = await loadAssignmentFacts(db, { ...snapshot, agencyIds: agenciesShown(order, request) });
  return { period, page: behindPageFromCounts(order, whoIsBehind(facts, options), request) };
}
