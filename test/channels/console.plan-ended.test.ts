import { afterEach, describe, expect, it } from "vitest";
import { chat } from "../support/console-chat.ts";
import { linkPerson } from "../support/delivery-fixtures.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

const ENDED = "📅 Kế hoạch đã kết thúc năm 2025: Kế hoạch hành động thực hiện Nghị quyết số 17/NQ-CP";

async function appIn(at: string): Promise<TestApp> {
  const created = await createTestApp({ at });
  await linkOfficial(created, "so-tttt", "canbo", { channel: "console" });
  await linkPerson(
    created.database.db,
    { name: "Điều phối", role: "coordinator", agencyId: null, chatId: "dieuphoi", channel: "console" },
    created.clock.now(),
  );
  return created;
}

describe("a plan that has ended says so, instead of an empty list or 'all reported'", () => {
  it("answers /nhiemvu, /conlai, /cham and 'ai chưa báo cáo?' in 2026 with the end and the demo clock", async () => {
    app = await appIn("2026-11-28T03:00:00Z");
    const { printed } = await chat(app, [
      "/nhiemvu",
      "/conlai",
      ":nguoi dieuphoi",
      "/cham",
      "ai chưa báo cáo?",
      "/cham 2020-Q1",
    ]);
    const answers = printed.split(/^\S+> /m).filter((part) => part.startsWith("/") || part.startsWith("ai"));
    expect(answers).toHaveLength(5);
    for (const answer of answers.slice(0, 4)) {
      expect(answer).toContain(ENDED);
      expect(answer).toContain("Năm 2026 không còn kỳ báo cáo nào");
      expect(answer).toContain("gõ «:ngay 13/3/2020» ở đây, hoặc chạy «npm start -- --at 2020-03-13T08:00»");
    }
    expect(printed).not.toContain("đã báo cáo đủ");
    // The notice opens the answer; what was left unfinished when the plan ended is still shown.
    expect(answers[1]).toContain("Quá hạn chưa hoàn thành");
    expect(answers[2]).toContain("Không đơn vị nào phải báo cáo Quý IV/2026");
    // A quarter asked for by name is still answered.
    expect(answers[4]).toContain("Quý I/2020 — hạn nộp trước ngày 20/03/2020");
    expect(answers[4]).not.toContain(ENDED);
  });

  it("on Telegram, names no console command", async () => {
    app = await appIn("2026-11-28T03:00:00Z");
    const telegram = await linkOfficial(app, "so-y-te", "555", { channel: "telegram" });
    const [reply] = await app.conversation.handle({
      channel: "telegram",
      userId: telegram.chatId,
      chatId: telegram.chatId,
      displayName: "Cán bộ",
      text: "/conlai",
      messageId: "1",
      sentAt: app.clock.now(),
      replyToMessageId: null,
    });
    expect(reply?.text).toContain(ENDED);
    expect(reply?.text).toContain("Khi có kế hoạch mới, bot sẽ nhắc và theo dõi như thường lệ.");
    expect(reply?.text).not.toContain(":ngay");
  });

  it("says nothing of the kind while the plan runs (2025)", async () => {
    app = await appIn("2025-03-13T01:00:00Z");
    const { printed } = await chat(app, ["/nhiemvu", ":nguoi dieuphoi", "/cham"]);
    expect(printed).not.toContain("📅");
    expect(printed).toContain("Nhiệm vụ Sở Thông tin và Truyền thông chủ trì trong năm 2025");
    expect(printed).toContain("Quý I/2025");
  });
});
