// Sở TT&TT merged into Sở KH&CN on 1/3/2025 (issue 14): periods before the date still show Sở TT&TT
// with its own updates; after it Sở KH&CN owes the open tasks and its officials get the reminders.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import {
  linkOfficial,
  localMorning,
  outboxRows,
  planAt,
  reportEverything,
} from "../support/planner-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { tableCounts } from "../support/table-counts.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function setUp() {
  app = await createTestApp({ at: "2024-09-01T02:00:00Z" });
  const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
  const tttt = await linkOfficial(app, "so-tttt", "7001", { name: "Cán bộ TT&TT" });
  await linkOfficial(app, "so-khcn", "7002", { name: "Cán bộ KH&CN" });
  const reported = await reportEverything(app, "so-tttt", localMorning("2024-09-05"));
  expect(reported).toBeGreaterThan(0);
  return { app, env, tttt };
}

async function behind(env: Record<string, string>, quarter: string, at: string) {
  const result = await runCli(["behind", "--quarter", quarter, "--at", at, "--json"], env);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { notReported: { agencyCode: string; missingTaskCodes: string[] }[] };
}

const updates = (db: TestApp["database"]["db"]) =>
  db.selectFrom("status_updates").select(["id", "assignment_id", "period_key"]).orderBy("id").execute();

describe("agencies merge", () => {
  it("--dry-run lists what would move and writes nothing", async () => {
    const { app, env } = await setUp();
    const before = tableCounts(app.databasePath);
    const result = await runCli(
      ["agencies", "merge", "so-tttt", "Sở KH&CN", "--on", "2025-03-01", "--dry-run"],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Chạy thử (chưa ghi gì): sáp nhập Sở Thông tin và Truyền thông vào Sở Khoa học và Công nghệ từ ngày 01/03/2025.",
    );
    expect(result.stdout).toMatch(/Chuyển \d+ nhiệm vụ đang mở/);
    expect(result.stdout).toContain("Cán bộ chuyển sang Sở Khoa học và Công nghệ: Cán bộ TT&TT");
    expect(tableCounts(app.databasePath)).toEqual(before);
    const people = await app.database.db
      .selectFrom("people")
      .select("agency_id")
      .where("name", "=", "Cán bộ TT&TT")
      .executeTakeFirstOrThrow();
    expect(people.agency_id).not.toBeNull();
    expect(
      (await runCli(["behind", "--quarter", "2025-Q2", "--at", "2025-06-25T09:00:00+07:00", "--json"], env))
        .stdout,
    ).toContain('"so-tttt"');
  });

  it("keeps history before the date with Sở TT&TT and passes its open tasks to Sở KH&CN after it", async () => {
    const { app, env } = await setUp();
    const db = app.database.db;
    const updatesBefore = await updates(db);
    const q4Before = await behind(env, "2024-Q4", "2025-01-10T09:00:00+07:00");
    const ttttQ4 = q4Before.notReported.find((standing) => standing.agencyCode === "so-tttt");
    expect(ttttQ4?.missingTaskCodes.length).toBeGreaterThan(0);

    const merged = await runCli(
      ["agencies", "merge", "so-tttt", "so-khcn", "--on", "2025-03-01", "--json"],
      env,
    );
    expect(merged.code).toBe(0);
    const result = JSON.parse(merged.stdout) as {
      passed: { taskCode: string }[];
      people: { name: string; moved: boolean }[];
    };
    expect(result.passed.length).toBeGreaterThan(0);
    expect(result.people).toEqual([{ name: "Cán bộ TT&TT", moved: true }]);

    // Before the date: the same answer as before the merger, Sở TT&TT owing its own tasks.
    expect(await behind(env, "2024-Q4", "2025-01-10T09:00:00+07:00")).toEqual(q4Before);
    const report = join(app.directory, "q3.json");
    expect((await runCli(["report", "--quarter", "2024-Q3", "--out", report], env)).code).toBe(0);
    expect(readFileSync(report, "utf8")).toContain("Sở Thông tin và Truyền thông");

    // After it: Sở KH&CN owes the passed tasks, Sở TT&TT owes nothing.
    const q2 = await behind(env, "2025-Q2", "2025-06-25T09:00:00+07:00");
    expect(q2.notReported.some((standing) => standing.agencyCode === "so-tttt")).toBe(false);
    const khcn = q2.notReported.find((standing) => standing.agencyCode === "so-khcn");
    const passedOpen =
      ttttQ4?.missingTaskCodes.filter((code) => result.passed.some((task) => task.taskCode === code)) ?? [];
    expect(passedOpen.length).toBeGreaterThan(0);
    for (const code of passedOpen) expect(khcn?.missingTaskCodes).toContain(code);

    // Its officials (the moved one too) get the reminders listing them.
    await planAt(app, localMorning("2025-06-13"));
    const reminders = (await outboxRows(db)).filter((row) => row.key.startsWith("reminder:2025-Q2"));
    expect(reminders).toHaveLength(2);
    for (const row of reminders) {
      const payload = JSON.parse(row.payload ?? "{}") as OutboxPayload;
      expect(payload.text).toContain("Sở Khoa học và Công nghệ");
      expect(payload.text).toContain(passedOpen[0]);
    }

    // No update lost or moved; the old name now means Sở KH&CN; the audit log has it.
    expect(await updates(db)).toEqual(updatesBefore);
    const list = JSON.parse((await runCli(["agencies", "--json"], env)).stdout) as {
      code: string;
      aliases: string[];
    }[];
    expect(list.find((agency) => agency.code === "so-khcn")?.aliases).toContain(
      "Sở Thông tin và Truyền thông",
    );
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "subject"])
      .where("action", "=", "agency.merge")
      .execute();
    expect(audit).toEqual([{ action: "agency.merge", subject: "so-tttt" }]);
  });

  it.each([
    [["so-tttt", "Sở TT&TT"], "so-tttt", "chính nó"],
    [["Sở Khao học", "so-tttt"], "«Sở Khao học»", "gần nhất: Sở Khoa học và Công nghệ"],
    [["so-tttt", "so-khcn", "--on", "1/3/2025"], "«1/3/2025» không phải một ngày", ""],
    [["so-tttt", "so-khcn", "--on", "2099-03-01"], "chưa đến", ""],
  ])("refuses %j in one line", async (args, first, second) => {
    const { env } = await setUp();
    const on = args.includes("--on") ? [] : ["--on", "2025-03-01"];
    const result = await runCli(["agencies", "merge", ...args, ...on], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(first === "so-tttt" ? "Sở Thông tin và Truyền thông" : first);
    expect(result.stderr).toContain(second);
  });

  it("refuses an agency already merged", async () => {
    const { env } = await setUp();
    expect((await runCli(["agencies", "merge", "so-tttt", "so-khcn", "--on", "2025-03-01"], env)).code).toBe(
      0,
    );
    const again = await runCli(["agencies", "merge", "so-tttt", "so-khcn", "--on", "2025-03-01"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("đã được sáp nhập vào Sở Khoa học và Công nghệ từ ngày 01/03/2025");
  });
});
