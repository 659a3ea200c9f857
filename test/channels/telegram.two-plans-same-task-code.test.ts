// Two plans running in 2026 both have a task II.2 that Sở KH&CN leads (issue 14). Over the real bot and
// the fake Bot API: a bare "II.2 xong" is asked about, never guessed, and stored against the plan
// chosen; a named plan ("CDS2026 II.2", "II.2 (CDS)") is stored at once; an unknown or closed plan gets
// an answer naming the plans; an agency with one plan reads exactly what it read before.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { closePlanAt, importTwoPlans, storedUpdates, TWO_PLANS_AT } from "../support/two-plans.ts";

const OFFICIAL_KHCN = 8201;
const OFFICIAL_CA = 8202;

let harness: TelegramHarness;

function labels(message: SentMessage): string[] {
  const markup = message.replyMarkup as { inline_keyboard?: { text: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((button) => button.text);
}

/** Sends a text stamped with the app's clock (inside Q1 2026) and waits for the bot's answer. */
function send(userId: number, text: string): Promise<SentMessage> {
  const date = Math.floor(harness.app.clock.now().getTime() / 1000);
  return harness.exchange(userId, () => harness.fake.sendUserMessage({ userId, text, date }));
}

/** The callback data of the button with this label. */
function dataOf(message: SentMessage, label: string): string {
  const index = labels(message).indexOf(label);
  expect(index).toBeGreaterThanOrEqual(0);
  return buttonData(message.replyMarkup)[index] ?? "";
}

beforeEach(async () => {
  harness = await startTelegramHarness({ at: TWO_PLANS_AT });
  await importTwoPlans(harness.app);
  await harness.link(OFFICIAL_KHCN, "so-khcn");
  await harness.link(OFFICIAL_CA, "ca-tinh");
});
afterEach(async () => {
  await harness.close();
});

describe("a task code the agency has in two plans", () => {
  it("is asked about with a button per plan, stored only once chosen, against the chosen plan", async () => {
    const question = await send(OFFICIAL_KHCN, "II.2 đang làm 40%, dự kiến xong 30/6");
    expect(question.text).toBe(
      [
        "❓ II.2 có ở 2 kế hoạch; anh/chị cập nhật cho kế hoạch nào? (Chưa ghi gì cho đến khi anh/chị chọn.)",
        "• CDS2026 II.2 — Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "• DA06 II.2 — Kết nối Cơ sở dữ liệu quốc gia về dân cư với hệ thống…",
        "Bấm nút, hoặc gõ mã kế hoạch (ví dụ: CDS2026).",
      ].join("\n"),
    );
    expect(labels(question)).toEqual(["CDS2026 II.2", "DA06 II.2"]);
    expect(await storedUpdates(harness.app.database.db)).toEqual([]);

    const ack = await harness.press(OFFICIAL_KHCN, question, dataOf(question, "DA06 II.2"));
    expect(ack.text).toBe(
      "✅ Đã ghi nhận DA06 II.2: đang thực hiện 40%, dự kiến xong 30/06/2026\n(Kỳ báo cáo Quý I/2026)",
    );
    expect(await storedUpdates(harness.app.database.db)).toEqual([
      {
        plan: "DA06",
        taskCode: "II.2",
        status: "in_progress",
        progress: 40,
        rawText: "II.2 đang làm 40%, dự kiến xong 30/6",
      },
    ]);
  });

  it("takes the plan's code typed as the answer", async () => {
    await send(OFFICIAL_KHCN, "II.2 xong");
    expect(await harness.say(OFFICIAL_KHCN, "cds")).toBe(
      "✅ Đã ghi nhận CDS2026 II.2: hoàn thành\n(Kỳ báo cáo Quý I/2026)",
    );
    expect((await storedUpdates(harness.app.database.db)).map((u) => u.plan)).toEqual(["CDS2026"]);
  });

  it("stores the other updates of the message at once and asks about that one", async () => {
    const answer = await send(OFFICIAL_KHCN, "I.1 xong; II.2 vướng kinh phí");
    expect(answer.text).toContain("✅ Đã ghi nhận CDS2026 I.1: hoàn thành");
    expect(answer.text).toContain("❓ II.2 có ở 2 kế hoạch");
    expect(labels(answer)).toContain("CDS2026 II.2");
    expect((await storedUpdates(harness.app.database.db)).map((u) => u.taskCode)).toEqual(["I.1"]);
    await harness.press(OFFICIAL_KHCN, answer, dataOf(answer, "CDS2026 II.2"));
    const stored = await storedUpdates(harness.app.database.db);
    expect(stored.at(-1)).toMatchObject({ plan: "CDS2026", taskCode: "II.2", status: "blocked" });
  });

  it("goes to the plan whose II.2 is still owed when the other is done", async () => {
    const question = await send(OFFICIAL_KHCN, "II.2 xong");
    await harness.press(OFFICIAL_KHCN, question, dataOf(question, "CDS2026 II.2"));
    harness.app.clock.advance(60_000);
    expect(await harness.say(OFFICIAL_KHCN, "II.2 đang làm 20%")).toContain(
      "✅ Đã ghi nhận DA06 II.2: đang thực hiện 20%",
    );
  });
});

describe("a named plan", () => {
  it.each([
    ["CDS2026 II.2 xong", "CDS2026", "✅ Đã ghi nhận CDS2026 II.2: hoàn thành"],
    ["cds2026 II.2: đang làm 50%", "CDS2026", "✅ Đã ghi nhận CDS2026 II.2: đang thực hiện 50%"],
    ["II.2 (DA06) xong", "DA06", "✅ Đã ghi nhận DA06 II.2: hoàn thành"],
    ["II.2 (CDS) xong", "CDS2026", "✅ Đã ghi nhận CDS2026 II.2: hoàn thành"],
  ])("%j is stored at once in %s", async (text, plan, ack) => {
    expect(await harness.say(OFFICIAL_KHCN, text)).toBe(`${ack}\n(Kỳ báo cáo Quý I/2026)`);
    expect((await storedUpdates(harness.app.database.db)).map((u) => u.plan)).toEqual([plan]);
  });

  it("that is unknown is answered with the plans' codes, and nothing is stored", async () => {
    expect(await harness.say(OFFICIAL_KHCN, "ABC2026 II.2 xong")).toBe(
      "❓ Không rõ kế hoạch «ABC2026», nên chưa ghi II.2. Các kế hoạch đang thực hiện: CDS2026, DA06. " +
        "Anh/chị gõ lại mã kế hoạch trước mã nhiệm vụ, ví dụ: «CDS2026 II.2 xong».",
    );
    expect(await storedUpdates(harness.app.database.db)).toEqual([]);
  });

  it("that was closed is refused, and is no longer offered", async () => {
    await closePlanAt(harness.app, "DA06", new Date("2026-03-09T03:00:00Z"));
    expect(await harness.say(OFFICIAL_KHCN, "DA06 II.2 xong")).toBe(
      "⛔ Kế hoạch DA06 đã kết thúc ngày 09/03/2026, nên không nhận cập nhật nữa.",
    );
    // One plan left for Sở KH&CN: the code resolves, and texts name no plan.
    expect(await harness.say(OFFICIAL_KHCN, "II.2 xong")).toBe(
      "✅ Đã ghi nhận II.2: hoàn thành\n(Kỳ báo cáo Quý I/2026)",
    );
    expect((await storedUpdates(harness.app.database.db)).map((u) => u.plan)).toEqual(["CDS2026"]);
  });
});

describe("an agency with tasks of one plan", () => {
  it("reads its lists and confirmations as before, without plan codes", async () => {
    expect(await harness.say(OFFICIAL_CA, "II.1 xong")).toBe(
      "✅ Đã ghi nhận II.1: hoàn thành\n(Kỳ báo cáo Quý I/2026)",
    );
    const tasks = await harness.say(OFFICIAL_CA, "/nhiemvu");
    expect(tasks).toContain("1. II.1 — Làm sạch dữ liệu dân cư trên địa bàn tỉnh");
    expect(tasks).not.toContain("DA06");
  });
});

describe("the lists of an agency with tasks of two plans", () => {
  it("name each task's plan: /nhiemvu, /conlai and their buttons", async () => {
    const tasks = await send(OFFICIAL_KHCN, "/nhiemvu");
    expect(tasks.text).toContain("1. CDS2026 I.1 — Nâng cấp Trung tâm dữ liệu tỉnh");
    expect(tasks.text).toContain("2. CDS2026 II.2 — Số hóa hồ sơ");
    expect(tasks.text).toContain("3. DA06 II.2 — Kết nối Cơ sở dữ liệu quốc gia");
    expect(tasks.text).toContain(
      "«CDS2026 I.1 xong», «CDS2026 II.2 đang làm 60%», «DA06 II.2 vướng kinh phí»",
    );
    expect(labels(tasks)).toContain("✅ Xong DA06 II.2");

    const remaining = await send(OFFICIAL_KHCN, "/conlai");
    expect(remaining.text).toContain("3. DA06 II.2 — Kết nối Cơ sở dữ liệu quốc gia");
    expect(labels(remaining)).toContain("⚠️ Vướng CDS2026 II.2");
    // "#3" is the list's third: DA06's II.2.
    expect(await harness.say(OFFICIAL_KHCN, "#3 xong")).toContain("✅ Đã ghi nhận DA06 II.2: hoàn thành");
  });
});

describe("a coordinator asking about a code of two plans", () => {
  it("reads one block per plan, each named, with its own leads", async () => {
    await harness.link(8203, null, "coordinator");
    expect(await harness.say(OFFICIAL_KHCN, "DA06 II.2 xong")).toContain("Đã ghi nhận DA06 II.2");
    // Asked a minute later: what was sent before the question counts.
    harness.app.clock.advance(60_000);
    const answer = await harness.say(8203, "/tinhhinh II.2");
    const [cds, da06] = answer.split("\n\n");
    expect(cds).toMatch(/^Nhiệm vụ CDS2026 II\.2: Số hóa hồ sơ/);
    expect(cds).toContain("Sở Khoa học và Công nghệ: chưa báo cáo");
    expect(da06).toMatch(/^Nhiệm vụ DA06 II\.2: Kết nối Cơ sở dữ liệu quốc gia/);
    expect(da06).toContain("✅ Sở Khoa học và Công nghệ: hoàn thành — hoàn thành đúng hạn");
  });
});

describe("a coordinator's nudge to an agency with tasks of two plans", () => {
  it("names each task's plan, as the agency's own lists do", async () => {
    await harness.link(8204, null, "coordinator");
    expect(await harness.say(8204, "/nhac Sở Khoa học và Công nghệ")).toContain(
      "Đã nhắc Sở Khoa học và Công nghệ",
    );
    const nudge = await harness.app.database.db
      .selectFrom("outbox")
      .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
      .select("outbox_texts.payload")
      .where("outbox.kind", "=", "nudge")
      .executeTakeFirstOrThrow();
    const text = (JSON.parse(nudge.payload) as { text: string }).text;
    expect(text).toContain("CDS2026 II.2");
    expect(text).toContain("DA06 II.2");
    expect(text).toMatch(/ví dụ: «CDS2026 I\.1 đang làm 60%»/);
  });
});
