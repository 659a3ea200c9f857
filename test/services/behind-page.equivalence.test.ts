// The chat's pages of who is behind come from counts made in SQL and the few agencies a page names,
// and the whole report from verdicts made in SQL: on random histories every page of both views must
// be the page the whole report gives, and the whole report the one computed from the reference
// snapshots (straight from the history).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asOfInstant, whoIsBehind } from "../../src/domain/behind.ts";
import { type BehindView, behindPageOf } from "../../src/domain/behind-page.ts";
import { DEFAULT_CALENDAR_RULES, periodByKey, periodContaining } from "../../src/domain/calendar.ts";
import { loadBehindPage } from "../../src/services/behind-page.ts";
import { loadBehindReport } from "../../src/services/behind-query.ts";
import { unsettledAssignments } from "../../src/store/behind-counts.ts";
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
let app: TestApp;
let assignmentIds: number[];

beforeAll(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  assignmentIds = await seedSmallPlan(app.database.db);
});
afterAll(() => app.dispose());

/**
 * Every page and the whole report at `at` against the reference: counted in SQL with the unsettled
 * assignments assessed one by one, and (unsettledAtMost 0) all assessed from the facts.
 */
async function expectPagesAsReport(at: Date, quarter: string | undefined, staleAfterDays: number) {
  for (const unsettledAtMost of [undefined, 0]) {
    await expectPagesWith(at, quarter, staleAfterDays, unsettledAtMost);
  }
}

async function expectPagesWith(
  at: Date,
  quarter: string | undefined,
  staleAfterDays: number,
  unsettledAtMost: number | undefined,
) {
  const db = app.database.db;
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
async function countedInSql(at: Date): Promise<boolean> {
  return (await unsettledAssignments(app.database.db, at)).length === 0;
}

describe("the chat's pages of who is behind", () => {
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
          expect(await countedInSql(justAfter)).toBe(true);
          await expectPagesAsReport(justAfter, undefined, staleAfterDays);
          await expectPagesAsReport(later, undefined, staleAfterDays);
          await expectPagesAsReport(instant, undefined, staleAfterDays);
          await expectPagesAsReport(later, "2020-Q2", staleAfterDays);
        },
      ),
      { numRuns: 15 },
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
    expect(await countedInSql(at)).toBe(true);
    await expectPagesAsReport(at, undefined, 30);
    const { report } = await loadBehindReport(db, { at, zone: ZONE, staleAfterDays: 30 });
    expect(report.totals.categories).toMatchObject({ done_late: 1, done_on_time: 1 });
  });
});
