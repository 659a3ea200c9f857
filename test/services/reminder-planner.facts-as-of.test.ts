// The planner reads each agency's assignments from the facts tables (migration 0008), a few agencies
// at a time, and reads an agency as who-is-behind does when something was sent on it since the
// instant asked about (a past deadline). On random histories with edits and backdated messages, what
// it reads, and so whom it reminds of what, must be what the update history says.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AssignmentFacts } from "../../src/domain/assignment-status.ts";
import { asOfInstant } from "../../src/domain/behind.ts";
import { DEFAULT_CALENDAR_RULES, periodByKey, periodContaining } from "../../src/domain/calendar.ts";
import { sortByName } from "../../src/domain/collation.ts";
import { agencyStandings } from "../../src/domain/reminder-plan.ts";
import { chunkFacts } from "../../src/services/planning-run.ts";
import { leadAgencies, liveTasks } from "../../src/store/planning-snapshots.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import {
  applyHistory,
  clearHistory,
  type HistoryStep,
  historyArb,
  instantArb,
  seedSmallPlan,
} from "../support/random-history.ts";
import { referenceSnapshots } from "../support/reference-snapshots.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

/** What the planner's rules read of an assignment (its plan comes from the planner's task catalogue). */
function lean(facts: AssignmentFacts) {
  const { latestStatus, latestInPeriod, plan: _plan, ...rest } = facts;
  return {
    ...rest,
    latestStatus: latestStatus && {
      status: latestStatus.status,
      progress: latestStatus.progress,
      blocker: latestStatus.blocker,
      sentAt: latestStatus.sentAt,
    },
    latestInPeriod: latestInPeriod && { sentAt: latestInPeriod.sentAt },
  };
}

const byAssignment = (a: AssignmentFacts, b: AssignmentFacts) => a.assignmentId - b.assignmentId;

/** Who owes what, each agency's tasks in the order its reminder lists them (by agency: two share a name). */
function standingsOf(facts: readonly AssignmentFacts[], year: number) {
  return agencyStandings(facts, year)
    .map((standing) => ({
      agencyId: standing.agencyId,
      owedCount: standing.owedCount,
      owed: standing.owed.map((a) => a.assignmentId),
      blocked: standing.blocked.map((a) => a.assignmentId),
    }))
    .sort((a, b) => a.agencyId - b.agencyId);
}

async function expectSameAsHistory(
  app: TestApp,
  assignmentIds: readonly number[],
  steps: readonly HistoryStep[],
  instants: readonly Date[],
): Promise<void> {
  const db = app.database.db;
  await clearHistory(db);
  await applyHistory(db, steps, assignmentIds);
  const tasks = await liveTasks(db);
  const agencies = sortByName(await leadAgencies(db), (agency) => agency.name);
  const later = new Date("2021-06-01T00:00:00Z");
  const questions = [
    ...instants.map((at) => ({ at, period: periodContaining(at, DEFAULT_CALENDAR_RULES) })),
    // An ended period asked about later, as the overdue notice asks: as of its deadline.
    ...["2019-Q4", "2020-Q2"].map((key) => ({ at: later, period: periodByKey(key, DEFAULT_CALENDAR_RULES) })),
  ];
  for (const { at, period } of questions) {
    if (!period) throw new Error("unknown period");
    const until = asOfInstant(period, at);
    const reference = await referenceSnapshots(db, { until, periodKey: period.key });
    // Two agencies a chunk: some chunks read from the facts, some from the history, some both.
    const planned: AssignmentFacts[] = [];
    for (let start = 0; start < agencies.length; start += 2) {
      const chunk = agencies.slice(start, start + 2);
      planned.push(
        ...(await chunkFacts(db, { agencies: chunk, tasks, until, periodKey: period.key }, async () => {})),
      );
    }
    expect([...planned].sort(byAssignment).map(lean)).toEqual([...reference].sort(byAssignment).map(lean));
    expect(standingsOf(planned, period.year)).toEqual(standingsOf(reference, period.year));
  }
}

describeEachDatabase("the planner's facts against the update history", (database) => {
  let app: TestApp;
  let assignmentIds: number[];
  beforeAll(async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    assignmentIds = await seedSmallPlan(app.database.db);
  });
  afterAll(() => app.dispose());

  it("agree on random histories with edits and backdated messages, now and as of a past deadline", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(instantArb, { minLength: 2, maxLength: 2 }), (steps, instants) =>
        expectSameAsHistory(app, assignmentIds, steps, instants),
      ),
      { numRuns: database === "postgres" ? 8 : 20 },
    );
  }, 120_000);
});
