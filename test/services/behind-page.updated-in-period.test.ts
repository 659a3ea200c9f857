// Who is behind tells whether an assignment was updated in the period asked about from its latest
// facts (assignment_latest.latest_updated_period, migration 0014), and looks the period up in its
// facts only where those cannot tell: an update stored under a later period's key (the keys are what
// the store was given), and an assignment whose every update an edit moved elsewhere. The pages must
// still be those of the whole report computed straight from the history, on both databases.
import { afterAll, beforeAll, expect, it } from "vitest";
import { whoIsBehind } from "../../src/domain/behind.ts";
import { type BehindView, behindPageOf } from "../../src/domain/behind-page.ts";
import { DEFAULT_CALENDAR_RULES, periodByKey } from "../../src/domain/calendar.ts";
import type { UpdateStatus } from "../../src/domain/vocabulary.ts";
import { loadBehindPage } from "../../src/services/behind-page.ts";
import { appendStatusUpdates } from "../../src/store/status-updates.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { seedSmallPlan } from "../support/random-history.ts";
import { referenceSnapshots } from "../support/reference-snapshots.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const AT = new Date("2020-05-20T03:00:00Z"); // in 2020-Q2, before its deadline

describeEachDatabase("who is behind, updated in the period", (database) => {
  let app: TestApp;
  let assignmentIds: number[];

  beforeAll(async () => {
    app = await createTestApp({ withBuiltinPlan: false, database });
    assignmentIds = await seedSmallPlan(app.database.db);
  });
  afterAll(() => app.dispose());

  /** One update of `assignment` (an index into the plan's), stored under `periodKey`. */
  async function store(
    assignment: number,
    update: { key: string; revision?: number; sentAt: string; periodKey: string; status: UpdateStatus },
  ) {
    const sentAt = new Date(update.sentAt);
    await appendStatusUpdates(
      app.database.db,
      [
        {
          assignmentId: assignmentIds[assignment] ?? 0,
          personId: null,
          channel: "telegram",
          chatId: "1",
          messageId: update.key,
          messageKey: update.key,
          revision: update.revision ?? 0,
          rawText: update.key,
          status: update.status,
          progress: null,
          blocker: null,
          eta: null,
          sentAt,
          periodKey: update.periodKey,
        },
      ],
      sentAt,
    );
  }

  it("counts an update stored under a later key, and none for updates an edit moved away", async () => {
    // Task 2 (index 1, due 30/6/2020, owed in 2020) is led by assignments 3, 4 and 5; task 3 (index
    // 2) by 6, 7 and 8. Assignment 3 has an update of the period and one stored under 2020-Q3;
    // assignment 4 only the one under 2020-Q3; assignment 6's only update was moved by its edit to
    // assignment 7.
    await store(3, {
      key: "m1",
      sentAt: "2020-05-01T02:00:00Z",
      periodKey: "2020-Q3",
      status: "in_progress",
    });
    await store(3, { key: "m2", sentAt: "2020-05-02T02:00:00Z", periodKey: "2020-Q2", status: "blocked" });
    await store(4, { key: "m3", sentAt: "2020-05-03T02:00:00Z", periodKey: "2020-Q3", status: "done" });
    await store(6, {
      key: "m4",
      sentAt: "2020-05-04T02:00:00Z",
      periodKey: "2020-Q2",
      status: "in_progress",
    });
    await store(7, {
      key: "m4",
      revision: 1,
      sentAt: "2020-05-04T02:00:00Z",
      periodKey: "2020-Q2",
      status: "done",
    });

    const db = app.database.db;
    const period = periodByKey("2020-Q2", DEFAULT_CALENDAR_RULES);
    if (!period) throw new Error("no 2020-Q2");
    const snapshots = await referenceSnapshots(db, { until: AT, periodKey: period.key });
    const report = whoIsBehind(snapshots, {
      period,
      at: AT,
      zone: ZONE,
      staleAfterDays: 30,
      plans: ["TEST"],
    });
    // Assignments 3 and 7 were updated in the period; 4 and 6 were not.
    expect(report.totals.updatedAssignments).toBe(2);
    for (const view of ["missing", "overdue"] as BehindView[]) {
      for (let page = 1; page <= 3; page++) {
        const request = { view, page, size: 2 };
        const loaded = await loadBehindPage(db, { at: AT, zone: ZONE, staleAfterDays: 30 }, request);
        expect(loaded.page).toEqual(behindPageOf(report, request));
      }
    }
  });
});
