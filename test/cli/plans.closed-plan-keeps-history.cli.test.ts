// Closing NQ17 on 1/4/2020 (issue 14): `tick` plans no more reminders for it, the first quarter's report
// reads exactly as before the close, a re-import neither reopens it nor assigns work, and an agency
// registered later takes none of its collective tasks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linkOfficial, localMorning, reportEverything } from "../support/planner-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const CLOSE_AT = "2020-04-01T00:00:00+07:00";

async function plannedReminders(env: Record<string, string>, at: string): Promise<number> {
  const result = await runCli(["tick", "--at", at, "--json"], env);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { plan: { planned: { reminder: number } } }).plan.planned.reminder;
}

async function q1Report(env: Record<string, string>, file: string): Promise<string> {
  const result = await runCli(
    ["report", "--quarter", "2020-Q1", "--at", "2020-03-25T09:00:00+07:00", "--out", file],
    env,
  );
  expect(result.code).toBe(0);
  return readFileSync(file, "utf8");
}

describe("a closed plan", () => {
  it("owes nothing after the close, reports as before for earlier quarters, and stays closed on re-import", async () => {
    app = await createTestApp({ at: "2020-03-01T02:00:00Z" });
    const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const reported = await reportEverything(app, "so-tttt", localMorning("2020-03-05"));
    expect(reported).toBeGreaterThan(0);
    const q1Before = await q1Report(env, join(app.directory, "q1-before.json"));
    expect(q1Before).toContain("Sở Thông tin và Truyền thông");

    // A dry run writes nothing: the open plan still owes the second quarter.
    const dryRun = await runCli(["plans", "close", "NQ17", "--at", CLOSE_AT, "--dry-run"], env);
    expect(dryRun.code).toBe(0);
    expect(await plannedReminders(env, "2020-06-12T08:00:00+07:00")).toBe(1);

    const closed = await runCli(["plans", "close", "nq17", "--at", CLOSE_AT], env);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain("Đã đóng kế hoạch NQ17 (Kế hoạch hành động thực hiện Nghị quyết");
    expect(closed.stdout).toContain(") lúc 01/04/2020 00:00.\nĐã kết thúc ");
    expect(closed.stdout).toContain("báo cáo các kỳ trước ngày 01/04/2020 vẫn xem được như trước.");

    // The next reminder round of the same quarter plans nothing, and nobody is behind after the close.
    expect(await plannedReminders(env, "2020-06-17T08:00:00+07:00")).toBe(0);
    const behind = await runCli(
      ["behind", "--quarter", "2020-Q2", "--at", "2020-06-15T09:00:00+07:00", "--json"],
      env,
    );
    expect((JSON.parse(behind.stdout) as { notReported: unknown[] }).notReported).toEqual([]);

    // The quarter before the close reads exactly as it did.
    expect(await q1Report(env, join(app.directory, "q1-after.json"))).toBe(q1Before);

    // A re-import says the plan is closed and writes nothing.
    const before = tableCounts(app.databasePath);
    const again = await runCli(["import", "--builtin"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "Kế hoạch gia-lai-nq17-2019 đã đóng ngày 01/04/2020: giữ nguyên như lúc đóng, không nhập gì vào kế hoạch này và không giao thêm việc.\n",
    );
    const json = JSON.parse((await runCli(["import", "--builtin", "NQ17", "--json"], env)).stdout) as {
      closedAt: string;
      added: string[];
      assignmentsAdded: number;
    };
    expect(json).toMatchObject({ closedAt: "2020-03-31T17:00:00.000Z", added: [], assignmentsAdded: 0 });
    expect(tableCounts(app.databasePath)).toEqual(before);

    // A department registered after the close takes none of the plan's "Các sở, ngành" tasks.
    expect((await runCli(["agencies", "add", "Sở Dân tộc và Tôn giáo"], env)).code).toBe(0);
    expect(tableCounts(app.databasePath).assignments).toBe(before.assignments);

    const plans = JSON.parse((await runCli(["plans", "--json"], env)).stdout) as {
      status: string;
      currentAssignments: number;
      statusUpdates: number;
    }[];
    expect(plans).toMatchObject([{ status: "closed", currentAssignments: 0, statusUpdates: reported }]);
  });
});
