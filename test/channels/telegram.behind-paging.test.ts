// /cham for a past quarter, its pages and 🔔 buttons; the overdue list paged by agency; /nhac for an
// agency whose only open work is overdue. All over the real bot
// against the fake Bot API, in 2026: the built-in plan (2019–2025) has ended, so every unfinished
// task is overdue and no agency owes a report for the current quarter.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/vocabulary.ts";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { agencyIdOf } from "../support/planner-fixtures.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

const COORDINATOR = 7001;
const OFFICIAL_Y_TE = 7002;

let harness: TelegramHarness;

async function link(userId: number, agency: string | null, role: Role): Promise<void> {
  await harness.link(userId, agency, role);
}

function ask(userId: number, text: string): Promise<SentMessage> {
  return harness.ask(userId, text);
}

async function press(userId: number, message: SentMessage, data: string): Promise<SentMessage> {
  expect(buttonData(message.replyMarkup)).toContain(data);
  return harness.press(userId, message, data);
}

beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2026-06-10T02:00:00Z" }); // 10/6/2026 09:00 local
  await link(COORDINATOR, null, "coordinator");
  await link(OFFICIAL_Y_TE, "so-y-te", "official");
});
afterEach(async () => {
  await harness.close();
});

describe("/cham for a past quarter keeps that quarter", () => {
  it("in its next-page button, its typed hint and its nudge buttons (regression: page 2 'does not exist')", async () => {
    const first = await ask(COORDINATOR, "/cham 2020-Q2");
    expect(first.text).toContain("Quý II/2020");
    expect(first.text).toContain("Trang 1/4 — gõ /cham 2 2020-Q2 để xem tiếp.");
    expect(buttonData(first.replyMarkup)).toContain("b:2:2020-Q2");
    for (const data of buttonData(first.replyMarkup)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);

    const second = await press(COORDINATOR, first, "b:2:2020-Q2");
    expect(second.text).toContain("Quý II/2020");
    expect(second.text).toContain("11. ");
    expect(second.text).toContain("Trang 2/4");
    expect(second.text).not.toContain("Không có trang");

    // The 🔔 beside Sở Y tế on the 2020-Q2 list nudges about 2020-Q2, not the current quarter.
    const yTe = await agencyIdOf(harness.app.database.db, "so-y-te");
    const nudged = await press(COORDINATOR, first, `n:${yTe}:2020-Q2`);
    expect(nudged.text).toContain("8 nhiệm vụ chưa báo cáo Quý II/2020");
    const [row] = await harness.app.database.db
      .selectFrom("outbox")
      .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
      .select(["payload", "period_key"])
      .where("kind", "=", "nudge")
      .execute();
    expect(row?.period_key).toBe("2020-Q2");
    expect(JSON.parse(row?.payload ?? "{}").text).toContain("Sở Y tế chưa báo cáo Quý II/2020");
  });

  it("answers a button made before the period was carried with the current quarter", async () => {
    const first = await ask(COORDINATOR, "/cham quahan");
    const since = harness.fake.checkpoint();
    harness.fake.pressButton({ userId: COORDINATOR, messageId: first.messageId, data: "b:1" });
    const old = await harness.fake.waitForMessage(COORDINATOR, undefined, 10_000, since);
    expect(old.text).toContain("Quý II/2026");
  });
});

describe("the overdue work", () => {
  it("is never summed up as 'all reported', and every overdue task can be reached page by page", async () => {
    const first = await ask(COORDINATOR, "/cham");
    const text = first.text ?? "";
    // Regression: "Đã báo cáo đủ: 0/0 đơn vị" and "✅ Tất cả đơn vị đã báo cáo đủ" above 305 overdue.
    expect(text).toContain("Không đơn vị nào phải báo cáo Quý II/2026");
    expect(text).not.toContain("0/0 đơn vị");
    expect(text).not.toContain("✅");
    const total = Number(/Quá hạn chưa hoàn thành \((\d+) phần việc\)/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(300);
    expect(text).toContain(`Xem đủ ${total} phần việc quá hạn, theo đơn vị: gõ /cham quahan`);

    // Page through the overdue view with its buttons, counting every code listed.
    let page = await press(COORDINATOR, first, "o:1:2026-Q2");
    let listed = 0;
    const agencies = new Set<string>();
    for (let n = 1; ; n++) {
      const lines = (page.text ?? "").split("\n").filter((line) => /^\d+\. /.test(line));
      for (const line of lines) {
        agencies.add(line.split(" — ")[0] ?? "");
        listed += (line.split(": ").at(-1) ?? "").split(", ").length;
      }
      // One 🔔 per agency listed, for the same quarter.
      expect(buttonData(page.replyMarkup).filter((data) => /^n:\d+:2026-Q2$/.test(data))).toHaveLength(
        lines.length,
      );
      const next = `o:${n + 1}:2026-Q2`;
      if (!buttonData(page.replyMarkup).includes(next)) break;
      page = await press(COORDINATOR, page, next);
    }
    expect(listed).toBe(total);
    expect(agencies.size).toBe(40);
    expect((await ask(COORDINATOR, "/cham quá hạn 2")).text).toContain("Trang 2/4");
  });

  it("/nhac reminds an agency whose only open work is overdue (regression: 'has reported')", async () => {
    const answer = await ask(COORDINATOR, "/nhac Sở Y tế");
    expect(answer.text).toBe(
      "🔔 Đã nhắc Sở Y tế (1 người nhận): 0 nhiệm vụ chưa báo cáo Quý II/2026, 8 nhiệm vụ quá hạn chưa hoàn thành.",
    );
    const [row] = await harness.app.database.db
      .selectFrom("outbox")
      .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
      .select(["payload", "chat_id", "assignment_ids"])
      .where("kind", "=", "nudge")
      .execute();
    expect(row?.chat_id).toBe(String(OFFICIAL_Y_TE));
    const message = JSON.parse(row?.payload ?? "{}").text as string;
    expect(message).toContain("Sở Y tế còn 8 nhiệm vụ quá hạn chưa hoàn thành: II.6, II.7, II.8, III.4");
    expect(message).toContain("«II.6 đang làm 60%»");
    expect(JSON.parse(row?.assignment_ids ?? "[]")).toHaveLength(8);

    // The official sees the same eight in /conlai, numbered, with buttons.
    const remaining = await ask(OFFICIAL_Y_TE, "/conlai");
    expect(remaining.text).toContain("Sở Y tế không có nhiệm vụ nào phải báo cáo Quý II/2026.");
    expect(remaining.text).toContain("⏰ Quá hạn chưa hoàn thành (8 nhiệm vụ)");
    expect(remaining.text).toContain("8. VI.1 — ");
    expect(remaining.text).toContain("«II.7 đang làm 60%»");
    expect(buttonData(remaining.replyMarkup)).toHaveLength(24);
  });
});
