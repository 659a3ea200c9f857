// The console's first start loads both built-in plans (issue 14), so in 2026 the demo runs without
// going back in time: the official to try is Sở KH&CN's, who leads most of the 2026 plan, and its
// reminder of Q2/2026 lists that plan's tasks.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

describe("npm start in 2026: two plans at once", () => {
  it("lists both plans, invites Sở KH&CN's official, and reminds it of the 2026 plan's tasks", async () => {
    const env = {
      DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-console-2026-"), "db.sqlite")}`,
      LOG_LEVEL: "silent",
    };
    const at = "2026-06-12T08:00";
    const first = await runCli(["start", "--at", at], env, ":thoat\n");
    expect(first.code).toBe(0);
    const lines = first.stdout.split("\n");
    const loaded = lines.indexOf("Đã nạp 2 kế hoạch có sẵn (xem: npx nhacviec plans):");
    expect(loaded).toBeGreaterThan(0);
    expect(lines.slice(loaded + 1, loaded + 3)).toEqual([
      "  NQ17 — Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP ngày 07/3/2019… (2019–2025, 34 nhiệm vụ)",
      "  CDS2026 — Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026 (2026, 14 nhiệm vụ)",
    ]);
    expect(first.stdout).not.toContain("📅");
    const code = /cán bộ đầu mối Sở Khoa học và Công nghệ: {2}\/start ([0-9A-Z]{16})/.exec(first.stdout)?.[1];
    expect(code).toBeDefined();

    const linked = await runCli(["start", "--at", at], env, `/start ${code}\n`);
    expect(linked.stdout).toContain("anh/chị là cán bộ đầu mối của Sở Khoa học và Công nghệ");

    const later = await runCli(["start", "--at", at], env, ":thoat\n");
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(
      "Cần thêm mã mời: npx nhacviec invite --agency so-khcn --role official (hoặc --role coordinator, không cần --agency).",
    );
    const reminder = later.stdout.slice(
      later.stdout.indexOf("⏰ Nhắc báo cáo Quý II/2026 — Sở Khoa học và Công nghệ"),
    );
    expect(reminder.length).toBeLessThan(later.stdout.length);
    for (const task of ["I.2", "I.3", "II.1", "II.2", "II.4", "IV.1"])
      expect(reminder).toContain(`• ${task} — `);
  });
});
