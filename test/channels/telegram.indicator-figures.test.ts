// An official reports an indicator's figure in chat: "chỉ tiêu 2: 45%" (or "CT2: 45,5%") is stored for
// the agency and the period of the message, with who and when, before the reply confirms it; it is
// never read as task 2's progress; a figure out of range is asked about, not stored. The written
// report then shows the indicators' table with the target met or not and who has not reported.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBuiltinIndicators } from "../../src/services/indicator-import.ts";
import { readDocx } from "../support/docx-xml.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

const OFFICIAL = 8101;
const DISTRICT = 8102;
const COORDINATOR = 8103;
let harness: TelegramHarness;

beforeEach(async () => {
  // 1/9/2020 09:00 in Gia Lai: Quý III/2020.
  harness = await startTelegramHarness({ at: "2020-09-01T02:00:00Z" });
  await importBuiltinIndicators(harness.app.database.db, harness.app.clock.now());
  await harness.link(OFFICIAL, "so-y-te", "official", "Lan");
  await harness.link(DISTRICT, "tp-pleiku", "official", "Dũng");
  await harness.link(COORDINATOR, null, "coordinator", "Điều phối");
});
afterEach(async () => {
  await harness.close();
});

/** Sends a text stamped with the app's clock and waits for the bot's message (with its buttons). */
function askAt(userId: number, text: string) {
  const date = Math.floor(harness.app.clock.now().getTime() / 1000);
  return harness.exchange(userId, () => harness.fake.sendUserMessage({ userId, text, date }));
}

function storedValues() {
  return harness.app.database.db
    .selectFrom("indicator_values")
    .innerJoin("indicators", "indicators.id", "indicator_values.indicator_id")
    .innerJoin("agencies", "agencies.id", "indicator_values.agency_id")
    .leftJoin("people", "people.id", "indicator_values.person_id")
    .select([
      "indicators.number",
      "agencies.code as agency",
      "indicator_values.period_key",
      "indicator_values.value",
      "people.name as person",
      "indicator_values.channel",
      "indicator_values.raw_text",
      "indicator_values.sent_at",
      "indicator_values.received_at",
    ])
    .orderBy("indicator_values.id")
    .execute();
}

