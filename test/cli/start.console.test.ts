import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

function consoleEnv(): Record<string, string> {
  return {
    DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-console-"), "db.sqlite")}`,
    LOG_LEVEL: "silent",
  };
}

function inviteCode(stdout: string, label: string): string {
  const code = new RegExp(`${label}.*/start ([0-9A-Z]{16})`).exec(stdout)?.[1];
  if (!code) throw new Error(`no ${label} code in:\n${stdout}`);
  return code;
}

describe("npm start -- --at: the console at a simulated instant", () => {
  it("first start: banner with the simulated clock and codes; later start: the 08:00 reminder at once, and how to get invites", async () => {
    const env = consoleEnv();
    const first = await runCli(["start", "--at", "2020-03-13T08:00"], env, ":thoat\n");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Đồng hồ mô phỏng: 13/03/2020 08:00 (chạy theo thời gian thực).");
    expect(first.stdout).toContain("Đã nạp 2 kế hoạch có sẵn (xem: npx nhacviec plans):");
    expect(first.stdout).toContain("  NQ17 — Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP");
    expect(first.stdout).toContain(
      "  CDS2026 — Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026 (2026, 14 nhiệm vụ)",
    );
    const officialCode = inviteCode(first.stdout, "cán bộ đầu mối Sở Thông tin và Truyền thông");
    inviteCode(first.stdout, "điều phối viên");

    const linking = await runCli(
      ["start", "--at", "2020-03-13T08:00"],
      env,
      `/start ${officialCode}\n/chitieu\n`,
    );
    expect(linking.stdout).toContain("Liên kết thành công");
    // The first start loaded the plan's targets with it: the official's indicators are listed.
    expect(linking.stdout).toContain("Chỉ tiêu 2: Tỷ lệ hồ sơ giải quyết trực tuyến");

    const later = await runCli(["start", "--at", "2020-03-13T08:00"], env, ":bam 1\n");
    expect(later.code).toBe(0);
    expect(later.stderr).toBe("");
    const out = later.stdout;
    // The official is linked: no new code for that role, but a fresh one for the coordinator nobody used.
    expect(out).toContain("Đã liên kết trong console: canbo (cán bộ Sở Thông tin và Truyền thông).");
    expect(out).toContain(
      "Cần thêm mã mời: npx nhacviec invite --agency so-tttt --role official (hoặc --role coordinator, không cần --agency).",
    );
    expect(out).not.toContain("cán bộ đầu mối Sở Thông tin và Truyền thông:  /start");
    expect(inviteCode(out, "điều phối viên")).not.toBe(inviteCode(first.stdout, "điều phối viên"));
    // The start's first scheduler run shows the reminder due at 08:00 before the first prompt.
    const reminder = out.indexOf("📬 Tin nhắn theo lịch gửi tới «canbo»:\n🤖 ⏰ Nhắc báo cáo Quý I/2020");
    expect(reminder).toBeGreaterThan(0);
    expect(reminder).toBeLessThan(out.indexOf("canbo> "));
    expect(out).toMatch(/\[1\] ✅ Xong I\.2 {3}\[2\] ⏳ Đang làm I\.2 {3}\[3\] ⚠️ Vướng I\.2/);
    expect(out).toContain("canbo> :bam 1\n🤖 ✅ Đã ghi nhận I.2: hoàn thành");
    expect(out.endsWith("canbo> \nTạm biệt!\n")).toBe(true);
  });

  it("refuses a date it cannot read, and --at with BOT_TOKEN, in one line each", async () => {
    const env = consoleEnv();
    const bad = await runCli(["start", "--at", "hôm qua"], env, "");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'nhacviec: --at: không đọc được ngày giờ «hôm qua»; ví dụ: npm start -- --at 2020-03-13T08:00 (giờ theo APP_TZ) hoặc --at "13/3/2020 08:00".\n',
    );
    const telegram = await runCli(["start", "--at", "2020-03-13T08:00"], {
      ...env,
      BOT_TOKEN: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0",
    });
    expect(telegram.code).toBe(1);
    expect(telegram.stderr).toMatch(/^nhacviec: --at chỉ dùng cho console: .*\n$/);
  });
});
