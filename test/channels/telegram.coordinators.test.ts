import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDelivery } from "../../src/app.ts";
import { isMissingUpdate } from "../../src/domain/assignment-status.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import { loadAssignmentSnapshots } from "../../src/services/period-snapshot.ts";
import { appendStatusUpdates } from "../../src/store/status-updates.ts";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

describeEachDatabase("coordinators over Telegram", (database) => {
  // The harness clock: 10/3/2020 09:00 local, in Q1 2020 (due before 20/3).
  const PERIOD = "2020-Q1";
  const LAGGARDS = ["so-y-te", "so-noi-vu"];
  const COORDINATOR = 5001;
  const OFFICIAL_Y_TE = 6001;

  let harness: TelegramHarness;

  async function link(userId: number, agency: string | null, role: Role, name: string): Promise<void> {
    await harness.link(userId, agency, role, name);
  }

  /** Every open assignment of every agency except the laggards gets an update in the period. */
  async function everyoneReportsExcept(codes: string[]): Promise<void> {
    const db = harness.app.database.db;
    const snapshots = await loadAssignmentSnapshots(db, {
      until: harness.app.clock.now(),
      periodKey: PERIOD,
    });
    const sentAt = new Date("2020-03-05T02:00:00Z");
    const updates = snapshots
      .filter((s) => isMissingUpdate(s, 2020) && !codes.includes(s.agencyCode))
      .map((s, index) => ({
        assignmentId: s.assignmentId,
        personId: null,
        channel: "telegram" as const,
        chatId: null,
        messageId: null,
        messageKey: `fixture:${index}`,
        revision: 0,
        rawText: `${s.taskCode} đang làm 50%`,
        status: "in_progress" as const,
        progress: index % 2 === 0 ? 50 : null,
        blocker: null,
        eta: null,
        sentAt,
        periodKey: PERIOD,
      }));
    await appendStatusUpdates(db, updates, sentAt);
  }

  function ask(userId: number, text: string): Promise<SentMessage> {
    return harness.ask(userId, text);
  }

  beforeEach(async () => {
    harness = await startTelegramHarness({ database });
    await link(COORDINATOR, null, "coordinator", "Điều phối");
    await link(OFFICIAL_Y_TE, "so-y-te", "official", "Lan");
    await everyoneReportsExcept(LAGGARDS);
  });
  afterEach(async () => {
    await harness.close();
  });

  describe("coordinators over Telegram", () => {
    it("/cham lists the agencies that have not reported, most behind first, and leaves out the rest", async () => {
      const answer = await ask(COORDINATOR, "/cham");
      const text = answer.text ?? "";
      expect(text).toContain("Quý I/2020");
      expect(text).toContain("Đã báo cáo đủ: 38/40 đơn vị");
      expect(text).toContain("Chưa báo cáo đủ (2 đơn vị)");
      // Sở Nội vụ owes 11 tasks, Sở Y tế 8: most behind first.
      expect(text.indexOf("1. Sở Nội vụ")).toBeGreaterThan(-1);
      expect(text.indexOf("2. Sở Y tế")).toBeGreaterThan(text.indexOf("1. Sở Nội vụ"));
      expect(text).toContain("III.4");
      expect(text).not.toContain("Sở Tài chính");
      expect(text).not.toContain("Công an tỉnh");
      // One 🔔 per agency listed, carrying the period; then the overdue view (Sở TTTT's I.1 of 2019).
      const nudges = buttonData(answer.replyMarkup).filter((data) => data.startsWith("n:"));
      expect(nudges).toHaveLength(2);
      expect(nudges.every((data) => /^n:\d+:2020-Q1$/.test(data))).toBe(true);
      expect(buttonData(answer.replyMarkup).at(-1)).toBe("o:1:2020-Q1");
    });

    it("answers 'ai chưa báo cáo?' in words, without diacritics too, like /chuabaocao", async () => {
      for (const question of ["ai chưa báo cáo?", "don vi nao cham", "/chuabaocao"]) {
        const text = (await ask(COORDINATOR, question)).text ?? "";
        expect(text).toContain("Chưa báo cáo đủ (2 đơn vị)");
        expect(text).toContain("Sở Y tế");
        expect(text).not.toContain("Sở Tài chính");
      }
    });

    it("answers 'tình hình Sở Y tế' and 'nhiệm vụ III.4 thế nào?'", async () => {
      const agency = (await ask(COORDINATOR, "tinh hinh so y te")).text ?? "";
      expect(agency).toContain("Sở Y tế — Quý I/2020");
      expect(agency).toContain("Đã báo cáo 0/8");
      expect(agency).toContain("▫️ III.4: chưa báo cáo — chưa thực hiện");
      const task = (await ask(COORDINATOR, "nhiệm vụ III.4 thế nào?")).text ?? "";
      expect(task).toContain("Nhiệm vụ III.4");
      expect(task).toContain("Sở Y tế: chưa báo cáo");
      const unknown = (await ask(COORDINATOR, "tình hình Sở Y tê tỉnh Kon Tum")).text ?? "";
      expect(unknown).toContain("Không tìm thấy đơn vị");
      expect(unknown).toContain("Có phải: Sở Y tế");
    });

    it("refuses an official politely, and leaves an official's words to the status handler", async () => {
      expect((await ask(OFFICIAL_Y_TE, "/cham")).text).toContain("dành cho điều phối viên");
      expect((await ask(OFFICIAL_Y_TE, "/baocao")).text).toContain("dành cho điều phối viên");
      expect((await ask(OFFICIAL_Y_TE, "/nhac Sở Nội vụ")).text).toContain("dành cho điều phối viên");
      for (const question of [
        "ai chưa báo cáo?",
        "tình hình Sở Y tế",
        "don vi nao cham",
        "nhiệm vụ II.2 thế nào?",
      ]) {
        const text = (await ask(OFFICIAL_Y_TE, question)).text ?? "";
        expect(text).toBe(
          "Chức năng này dành cho điều phối viên. Anh/chị dùng /nhiemvu để xem nhiệm vụ của đơn vị mình.",
        );
      }
      // An update that starts like a question is still an update.
      expect((await ask(OFFICIAL_Y_TE, "tiến độ III.4 đạt 80%")).text).toContain("Đã ghi nhận III.4");
    });

    it("shows an obstacle one way, «vướng: …», capped in chat lines and whole in the database", async () => {
      const reason =
        "kinh phí, nhân lực và mặt bằng. Sở Tài chính chưa thẩm định dự toán, UBND tỉnh chưa phân bổ vốn " +
        "cho hạng mục máy chủ và phần mềm dùng chung của các sở";
      // Stamped with the harness clock, so the update belongs to Q1 2020.
      expect(await harness.say(OFFICIAL_Y_TE, `III.4 đang làm 40%, vướng ${reason}`)).toContain(
        "Đã ghi nhận III.4: đang thực hiện 40%, vướng: kinh phí, nhân lực",
      );
      const stored = await harness.app.database.db
        .selectFrom("status_updates")
        .select("blocker")
        .where("blocker", "is not", null)
        .executeTakeFirstOrThrow();
      expect(stored.blocker).toBe(`vướng ${reason}`);
      const capped = (text: string) => {
        const shown = /vướng: (kinh phí[^\n]*?…)/.exec(text)?.[1] ?? "";
        expect(shown.length).toBeLessThanOrEqual(100);
        expect(reason.startsWith(shown.slice(0, -1))).toBe(true);
        return shown;
      };
      harness.app.clock.advance(60_000);
      const behind = (await ask(COORDINATOR, "/cham")).text ?? "";
      expect(behind).toMatch(/^• III\.4 · Sở Y tế — vướng: kinh phí.*… \(0 ngày\)$/m);
      capped(behind);
      const agency = (await ask(COORDINATOR, "tình hình Sở Y tế")).text ?? "";
      expect(agency).toMatch(/^⚠️ III\.4: đang thực hiện 40%, vướng: kinh phí.*… — /m);
      capped(agency);
      expect(agency).not.toContain("vướng mắc");
    });

    it("a nudge button reaches the agency's officials once, and a second nudge within the hour is refused", async () => {
      const db = harness.app.database.db;
      const list = await ask(COORDINATOR, "/cham");
      const yTe = await db
        .selectFrom("agencies")
        .select("id")
        .where("code", "=", "so-y-te")
        .executeTakeFirstOrThrow();
      const data = buttonData(list.replyMarkup).find((value) => value === `n:${yTe.id}:2020-Q1`);
      expect(data).toBeDefined();

      let since = harness.fake.checkpoint();
      harness.fake.pressButton({ userId: COORDINATOR, messageId: list.messageId, data: data ?? "" });
      const sent = await harness.fake.waitForMessage(COORDINATOR, undefined, 10_000, since);
      expect(sent.text).toBe(
        "🔔 Đã nhắc Sở Y tế (1 người nhận): 8 nhiệm vụ chưa báo cáo Quý I/2020, 0 nhiệm vụ quá hạn chưa hoàn thành.",
      );

      harness.app.clock.advance(12 * 60_000);
      const again = (await ask(COORDINATOR, "/nhac so y te")).text ?? "";
      expect(again).toBe("Đã nhắc Sở Y tế lúc 09:00, có thể nhắc lại sau 10:00.");
      const sorry = (await ask(COORDINATOR, "/nhac Sở Tài chính")).text ?? "";
      expect(sorry).toContain("đã báo cáo đủ");

      const rows = await db.selectFrom("outbox").select(["kind", "chat_id"]).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: "nudge", chat_id: String(OFFICIAL_Y_TE) });
      const audits = await db
        .selectFrom("audit_log")
        .select("subject")
        .where("action", "=", "nudge")
        .execute();
      expect(audits).toEqual([{ subject: "so-y-te" }]);

      since = harness.fake.checkpoint();
      const delivery = createDelivery(
        { ...harness.app.config, BOT_TOKEN: harness.fake.token, TELEGRAM_API_ROOT: harness.fake.apiRoot },
        { db, clock: harness.app.clock },
      );
      try {
        expect((await delivery.drain()).sent).toBe(1);
        expect((await delivery.drain()).sent).toBe(0);
      } finally {
        delivery.close();
      }
      const received = harness.fake.sentMessages(OFFICIAL_Y_TE).filter((message) => message.seq >= since);
      expect(received).toHaveLength(1);
      expect(received[0]?.text).toContain("Điều phối viên Điều phối nhắc: Sở Y tế chưa báo cáo Quý I/2020");
      expect(received[0]?.text).toContain("III.4");

      // An hour after the first nudge it may go again.
      harness.app.clock.advance(48 * 60_000);
      expect((await ask(COORDINATOR, "/nhac Sở Y tế")).text).toContain("Đã nhắc Sở Y tế");
    });

    it("/baocao excel delivers an XLSX file whose cells match the database", async () => {
      const db = harness.app.database.db;
      const since = harness.fake.checkpoint();
      harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/baocao excel 2020-Q1" });
      const file = await harness.fake.waitForMessage(
        COORDINATOR,
        (m) => m.method === "sendDocument",
        15_000,
        since,
      );
      expect(file.document?.filename).toBe("bao-cao-2020-Q1.xlsx");
      const workbook = new ExcelJS.Workbook();
      const bytes = new Uint8Array(file.document?.bytes ?? []);
      await workbook.xlsx.load(bytes.buffer);
      const sheet = workbook.getWorksheet("Nhiệm vụ");
      if (!sheet) throw new Error("no task sheet");
      // Under the title block (4 lines and a blank row), the header; the agency heads each group of rows.
      const headers = (sheet.getRow(6).values as ExcelJS.CellValue[]).slice(1);
      expect(headers).toContain("Tiến độ (%)");
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
      const col = (name: string) => headers.indexOf(name) + 1;

      const updates = await db
        .selectFrom("status_updates")
        .innerJoin("assignments", "assignments.id", "status_updates.assignment_id")
        .innerJoin("tasks", "tasks.id", "assignments.task_id")
        .innerJoin("agencies", "agencies.id", "assignments.agency_id")
        .select(["tasks.code", "agencies.name", "status_updates.progress", "status_updates.sent_at"])
        .execute();
      const byKey = new Map(updates.map((u) => [`${u.code}|${u.name}`, u]));
      let reportedRows = 0;
      let missingRows = 0;
      let agency = "";
      sheet.eachRow((row, number) => {
        if (number <= 6) return;
        const first = row.getCell(1).value;
        if (typeof first === "string") {
          agency = first.replace(/ \(\d+ nhiệm vụ\)$/, "");
          return;
        }
        const key = `${row.getCell(col("Số hiệu nhiệm vụ")).value}|${agency}`;
        const update = byKey.get(key);
        const reported = row.getCell(col("Báo cáo kỳ này")).value;
        if (update) {
          reportedRows += 1;
          expect(reported).toBe("Đã báo cáo");
          expect(row.getCell(col("Tiến độ (%)")).value).toBe(update.progress);
          const time = row.getCell(col("Thời gian báo cáo"));
          expect(time.value).toBeInstanceOf(Date);
          expect(time.numFmt).toBe("dd/mm/yyyy hh:mm");
          // 02:00 UTC is 09:00 local, written as the local wall time.
          expect((time.value as Date).toISOString()).toBe("2020-03-05T09:00:00.000Z");
        } else if (reported === "Chưa báo cáo") missingRows += 1;
      });
      expect(reportedRows).toBe(updates.length);
      expect(missingRows).toBeGreaterThanOrEqual(19); // Sở Nội vụ's 11 and Sở Y tế's 8
      const summary = workbook.getWorksheet("Tổng hợp đơn vị");
      const yTe = summary
        ?.getRows(8, summary.rowCount - 7)
        ?.find((row) => row.getCell(2).value === "Sở Y tế");
      expect(yTe?.getCell(3).value).toBe(8); // to report
      expect(yTe?.getCell(4).value).toBe(0); // reported
      expect(workbook.worksheets).toHaveLength(2); // Q1 has no cumulative view
    });

    it("/baocao with a bad quarter says which and how to write it", async () => {
      const text = (await ask(COORDINATOR, "/baocao 2020-Q5")).text ?? "";
      expect(text).toContain("«2020-Q5» không phải kỳ báo cáo");
    });
  });
});
