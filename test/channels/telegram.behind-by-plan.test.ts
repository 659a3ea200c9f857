// A coordinator narrows /cham, /baocao and /bieudo to one plan by its short code, beside the period in
// any order; without one every plan shows, each listed task after its plan's code. Two plans with
// work in Q1 2020: the built-in NQ17 (40 agencies) and CDS2020, imported from a small JSON catalogue
// through the real import, whose two tasks (numbered I.1 and I.2 like NQ17's) are Sở Y tế's and Sở
// Nội vụ's. An unknown plan gets a reply listing the plans.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readJsonCatalogue } from "../../src/plan-import/read-json.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

const COORDINATOR = 5101;

const CATALOGUE = {
  plan: { code: "chuyen-doi-so-2020", short_code: "CDS2020", title: "Kế hoạch chuyển đổi số năm 2020" },
  sections: [
    {
      code: "I",
      title: "Dữ liệu số",
      tasks: [
        { code: "I.1", title: "Số hóa hồ sơ bệnh án", lead: ["Sở Y tế"], timeframes: ["2020"] },
        { code: "I.2", title: "Số hóa hồ sơ cán bộ", lead: ["Sở Nội vụ", "Sở Y tế"], timeframes: ["2020"] },
      ],
    },
  ],
};

describeEachDatabase("who is behind and the report, by plan", (database) => {
  let harness: TelegramHarness;

  beforeAll(async () => {
    // The harness's clock: 10/3/2020, in Q1 2020; it loads the built-in plan.
    harness = await startTelegramHarness({ database });
    const { app } = harness;
    await importPlan(app.database.db, readJsonCatalogue(CATALOGUE, { sourcePath: "cds.json" }), {
      actor: "test",
      now: app.clock.now(),
      source: "cds.json",
    });
    await harness.link(COORDINATOR, null, "coordinator", "Điều phối");
  }, 60_000);
  afterAll(async () => {
    await harness.close();
  });

  /** Sends a text and waits for the file the bot sends with `method`, then for the caption after it. */
  async function fileFor(text: string, method: SentMessage["method"]): Promise<[SentMessage, SentMessage]> {
    const since = harness.fake.checkpoint();
    harness.fake.sendUserMessage({ userId: COORDINATOR, text });
    const file = await harness.fake.waitForMessage(COORDINATOR, (m) => m.method === method, 15_000, since);
    const caption = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendMessage",
      15_000,
      file.seq,
    );
    return [file, caption];
  }

  it("/cham shows every plan, each listed task after its plan's code", async () => {
    const text = (await harness.ask(COORDINATOR, "/cham")).text ?? "";
    expect(text).toContain("Chưa báo cáo đủ (40 đơn vị)");
    // 8 of NQ17's tasks and CDS2020's two; the list shows the first eight, in plan order.
    expect(text).toContain("Sở Y tế — thiếu 10/10: NQ17 II.6, NQ17 II.7,");
    expect(text).toContain("• NQ17 I.1 · Sở Thông tin và Truyền thông: hạn hoàn thành 31/12/2019");
    expect(text).not.toContain("Chỉ tính kế hoạch");
  });

  it("/cham CDS2020 shows only that plan's work, its codes alone, the plan and period in any order", async () => {
    for (const command of ["/cham CDS2020", "/cham cds2020 2020-Q1", "/cham 2020-Q1 chuyen-doi-so-2020"]) {
      const text = (await harness.ask(COORDINATOR, command)).text ?? "";
      expect(text).toContain("Chỉ tính kế hoạch CDS2020.");
      expect(text).toContain("Đã báo cáo đủ: 0/2 đơn vị phải báo cáo");
      expect(text).toContain("Chưa báo cáo đủ (2 đơn vị)");
      expect(text).toContain("Sở Y tế — thiếu 2/2: I.1, I.2");
      expect(text).toContain("Sở Nội vụ — thiếu 1/1: I.2");
      // NQ17's I.1, overdue since 2019, is not counted either.
      expect(text).toContain("Vướng mắc: 0 · Quá hạn: 0 · Lâu không cập nhật: 3 (phần việc)");
      expect(text).not.toContain("NQ17");
    }
  });

  it("/cham with an unknown plan lists the plans", async () => {
    const text = (await harness.ask(COORDINATOR, "/cham XYZ9")).text ?? "";
    expect(text).toBe("Không có kế hoạch «XYZ9». Các kế hoạch: CDS2020, NQ17.");
    expect((await harness.ask(COORDINATOR, "/baocao excel XYZ9 2020-Q1")).text).toContain("«XYZ9»");
  });

  it("/baocao and /bieudo take the plan beside the period: the file holds that plan's work only", async () => {
    const [workbook, caption] = await fileFor("/baocao excel CDS2020 2020-Q1", "sendDocument");
    expect(caption.text).toContain("Chỉ tính kế hoạch CDS2020.");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(workbook.document?.bytes ?? []).buffer);
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") cells.push(cell.value);
        }),
      ),
    );
    expect(cells).toEqual(expect.arrayContaining(["Số hóa hồ sơ bệnh án", "Số hóa hồ sơ cán bộ"]));
    expect(cells.filter((cell) => cell.startsWith("Sở ")).sort()).not.toContain("Sở Tài chính");

    const [chart, chartCaption] = await fileFor("/bieudo 2020-Q1 CDS2020", "sendPhoto");
    expect(chart.photo).toBeDefined();
    expect(chartCaption.text).toContain("2 đơn vị");
    expect(chartCaption.text).toContain("Chỉ tính kế hoạch CDS2020.");
  });

  it("/baocao's buttons carry the plan", async () => {
    const offer = await harness.ask(COORDINATOR, "/baocao cds2020");
    expect(buttonData(offer.replyMarkup)).toEqual([
      "r:d:2020-Q1:pCDS2020",
      "r:x:2020-Q1:pCDS2020",
      "r:c:2020-Q1:pCDS2020",
    ]);
    const since = harness.fake.checkpoint();
    harness.fake.pressButton({
      userId: COORDINATOR,
      messageId: offer.messageId,
      data: "r:c:2020-Q1:pCDS2020",
    });
    await harness.fake.waitForMessage(COORDINATOR, (m) => m.method === "sendPhoto", 15_000, since);
    const caption = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendMessage",
      15_000,
      since,
    );
    expect(caption.text).toContain("2 đơn vị");
  });

  it("/baocao of an ended quarter reads every plan's assignments as of its deadline", async () => {
    const [workbook] = await fileFor("/baocao excel 2019-Q4", "sendDocument");
    expect(workbook.document?.filename).toBe("bao-cao-2019-Q4.xlsx");
  });
});
