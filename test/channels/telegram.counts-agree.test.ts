// One source of truth: /cham, /tinhhinh, /conlai and the /baocao caption over Telegram, `nhacviec
// behind --json` and `nhacviec report` on the same database at the same instant tell the same numbers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgencyStanding, BehindReport } from "../../src/domain/behind.ts";
import type { QuarterReport } from "../../src/domain/quarter-report.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { runCli } from "../support/run-cli.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

describeEachDatabase("the counts agree", (database) => {
  const COORDINATOR = 8001;
  const OFFICIAL_TTTT = 8002;
  const OFFICIAL_Y_TE = 8003;

  let harness: TelegramHarness;

  async function link(userId: number, agency: string | null, role: Role): Promise<void> {
    await harness.link(userId, agency, role);
  }

  /** A message, then the bot's answer; the clock moves a minute so the next question sees it. */
  async function ask(userId: number, text: string): Promise<SentMessage> {
    const since = harness.fake.checkpoint();
    harness.fake.sendUserMessage({
      userId,
      text,
      date: Math.floor(harness.app.clock.now().getTime() / 1000),
    });
    const answer = await harness.fake.waitForMessage(
      userId,
      (m) => m.method === "sendMessage",
      10_000,
      since,
    );
    harness.app.clock.advance(60_000);
    return answer;
  }

  function env(): Record<string, string> {
    return { DATABASE_URL: harness.app.databaseUrl, LOG_LEVEL: "silent" };
  }

  async function behindJson(quarter?: string): Promise<BehindReport> {
    const at = harness.app.clock.now().toISOString();
    const args = ["behind", "--at", at, "--json", ...(quarter ? ["--quarter", quarter] : [])];
    const result = await runCli(args, env());
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as BehindReport;
  }

  async function reportJson(quarter: string): Promise<QuarterReport> {
    const out = join(harness.app.directory, `${quarter}.json`);
    const at = harness.app.clock.now().toISOString();
    expect((await runCli(["report", "--quarter", quarter, "--at", at, "--out", out], env())).code).toBe(0);
    return JSON.parse(readFileSync(out, "utf8")) as QuarterReport;
  }

  function numbers(text: string, pattern: RegExp): number[] {
    const match = pattern.exec(text);
    if (!match) throw new Error(`${pattern} not in:\n${text}`);
    return match.slice(1).map((value) => Number(value.replaceAll(".", "")));
  }

  function standingOf(report: BehindReport, code: string): AgencyStanding {
    const standing = report.agencies.find((s) => s.agencyCode === code);
    if (!standing) throw new Error(code);
    return standing;
  }

  beforeEach(async () => {
    harness = await startTelegramHarness({ database, at: "2020-03-10T02:00:00Z" }); // Q1 2020, due before 20/3
    await link(COORDINATOR, null, "coordinator");
    await link(OFFICIAL_TTTT, "so-tttt", "official");
    await link(OFFICIAL_Y_TE, "so-y-te", "official");
    // Four updates: II.2 (a task of 2019 and 2021–2025, not of 2020) done, II.9 in progress, I.1 (due
    // 31/12/2019, so overdue) blocked, and Sở Y tế's III.4 done.
    await ask(OFFICIAL_TTTT, "II.2 xong");
    await ask(OFFICIAL_TTTT, "II.9 đang làm 60%");
    await ask(OFFICIAL_TTTT, "I.1 vướng kinh phí");
    await ask(OFFICIAL_Y_TE, "III.4 xong");
  });
  afterEach(async () => {
    await harness.close();
  });

  describe("the counts agree across the chat, the CLI and the report", () => {
    it("during the quarter", async () => {
      const cham = (await ask(COORDINATOR, "/cham")).text ?? "";
      const tinhhinh = (await ask(COORDINATOR, "/tinhhinh Sở TTTT")).text ?? "";
      const conlai = (await ask(OFFICIAL_TTTT, "/conlai")).text ?? "";
      const since = harness.fake.checkpoint();
      harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/baocao" });
      const caption =
        (await harness.fake.waitForMessage(COORDINATOR, (m) => m.method === "sendMessage", 15_000, since))
          .text ?? "";
      const behind = await behindJson();
      const report = await reportJson("2020-Q1");
      const { totals } = behind;

      // Regression: "(2/306 nhiệm vụ có cập nhật)" when 3 were updated: every update is counted.
      expect(totals.updatedAssignments).toBe(4);
      expect(
        numbers(
          cham,
          /Đã báo cáo đủ: (\d+)\/(\d+) đơn vị phải báo cáo · (\d+) phần việc có cập nhật trong kỳ · còn thiếu (\d+)\/(\d+) phần việc/,
        ),
      ).toEqual([
        totals.agenciesReported,
        totals.agenciesOwing,
        totals.updatedAssignments,
        totals.missingAssignments,
        totals.owedAssignments,
      ]);

      const tttt = standingOf(behind, "so-tttt");
      expect(tttt).toMatchObject({ updatedCount: 3, overdueTaskCodes: ["I.1"] });
      expect(
        numbers(
          tinhhinh,
          /Đã báo cáo (\d+)\/(\d+) nhiệm vụ phải báo cáo trong kỳ \((\d+) nhiệm vụ có cập nhật/,
        ),
      ).toEqual([tttt.reportedCount, tttt.owedCount, tttt.updatedCount]);
      expect(tinhhinh).toContain(`Quá hạn chưa hoàn thành: ${tttt.overdueTaskCodes.join(", ")}`);
      // Regression: ✅ beside a blocked, overdue task. ✅ is for done only.
      expect(tinhhinh).toContain("⚠️ I.1: vướng: kinh phí");
      expect(tinhhinh).not.toMatch(/✅ I\.1/);
      expect(tinhhinh).toContain("✅ II.2: hoàn thành");
      expect(tinhhinh).toContain("⏳ II.9: đang thực hiện 60%");

      expect(numbers(conlai, /còn (\d+) nhiệm vụ chưa báo cáo Quý I\/2020/)).toEqual([
        tttt.missingTaskCodes.length,
      ]);
      expect(numbers(conlai, /Quá hạn chưa hoàn thành \((\d+) nhiệm vụ\)/)).toEqual([tttt.overdueCount]);

      // Regression: "/baocao: 305 nhiệm vụ" for 34 tasks: tasks and assignments are counted apart.
      expect(
        numbers(
          caption,
          /: (\d+) nhiệm vụ, (\d+) phần việc \(nhiệm vụ × đơn vị chủ trì\) của (\d+) đơn vị\.\nĐã báo cáo đủ: (\d+)\/(\d+) đơn vị phải báo cáo · quá hạn chưa hoàn thành: (\d+) phần việc/,
        ),
      ).toEqual([
        totals.tasks,
        totals.assignments,
        totals.agenciesInScope,
        totals.agenciesReported,
        totals.agenciesOwing,
        totals.categories.overdue,
      ]);
      expect(totals.tasks).toBeLessThan(totals.assignments);
      expect(new Set(report.rows.map((row) => row.taskCode)).size).toBe(totals.tasks);
      expect(report.rows).toHaveLength(totals.assignments);
      expect(report.rows.filter((row) => row.reportedInPeriod)).toHaveLength(totals.updatedAssignments);
      expect(report.totals).toEqual(totals);
      const summary = report.summary.find((row) => row.agencyCode === "so-tttt");
      expect(summary).toMatchObject({
        owed: tttt.owedCount,
        reported: tttt.reportedCount,
        missing: tttt.missingTaskCodes.length,
        categories: tttt.categories,
        timeliness: { kind: "pending" },
      });
    });

    it("for a quarter that has ended: the same days late in /cham, behind and the report (regression: 'Trễ 1 ngày')", async () => {
      harness.app.clock.set(new Date("2020-03-25T03:00:00Z")); // 25/3, the 6th day after the deadline
      const cham = (await ask(COORDINATOR, "/cham 2020-Q1")).text ?? "";
      const since = harness.fake.checkpoint();
      harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/baocao excel 2020-Q1" });
      const file = await harness.fake.waitForMessage(
        COORDINATOR,
        (m) => m.method === "sendDocument",
        15_000,
        since,
      );
      const behind = await behindJson("2020-Q1");
      const report = await reportJson("2020-Q1");

      expect(standingOf(behind, "so-tttt").daysLate).toBe(6);
      expect(cham).toContain("Kỳ đã kết thúc: trạng thái tính tại hạn nộp (20/03/2020 00:00)");
      expect(cham).toMatch(/1\. Sở Thông tin và Truyền thông — thiếu 19\/20: .* \(trễ hạn nộp 6 ngày\)/);
      expect(report.summary.find((row) => row.agencyCode === "so-tttt")?.timeliness).toEqual({
        kind: "late",
        days: 6,
      });
      expect(report.totals).toEqual(behind.totals);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(file.document?.bytes ?? []).buffer);
      const sheet = workbook.getWorksheet("Tổng hợp đơn vị");
      // Under the title block and the two header rows: STT, the agency, …, its standing last.
      const row = sheet
        ?.getRows(8, (sheet?.rowCount ?? 7) - 7)
        ?.find((r) => r.getCell(2).value === "Sở Thông tin và Truyền thông");
      expect(row?.getCell(11).value).toBe("Trễ hạn nộp 6 ngày");
    });
  });
});
