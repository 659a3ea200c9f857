import { afterEach, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import {
  linkCoordinator,
  linkOfficial,
  localMorning,
  outboxRows,
  planAt,
} from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describeEachDatabase("the coordinators' weekly summary", (database) => {
  it("is off unless WEEKLY_SUMMARY is set", async () => {
    app = await createTestApp({ database });
    await linkCoordinator(app, "7001");
    const report = await planAt(app, localMorning("2020-03-02", 9)); // a Monday, no reminder due
    expect(report.weeklyRound).toBeNull();
    expect(await outboxRows(app.database.db)).toEqual([]);
  });

  it("goes to every coordinator once on its weekday, with the period's standing so far", async () => {
    app = await createTestApp({ database, env: { WEEKLY_SUMMARY: "mon 08:00" } });
    const first = await linkCoordinator(app, "7002");
    const second = await linkCoordinator(app, "7003");
    await linkOfficial(app, "so-tttt", "7004");
    expect((await planAt(app, localMorning("2020-03-02", 7))).planned.weekly).toBe(0); // before 08:00
    const monday = await planAt(app, localMorning("2020-03-02", 9));
    expect(monday.weeklyRound).toMatchObject({ period: "2020-Q1" });
    expect(monday.planned.weekly).toBe(2);
    expect((await planAt(app, localMorning("2020-03-02", 15))).planned.weekly).toBe(0);
    expect((await planAt(app, localMorning("2020-03-03", 9))).planned.weekly).toBe(0); // Tuesday

    const rows = (await outboxRows(app.database.db)).filter((row) => row.kind === "weekly");
    expect(rows.map((row) => row.key).sort()).toEqual(
      [
        `weekly:2020-Q1:2020-03-02:p${first.personId}:telegram`,
        `weekly:2020-Q1:2020-03-02:p${second.personId}:telegram`,
      ].sort(),
    );
    const payload = JSON.parse(rows[0]?.payload ?? "{}") as OutboxPayload;
    expect(payload.text).toContain("Tóm tắt tuần — 02/03/2020");
    expect(payload.text).toContain("Quý I/2020");
    expect(payload.text).toContain("Sở Thông tin và Truyền thông");

    // The next Monday is a new week.
    expect((await planAt(app, localMorning("2020-03-09", 9))).planned.weekly).toBe(2);
  });

  it("refuses a setting it cannot read, naming the key", async () => {
    await expect(createTestApp({ database, env: { WEEKLY_SUMMARY: "monday" } })).rejects.toThrow(
      /^WEEKLY_SUMMARY: config-expected-weekly$/,
    );
  });
});
