// The facts tables (migration 0008) must tell the same story as the update history they sum up: on
// random histories with multi-task messages, edits that move updates and backdated messages, the
// snapshots, the report's update counts and who-is-behind agree with the reference computed straight
// from the history, at every kind of instant (now, a past deadline, inside a period, on an update),
// read from the latest facts or every assignment as of the instant; on SQLite and PostgreSQL (each
// reads the report's and who-is-behind's packed JSON its own way). Who-is-behind's whole report must be
// the reference's byte for byte, as `behind --json` prints it.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AssignmentFacts } from "../../src/domain/assignment-status.ts";
import { asOfInstant, whoIsBehind } from "../../src/domain/behind.ts";
import {
  DEFAULT_CALENDAR_RULES,
  periodByKey,
  periodContaining,
  type ReportingPeriod,
} from "../../src/domain/calendar.ts";
import { loadBehindReport } from "../../src/services/behind-query.ts";
import { loadAssignmentFacts, loadAssignmentSnapshots } from "../../src/services/period-snapshot.ts";
import { loadReportSnapshots } from "../../src/services/report-snapshots.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import {
  applyHistory,
  clearHistory,
  type HistoryStep,
  historyArb,
  instantArb,
  seedSmallPlan,
} from "../support/random-history.ts";
import { referenceSnapshots, referenceUpdateCounts } from "../support/reference-snapshots.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const ZONE = "Asia/Ho_Chi_Minh";
function period(key: string): ReportingPeriod {
  const found = periodByKey(key, DEFAULT_CALENDAR_RULES);
  if (!found) throw new Error(key);
  return found;
}

/** The lean view of a snapshot: what who-is-behind reads. */
function lean(facts: AssignmentFacts) {
  const { latestStatus, latestInPeriod } = facts;
  return {
    ...facts,
    latestStatus:
      latestStatus === null
        ? null
        : {
            status: latestStatus.status,
            progress: latestStatus.progress,
            blocker: latestStatus.blocker,
            sentAt: latestStatus.sentAt,
          },
    latestInPeriod: latestInPeriod === null ? null : { sentAt: latestInPeriod.sentAt },
  };
}

/** The instants a history makes interesting: its own sent_at, deadlines, random ones, far ahead. */
function questions(
  steps: readonly HistoryStep[],
  random: readonly Date[],
): { at: Date; period: ReportingPeriod }[] {
  const onUpdates = steps.flatMap((step) => (step.sentAt === null ? [] : [step.sentAt])).slice(0, 2);
  const instants = [...onUpdates, ...random, new Date("2030-01-01T00:00:00Z")];
  const asked = instants.map((at) => ({ at, period: periodContaining(at, DEFAULT_CALENDAR_RULES) }));
  // Ended periods, asked about later: statuses as of their deadline.
  const later = new Date("2021-06-01T00:00:00Z");
  return [...asked, ...["2019-Q4", "2020-Q2", "2020-Q3"].map((key) => ({ at: later, period: period(key) }))];
}

const COUNTED = ["2019-Q4", "2020-Q1", "2020-Q2", "2020-Q3"];

/** The counts without zeros, for live assignments only (the reference counts retired ones too). */
function nonZero(counts: ReadonlyMap<number, ReadonlyMap<string, number>>, live: ReadonlySet<number>) {
  return new Map(
    [...counts]
      .filter(([id]) => live.has(id))
      .map(([id, perPeriod]) => [id, new Map([...perPeriod].filter(([, n]) => n > 0))] as const)
      .filter(([, perPeriod]) => perPeriod.size > 0),
  );
}

