// /baocao offers the written report (DOCX), the appendix (XLSX) and the chart as buttons, each press
// sending that file of the quarter asked for; /bieudo sends the chart as a photo (sendPhoto).

import { loadImage } from "@napi-rs/canvas";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHART_WIDTH, chartHeight } from "../../src/reports/chart-png.ts";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { readDocx } from "../support/docx-xml.ts";
import { seedThirdQuarter } from "../support/report-fixtures.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

const COORDINATOR = 7001;
const OFFICIAL = 7002;
let harness: TelegramHarness;

beforeEach(async () => {
  // 25/9/2020, after Q3's deadline.
  harness = await startTelegramHarness({ at: "2020-09-25T02:00:00Z" });
  await seedThirdQuarter(harness.app);
  await harness.link(COORDINATOR, null, "coordinator", "Điều phối");
  await harness.link(OFFICIAL, "so-y-te", "official", "Lan");
});
afterEach(async () => {
  await harness.close();
});

/** Presses a button and waits for the bot's message sent with `method`, then for the caption after it. */
async function pressFor(
  offer: SentMessage,
  data: string,
  method: SentMessage["method"],
): Promise<SentMessage> {
  const since = harness.fake.checkpoint();
  harness.fake.pressButton({ userId: COORDINATOR, messageId: offer.messageId, data });
  const file = await harness.fake.waitForMessage(COORDINATOR, (m) => m.method === method, 15_000, since);
  await harness.fake.waitForMessage(COORDINATOR, (m) => m.method === "sendMessage", 15_000, file.seq);
  return file;
}

async function choices() {
  const offer = await harness.ask(COORDINATOR, "/baocao 2020-Q3");
  expect(offer.text).toContain("Báo cáo Quý III/2020 (số liệu đến 20/09/2020 00:00)");
  expect(offer.text).toContain("Anh/chị chọn loại tệp bên dưới");
  expect(buttonData(offer.replyMarkup)).toEqual(["r:d:2020-Q3", "r:x:2020-Q3", "r:c:2020-Q3"]);
  return offer;
}

describe("/baocao's choices", () => {
  it("sends the written report as a DOCX when its button is pressed", async () => {
    const offer = await choices();
    const file = await pressFor(offer, "r:d:2020-Q3", "sendDocument");
    expect(file.document?.filename).toBe("bao-cao-2020-Q3.docx");
    const docx = readDocx(new Uint8Array(file.document?.bytes ?? []));
    const text = docx.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Kết quả thực hiện Kế hoạch hành động");
    expect(text).toContain("“thiếu máy chủ, đường truyền chậm”");
    // Dated the day it was asked for.
    expect(text).toContain("Gia Lai, ngày 25 tháng 9 năm 2020");
  });

  it("sends the appendix workbook and the chart from their buttons", async () => {
    const offer = await choices();
    const workbook = await pressFor(offer, "r:x:2020-Q3", "sendDocument");
    expect(workbook.document?.filename).toBe("bao-cao-2020-Q3.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(workbook.document?.bytes ?? []).buffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(2);
    const chart = await pressFor(offer, "r:c:2020-Q3", "sendPhoto");
    expect(chart.photo).toMatchObject({ width: CHART_WIDTH, height: chartHeight(40) });
  });

  it("sends a file at once when the format is named, and explains a bad quarter", async () => {
    const since = harness.fake.checkpoint();
    harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/baocao word 2020-Q3" });
    const file = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendDocument",
      15_000,
      since,
    );
    expect(file.document?.filename).toBe("bao-cao-2020-Q3.docx");
    const caption = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendMessage",
      15_000,
      file.seq,
    );
    expect(caption.text).toContain("Báo cáo Quý III/2020");
    const bad = await harness.ask(COORDINATOR, "/baocao word 2020-Q5");
    expect(bad.text).toContain("«2020-Q5» không phải kỳ báo cáo");
    expect(bad.text).toContain("/baocao word 2020-Q1");
  });

  it("answers an out-of-date button, and refuses the buttons to an official", async () => {
    const offer = await choices();
    expect((await harness.press(COORDINATOR, offer, "r:z:2020-Q3")).text).toContain("Nút này đã cũ");
    expect((await harness.press(OFFICIAL, offer, "r:d:2020-Q3")).text).toContain("dành cho điều phối viên");
  });
});

describe("/bieudo", () => {
  it("sends the quarter's chart as a photo, with its caption", async () => {
    const since = harness.fake.checkpoint();
    harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/bieudo 2020-Q3" });
    const photo = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendPhoto",
      15_000,
      since,
    );
    const image = await loadImage(photo.photo?.bytes ?? Buffer.alloc(0));
    expect([image.width, image.height]).toEqual([CHART_WIDTH, chartHeight(40)]);
    const caption = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendMessage",
      15_000,
      photo.seq,
    );
    expect(caption.text).toBe(
      "📈 Biểu đồ tiến độ Quý III/2020 theo đơn vị (số liệu đến 20/09/2020 00:00): 40 đơn vị, đơn vị chậm nhất ở trên.",
    );
  });

  it("explains a bad quarter and is for coordinators only", async () => {
    expect(await harness.say(COORDINATOR, "/bieudo 2020-Q9")).toContain("/bieudo 2020-Q3");
    expect(await harness.say(OFFICIAL, "/bieudo")).toContain("dành cho điều phối viên");
  });
});
