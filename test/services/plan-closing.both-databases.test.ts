// Closing a plan on SQLite and PostgreSQL alike: the dry run changes nothing; the close ends every
// open assignment at its instant in one statement, so the planner owes nothing after it while the
// periods before it keep their agencies; the plans' counts come back as numbers on both.
import { afterEach, expect, it } from "vitest";
import { plannerDepsOf } from "../../src/app.ts";
import { findAgency } from "../../src/services/agency-directory.ts";
import { mergeAgency } from "../../src/services/agency-reorganization.ts";
import { loadAssignmentSnapshots } from "../../src/services/period-snapshot.ts";
import { closePlan } from "../../src/services/plan-closing.ts";
import { planReminders } from "../../src/services/reminder-planner.ts";
import { planSummaries } from "../../src/store/plan-summaries.ts";
import { linkOfficial, localMorning } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describeEachDatabase("plans close", (database) => {
  it("ends the plan's assignments at the close: nothing owed after, everything kept before", async () => {
    app = await createTestApp({ database, at: "2020-05-01T02:00:00Z" });
    const db = app.database.db;
    await linkOfficial(app, "so-y-te", "501");
    const [before] = await planSummaries(db);
    expect(before).toMatchObject({ shortCode: "NQ17", closedAt: null, sections: 7, liveTasks: 34 });
    expect(before?.currentAssignments).toBeGreaterThan(300);
    expect(before?.leadAgencies).toBe(40);

    const request = {
      plan: "nq17",
      at: localMorning("2020-05-01", 0),
      actor: "test",
      now: app.clock.now(),
      zone: app.config.APP_TZ,
    };
    const dryRun = await closePlan(db, { ...request, dryRun: true });
    expect(dryRun.assignments).toBe(before?.currentAssignments);
    expect(dryRun.agencies).toHaveLength(40);
    expect(await planSummaries(db)).toEqual([before]);

    const closed = await closePlan(db, { ...request, dryRun: false });
    expect(closed).toEqual({ ...dryRun, dryRun: false });
    const [after] = await planSummaries(db);
    expect(after).toMatchObject({
      closedAt: "2020-04-30T17:00:00.000Z",
      currentAssignments: 0,
      leadAgencies: 0,
    });

    const planned = await planReminders(plannerDepsOf(app), localMorning("2020-06-12"));
    expect(planned.planned.reminder).toBe(0);
    const asOf = (at: Date) => loadAssignmentSnapshots(db, { until: at, periodKey: "2020-Q1" });
    expect((await asOf(localMorning("2020-03-20", 0))).length).toBe(before?.currentAssignments);
    expect(await asOf(localMorning("2020-06-20", 0))).toEqual([]);
  });

  it("dated before a merger recorded since, ends the merged agency's assignments at the close too", async () => {
    app = await createTestApp({ database, at: "2020-05-01T02:00:00Z" });
    const db = app.database.db;
    const [tttt, khcn] = [await findAgency(db, "so-tttt"), await findAgency(db, "so-khcn")];
    if (!tttt || !khcn) throw new Error("the registry lacks Sở TT&TT or Sở KH&CN");
    const common = { actor: "test", now: app.clock.now(), zone: app.config.APP_TZ, dryRun: false };
    await mergeAgency(db, { ...common, agency: tttt, into: khcn, at: localMorning("2020-04-20", 0) });
    const closed = await closePlan(db, { ...common, plan: "NQ17", at: localMorning("2020-04-10", 0) });
    expect(closed.agencies.map((agency) => agency.code)).toContain("so-tttt");
    const asOf = (at: Date) => loadAssignmentSnapshots(db, { until: at, periodKey: "2020-Q2" });
    expect((await asOf(localMorning("2020-04-05"))).length).toBeGreaterThan(300);
    // Between the close and the merger nobody is in charge any more, Sở TT&TT included.
    expect(await asOf(localMorning("2020-04-15"))).toEqual([]);
    expect(await asOf(localMorning("2020-04-25"))).toEqual([]);
  });
});
