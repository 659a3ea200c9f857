import { afterEach, describe, expect, it } from "vitest";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describe("nhacviec tick", () => {
  it("plans and delivers once as if at --at, prints what it did, and is idempotent", async () => {
    app = await createTestApp();
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
    const first = await runCli(["tick", "--at", "2020-03-13T08:00:00+07:00"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("(kỳ 2020-Q1): thêm 1 tin vào hàng đợi");
    expect(first.stdout).toContain("Đã gửi 1, không gửi được 0");
    // Console-channel messages go to stderr, keeping stdout for the report.
    expect(first.stderr).toContain("📬 → canbo: ⏰ Nhắc báo cáo Quý I/2020");
    const again = await runCli(["tick", "--at", "2020-03-13T08:00:00+07:00", "--json"], env);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as {
      plan: { planned: Record<string, number> };
      delivery: { sent: number };
    };
    expect(report.plan.planned.reminder).toBe(0);
    expect(report.delivery.sent).toBe(0);
  });

  it("a bad --at is one line on stderr and a non-zero exit", async () => {
    const result = await runCli(["tick", "--at", "yesterday"], {
      DATABASE_URL: "sqlite::memory:",
      LOG_LEVEL: "silent",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("không phải thời điểm ISO 8601");
  });
});
