// Two instances' delivery loops draining one outbox on one PostgreSQL database, through the fake
// Bot API: every message is sent exactly once, whichever instance sends it.
import { afterEach, expect, it } from "vitest";
import { createDelivery } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { enqueueOutbox } from "../../src/store/outbox.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { linkPerson, nudgeTo } from "../support/delivery-fixtures.ts";
import { describePostgres } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let fake: FakeTelegram | undefined;
let app: TestApp | undefined;
let other: DatabaseHandle | undefined;

afterEach(async () => {
  await fake?.close();
  await other?.close();
  await app?.dispose();
});

describePostgres("two delivery loops on one PostgreSQL outbox", () => {
  it("send each of 80 messages once", async () => {
    fake = await startFakeTelegram();
    app = await createTestApp({ database: "postgres", withBuiltinPlan: false });
    other = openDatabase(app.databaseUrl, { create: false });
    const now = app.clock.now();
    const messages = [];
    for (let index = 0; index < 80; index++) {
      const account = await linkPerson(
        app.database.db,
        { name: `Cán bộ ${index}`, role: "official", agencyId: null, chatId: String(80_000 + index) },
        now,
      );
      messages.push(nudgeTo(account, `two-loops-${index}`, now));
    }
    await enqueueOutbox(app.database.db, messages, now);
    const config = loadConfig({
      DATABASE_URL: app.databaseUrl,
      LOG_LEVEL: "silent",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      SEND_RATE_PER_SECOND: "100",
    });
    const clock = app.clock;
    const loops = [app.database, other].map((database) => createDelivery(config, { db: database.db, clock }));
    // Each loop drains three times, as a scheduler would, all six drains racing.
    const reports = await Promise.all(
      loops.map(async (delivery) => {
        let sent = 0;
        for (let round = 0; round < 3; round++) sent += (await delivery.drain()).sent;
        delivery.close();
        return sent;
      }),
    );
    expect(reports.reduce((sum, sent) => sum + sent, 0)).toBe(80);
    const received = fake.sentMessages().map((message) => message.chatId);
    expect(received).toHaveLength(80);
    expect(new Set(received).size).toBe(80);
    const statuses = await app.database.db.selectFrom("outbox").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "sent" }]);
  });
});