async function expectSameAsReference(
  app: TestApp,
  assignmentIds: readonly number[],
  steps: readonly HistoryStep[],
  random: readonly Date[],
): Promise<void> {
  const db = app.database.db;
  await clearHistory(db);
  await applyHistory(db, steps, assignmentIds);
  const readings = questions(steps, random).flatMap((question) =>
    [false, true].map((readAsOf) => ({ ...question, readAsOf })),
  );
  for (const [index, { at, period: asked, readAsOf }] of readings.entries()) {
    const until = asOfInstant(asked, at);
    // Each question read both ways: from the latest facts, and every assignment as of `until`.
    const query = { until, periodKey: asked.key, readAsOf };
    const reference = await referenceSnapshots(db, query);
    expect(await loadAssignmentSnapshots(db, query)).toEqual(reference);
    const { snapshots, counts } = await loadReportSnapshots(db, query, COUNTED);
    expect(snapshots.map(({ shown, ...facts }) => ({ ...lean(facts), shown }))).toEqual(
      reference.map((snapshot) => ({
        ...lean(snapshot),
        shown: snapshot.latestInPeriod ?? snapshot.latestStatus,
      })),
    );
    const live = new Set(reference.map((snapshot) => snapshot.assignmentId));
    const byKey = new Map(
      [...counts].map(([id, perPeriod]) => [id, new Map(COUNTED.map((key, i) => [key, perPeriod[i] ?? 0]))]),
    );
    expect(nonZero(byKey, live)).toEqual(nonZero(await referenceUpdateCounts(db, COUNTED, until), live));
    const facts = await loadAssignmentFacts(db, query);
    expect(facts.map(lean)).toEqual(reference.map(lean));
    const options = { period: asked, at, zone: ZONE, staleAfterDays: 30 };
    expect(whoIsBehind(facts, options)).toEqual(whoIsBehind(reference, options));
    if (!readAsOf) {
      const { report } = await loadBehindReport(db, {
        at,
        quarter: asked.key,
        zone: ZONE,
        staleAfterDays: 30,
      });
      const expected = whoIsBehind(reference, { ...options, plans: ["TEST"] });
      expect(JSON.stringify(report, null, 2)).toBe(JSON.stringify(expected, null, 2));
    }
    const agencyId = reference[index % Math.max(reference.length, 1)]?.agencyId;
    if (index === 0 && agencyId !== undefined) {
      expect(await loadAssignmentSnapshots(db, { ...query, agencyId })).toEqual(
        await referenceSnapshots(db, { ...query, agencyId }),
      );
    }
  }
}

describeEachDatabase("facts tables against the update history", (database) => {
  let app: TestApp;
  let assignmentIds: number[];
  beforeAll(async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    assignmentIds = await seedSmallPlan(app.database.db);
  });
  afterAll(() => app.dispose());

  it("agree with the reference on random histories with edits and backdated messages", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(instantArb, { minLength: 2, maxLength: 2 }), (steps, random) =>
        expectSameAsReference(app, assignmentIds, steps, random),
      ),
      { numRuns: database === "postgres" ? 8 : 20 },
    );
  }, 120_000);

  it("agree when an edit moves a message's only update to another task", async () => {
    const sentAt = new Date("2020-03-01T03:00:00Z");
    const content = { status: "done" as const, progress: null, blocker: null };
    await expectSameAsReference(
      app,
      assignmentIds,
      [
        { kind: "message", targets: [0], sentAt, contents: [content] },
        { kind: "edit", message: 0, targets: [3], sentAt: null, contents: [content] },
      ],
      [new Date("2020-03-01T03:00:00Z"), new Date("2020-03-01T02:59:00Z")],
    );
    const snapshots = await loadAssignmentSnapshots(app.database.db, {
      until: new Date("2021-01-01T00:00:00Z"),
      periodKey: "2020-Q1",
      taskCode: "I.1",
    });
    const moved = snapshots.find((snapshot) => snapshot.assignmentId === assignmentIds[0]);
    // The first task's update was superseded: it has none, though something was reported on it then.
    expect(moved?.latestStatus).toBeNull();
    expect(moved?.lastReportedAt).toBe(sentAt.toISOString());
  });
});
