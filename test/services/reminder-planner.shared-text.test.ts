// An agency's reminder is rendered once and stored once, however many officials it goes to; each of
// them still gets the whole message, with its buttons, and a reply to it still finds its tasks.
import { afterEach, describe, expect, it } from "vitest";
import { createDelivery } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { assignmentsOfSentMessage } from "../../src/store/outbox.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { linkOfficial, localMorning, outboxRows, planAt } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

describe("reminder planner: one stored text per agency, shared by its officials", () => {
  it("stores the agency's reminder once for three officials and delivers it whole to each", async () => {
    app = await createTestApp();
    fake = await startFakeTelegram();
    const db = app.database.db;
    const colleagues = [
      await linkOfficial(app, "so-tttt", "7001"),
      await linkOfficial(app, "so-tttt", "7002"),
      await linkOfficial(app, "so-tttt", "7003"),
    ];
    await linkOfficial(app, "so-y-te", "7004");

    const report = await planAt(app, localMorning("2020-03-13"));
    expect(report.planned.reminder).toBe(4);
    // One content per agency: the three colleagues' rows point at the same one.
    const texts = await db.selectFrom("outbox_texts").select(["id", "payload"]).execute();
    expect(texts).toHaveLength(2);
    const rows = await outboxRows(db);
    const shared = rows.filter((row) => colleagues.some((c) => c.personId === row.person_id));
    expect(shared).toHaveLength(3);
    expect(new Set(shared.map((row) => row.text_id)).size).toBe(1);

    const config = loadConfig({
      DATABASE_URL: `sqlite:${app.databasePath}`,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    const delivery = createDelivery(config, { db, clock: app.clock });
    const drained = await delivery.drain().finally(() => delivery.close());
    expect(drained).toMatchObject({ sent: 4, failed: 0 });

    const received = colleagues.map((c) => fake?.sentMessages(Number(c.chatId)) ?? []);
    for (const messages of received) expect(messages).toHaveLength(1);
    const [first, ...others] = received.map((messages) => messages[0]);
    expect(first?.text).toContain("Nhắc báo cáo Quý I/2020 — Sở Thông tin và Truyền thông");
    expect(first?.text).toContain("Trả lời tin nhắn này");
    for (const other of others) {
      expect(other?.text).toBe(first?.text);
      expect(other?.replyMarkup).toEqual(first?.replyMarkup);
    }
    // A reply to any of the three copies refers to the agency's owed tasks.
    const owed = JSON.parse(shared[0]?.assignment_ids ?? "[]") as number[];
    expect(owed.length).toBeGreaterThan(0);
    for (const [index, colleague] of colleagues.entries()) {
      const messageId = String(received[index]?.[0]?.messageId);
      expect(await assignmentsOfSentMessage(db, "telegram", colleague.chatId, messageId)).toEqual(owed);
    }
  });

  it("an official linked after the round was planned gets it at the next tick, sharing the stored text", async () => {
    app = await createTestApp();
    const db = app.database.db;
    await linkOfficial(app, "so-tttt", "7101");
    await planAt(app, localMorning("2020-03-13"));
    const late = await linkOfficial(app, "so-tttt", "7102");
    const report = await planAt(app, localMorning("2020-03-13", 9));
    expect(report.planned.reminder).toBe(1);
    const rows = await outboxRows(db);
    expect(rows.map((row) => row.person_id)).toContain(late.personId);
    expect(new Set(rows.map((row) => row.text_id)).size).toBe(1);
    expect(await db.selectFrom("outbox_texts").select("id").execute()).toHaveLength(1);
  });
});