describe("an indicator's figure in chat", () => {
  it("stores 'chỉ tiêu 2: 45%' for the agency and period with who and when, and confirms it", async () => {
    const reply = await harness.say(OFFICIAL, "chỉ tiêu 2: 45%");
    expect(reply).toContain("Đã ghi nhận Chỉ tiêu 2: Tỷ lệ hồ sơ giải quyết trực tuyến");
    expect(reply).toContain("(mục tiêu mỗi đơn vị ≥ 20%) — Sở Y tế, Quý III/2020: 45% (Đạt).");
    harness.app.clock.set(new Date("2020-09-02T02:00:00Z"));
    expect(await harness.say(OFFICIAL, "CT5: 12,5%")).toContain("Quý III/2020: 12,5% (Chưa đạt)");
    const stored = await storedValues();
    expect(stored).toEqual([
      {
        number: 2,
        agency: "so-y-te",
        period_key: "2020-Q3",
        value: 45,
        person: "Lan",
        channel: "telegram",
        raw_text: "chỉ tiêu 2: 45%",
        sent_at: "2020-09-01T02:00:00.000Z",
        received_at: "2020-09-01T02:00:00.000Z",
      },
      expect.objectContaining({
        number: 5,
        value: 12.5,
        raw_text: "CT5: 12,5%",
        sent_at: "2020-09-02T02:00:00.000Z",
      }),
    ]);
  });

  it("is never read as a status update of task 2", async () => {
    await harness.say(OFFICIAL, "chi tieu 2 45%");
    const updates = await harness.app.database.db.selectFrom("status_updates").select("id").execute();
    expect(updates).toEqual([]);
    expect(await storedValues()).toHaveLength(1);
  });

  it("asks about a figure out of range and stores the corrected one", async () => {
    const asked = await harness.say(OFFICIAL, "chỉ tiêu 2: 150%");
    expect(asked).toContain("150% là chưa hợp lý (phải từ 0 đến 100%)");
    expect(await storedValues()).toEqual([]);
    expect(await harness.say(OFFICIAL, "50")).toContain("Quý III/2020: 50% (Đạt)");
    expect((await storedValues()).map((row) => row.value)).toEqual([50]);
  });

  it("answers how to report a figure it cannot read, and an indicator of another level", async () => {
    expect(await harness.say(OFFICIAL, "chỉ tiêu 2: khoảng một nửa")).toContain("«chỉ tiêu 2: 45%»");
    // Indicator 16 is the district level's (70% of work dossiers online).
    expect(await harness.say(OFFICIAL, "chỉ tiêu 16: 80%")).toContain("dành cho UBND cấp huyện");
    expect(await harness.say(OFFICIAL, "chỉ tiêu 99: 80%")).toContain("không có chỉ tiêu 99");
    expect(await storedValues()).toEqual([]);
  });

  it("offers /chitieu's indicators as buttons; a press asks for the figure, and the number is stored", async () => {
    const list = await askAt(DISTRICT, "/chitieu");
    expect(list.text).toContain("Các chỉ tiêu UBND thành phố Pleiku báo cáo trong Quý III/2020:");
    // The district level's target, not the province's or the commune's.
    expect(list.text).toContain("Chỉ tiêu 16:");
    expect(list.text).not.toContain("Chỉ tiêu 15:");
    const data = buttonData(list.replyMarkup);
    const id = await harness.app.database.db
      .selectFrom("indicators")
      .select("id")
      .where("number", "=", 16)
      .executeTakeFirstOrThrow();
    expect(data).toContain(`i:${id.id}`);
    const asked = await harness.press(DISTRICT, list, `i:${id.id}`);
    expect(asked.text).toContain("Anh/chị gửi số liệu của UBND thành phố Pleiku cho Quý III/2020");
    expect(await harness.say(DISTRICT, "72,5%")).toContain("72,5% (Đạt)");
    expect(await storedValues()).toEqual([
      expect.objectContaining({ number: 16, agency: "tp-pleiku", value: 72.5 }),
    ]);
  });
});

describe("the indicators in the written report", () => {
  it("shows per indicator the figure, the cumulative figure, the target met or not, and who has not reported", async () => {
    await harness.say(OFFICIAL, "chỉ tiêu 2: 45%");
    await harness.say(DISTRICT, "chỉ tiêu 2: 10%");
    await harness.say(OFFICIAL, "chỉ tiêu 5: 40%");
    harness.app.clock.set(new Date("2020-09-25T02:00:00Z"));
    const since = harness.fake.checkpoint();
    harness.fake.sendUserMessage({ userId: COORDINATOR, text: "/baocao word 2020-Q3" });
    const file = await harness.fake.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendDocument",
      15_000,
      since,
    );
    const docx = readDocx(new Uint8Array(file.document?.bytes ?? []));
    const text = docx.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("4. Kết quả thực hiện các chỉ tiêu");
    expect(text).toMatch(
      /Kế hoạch có 21 chỉ tiêu áp dụng trong kỳ; .* 1 chỉ tiêu đạt, 1 chỉ tiêu chưa đạt, 19 chỉ tiêu/,
    );
    // Indicator 2 (every agency ≥ 20%): one of two agencies reaches it, so it is not met.
    expect(text).toMatch(
      /Tỷ lệ hồ sơ giải quyết trực tuyến[^\n]*\n50% số đơn vị đạt \(2 đơn vị báo cáo\)\n[^\n]*\nmỗi đơn vị ≥ 20%\nChưa đạt\n38\/40: /,
    );
    // Indicator 5 (mean ≥ 30%): 40% from one agency, met; the others have not reported it.
    expect(text).toMatch(
      /dịch vụ công trực tuyến thực hiện ở mức độ 4\n40% \(1 đơn vị\)\n40% \(1 đơn vị\)\n≥ 30%\nĐạt\n39\/40: Ban Dân tộc/,
    );
  });
});
