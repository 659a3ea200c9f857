import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, STRICT_LIMITS, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { deliverThroughFake, linkPerson, nudgeTo } from "../support/delivery-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

describe("delivery: a fan-out within Telegram's limits", () => {
  it("delivers 200 messages to 200 chats with no 429, none lost, none duplicated", async () => {
    app = await createTestApp({ withBuiltinPlan: false });
    fake = await startFakeTelegram(STRICT_LIMITS);
    const now = app.clock.now();
    const messages = [];
    for (let i = 0; i < 200; i++) {
      const account = await linkPerson(
        app.database.db,
        { name: `Cán bộ ${i}`, role: "official", agencyId: null, chatId: String(5000 + i) },
        now,
      );
      messages.push(nudgeTo(account, `fan-${i}`, now));
    }
    // The fake enforces Telegram's 30/s; the product's default pace (25/s) leaves the margin that
    // event-loop jitter on a busy machine needs, by design.
    const report = await deliverThroughFake(app, fake, messages);
    expect(report).toMatchObject({ sent: 200, failed: 0, skipped: 0 });
    expect(fake.stats.rateLimited).toBe(0);
    expect(fake.stats.tooManyRequests).toBe(0);
    const perChat = new Map<number, number>();
    for (const sent of fake.sentMessages()) perChat.set(sent.chatId, (perChat.get(sent.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(200);
    expect([...perChat.values()].every((count) => count === 1)).toBe(true);
    const statuses = await app.database.db
      .selectFrom("outbox")
      .select(({ fn }) => ["status", fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    expect(statuses).toEqual([{ status: "sent", n: 200 }]);
  }, 30_000);

  it("paces several messages to one chat a second apart", async () => {
    app = await createTestApp({ withBuiltinPlan: false });
    fake = await startFakeTelegram(STRICT_LIMITS);
    const now = app.clock.now();
    const account = await linkPerson(
      app.database.db,
      { name: "Điều phối", role: "coordinator", agencyId: null, chatId: "777" },
      now,
    );
    const report = await deliverThroughFake(app, fake, [
      nudgeTo(account, "one", now),
      nudgeTo(account, "two", now),
      nudgeTo(account, "three", now),
    ]);
    expect(report.sent).toBe(3);
    expect(fake.stats.rateLimited).toBe(0);
    expect(fake.sentMessages(777).map((m) => m.text)).toEqual(["Nhắc one", "Nhắc two", "Nhắc three"]);
  });
});
