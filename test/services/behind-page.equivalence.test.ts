// The chat's pages of who is behind come from counts made in SQL and the few agencies a page names,
// and the whole report from verdicts made in SQL: on random histories every page of both views must
// be the page the whole report gives, and the whole report the one computed from the reference
// snapshots (straight from the history). On SQLite and PostgreSQL: their counts are read apart.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseKind, Db } from "../../src/db/database.ts";
import { asOfInstant, whoIsBehind } from "../../src/domain/behind.ts";
import { type BehindView, behindPageOf } from "../../src/domain/behind-page.ts";
import { DEFAULT_CALENDAR_RULES, periodByKey, periodContaining } from "../../src/domain/calendar.ts";
import { loadBehindPage } from "../../src/services/behind-page.ts";
import { loadBehindReport } from "../../src/services/behind-query.ts";
import { unsettledAssignments } from "../../src/store/behind-counts.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import {
  applyHistory,
  clearHistory,
  historyArb,
  instantArb,
  seedSmallPlan,
} from "../support/random-history.ts";
import { referenceSnapshots } from "../support/reference-snapshots.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const SIZE = 2; // six agencies: up to three pages
// Random histories per database: PostgreSQL takes longer for each.
const RUNS: Record<DatabaseKind, number> = { sqlite: 15, postgres: 5 };

/**
 * Every page and the whole report at `at` against the reference: counted in SQL with the unsettled
 * assignments assessed one by one, and (unsettledAtMost 0) all assessed from the facts.
 */
async function expectPagesAsReport(db: Db, at: Date, quarter: string | undefined, staleAfterDays: number) {
  for (const unsettledAtMost of [undefined, 0]) {
    await expectPagesWith(db, at, quarter, staleAfterDays, unsettledAtMost);
  }
}

async function expectPagesWith(
  db: Db,
  at: Date,
  quarter: string | undefined,
  staleAfterDays: number,
  unsettledAtMost: number | undefined,
) {
  const period =
    quarter === undefined
      ? periodContaining(at, DEFAULT_CALENDAR_RULES)
      : periodByKey(quarter, DEFAULT_CALENDAR_RULES);
  if (!period) throw new Error(quarter);
  const snapshots = await referenceSnapshots(db, { until: asOfInstant(period, at), periodKey: period.key });
  const report = whoIsBehind(snapshots, { period, at, zone: ZONE, staleAfterDays, plans: ["TEST"] });
  const query = { at, quarter, zone: ZONE, staleAfterDays, unsettledAtMost };
  expect((await loadBehindReport(db, query)).report).toEqual(report);
  for (const view of ["missing", "overdue"] as BehindView[]) {
    for (let page = 1; page <= 3; page++) {
      const request = { view, page, size: SIZE };
      const loaded = await loadBehindPage(db, query, request);
      expect(loaded.page).toEqual(behindPageOf(report, request));
    }
  }
}

/** Whether the pages at `at` come from the SQL counts alone (nothing sent at or after it). */
async function countedInSql(db: Db, at: Date): Promise<boolean> {
  return (await unsettledAssignments(db, at)).length === 0;
}

describeEachDatabase("the chat's pages of who is behind", (database) => {
  let app: TestApp;
  let assignmentIds: number[];

  beforeAll(async () => {
    app = await createTestApp({ withBuiltinPlan: false, database });
    assignmentIds = await seedSmallPlan(app.database.db);
  });
  afterAll(() => app.dispose());

  it("are the pages of the whole report, on random histories", async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb,
        instantArb,
        fc.constantFrom(1, 30, 90),
        async (steps, instant, staleAfterDays) => {
          await clearHistory(app.database.db);
          await applyHistory(app.database.db, steps, assignmentIds);
          // Just after the last update and long after (both counted in SQL), inside the history,
          // and an ended quarter.
          const last = Math.max(
            ...steps.flatMap((step) => (step.sentAt === null ? [] : [step.sentAt.getTime()])),
          );
          const justAfter = new Date(last + 60_000);
          const later = new Date("2021-06-01T00:00:00Z");
          const db = app.database.db;
          expect(await countedInSql(db, justAfter)).toBe(true);
          await expectPagesAsReport(db, justAfter, undefined, staleAfterDays);
          await expectPagesAsReport(db, later, undefined, staleAfterDays);
          await expectPagesAsReport(db, instant, undefined, staleAfterDays);
          await expectPagesAsReport(db, later, "2020-Q2", staleAfterDays);
        },
      ),
      { numRuns: RUNS[database] },
    );
  }, 120_000);

  it("tell done on time from done late at the very instant a due date ends", async () => {
    const db = app.database.db;
    await clearHistory(db);
    const done = { status: "done" as const, progress: null, blocker: null };
    // The fifth task is due 2021-06-30 (active in 2021); the date ends at 17:00 UTC, midnight in Gia
    // Lai. Two of its lead agencies report it done, a minute before and at that instant.
    await applyHistory(
      db,
      [
        { kind: "message", targets: [12], sentAt: new Date("2021-06-30T16:59:00Z"), contents: [done] },
        { kind: "message", targets: [13], sentAt: new Date("2021-06-30T17:00:00Z"), contents: [done] },
      ],
      assignmentIds,
    );
    const at = new Date("2021-07-10T00:00:00Z");
    expect(await countedInSql(db, at)).toBe(true);
    await expectPagesAsReport(db, at, undefined, 30);
    const { report } = await loadBehindReport(db, { at, zone: ZONE, staleAfterDays: 30 });
    expect(report.totals.categories).toMatchObject({ done_late: 1, done_on_time: 1 });
  });
});
