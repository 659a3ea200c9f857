// Two instances on one PostgreSQL database: two `nhacviec tick` processes started at the same
// instant plan each reminder once (unique outbox keys, ON CONFLICT DO NOTHING) and send it once
// (outbox claims that skip each other's rows, one send lease) through the fake Bot API.
import { afterEach, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { describePostgres } from "../support/postgres-database.ts";
import { runCliProcess } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let fake: FakeTelegram | undefined;
let app: TestApp | undefined;

afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

interface TickJson {
  plan: { planned: Record<string, number> };
  delivery: { sent: number };
}

describePostgres("two ticks at the same instant on one PostgreSQL database", () => {
  it("plan every reminder once and send it once", async () => {
    fake = await startFakeTelegram();
    app = await createTestApp({ database: "postgres" });
    const agencies = await app.database.db
      .selectFrom("agencies")
      .select("code")
      .orderBy("id")
      .limit(24)
      .execute();
    const chats = agencies.map((_, index) => 70_001 + index);
    for (const [index, agency] of agencies.entries())
      await linkOfficial(app, agency.code, String(chats[index]));
    const env = {
      DATABASE_URL: app.databaseUrl,
      LOG_LEVEL: "silent",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    const tick = () => runCliProcess(["tick", "--at", "2020-03-13T08:00:00+07:00", "--json"], env);
    const results = await Promise.all([tick(), tick()]);
    expect(results.map((result) => [result.code, result.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    const [first, second] = results.map((result) => JSON.parse(result.stdout) as TickJson);
    const rows = await app.database.db.selectFrom("outbox").select(["key", "chat_id", "status"]).execute();
    // Agencies with nothing owed that quarter get no reminder; nearly all of these do.
    expect(rows.length).toBeGreaterThan(chats.length - 5);
    expect(new Set(rows.map((row) => row.chat_id)).size).toBe(rows.length);
    expect((first?.plan.planned.reminder ?? 0) + (second?.plan.planned.reminder ?? 0)).toBe(rows.length);
    expect((first?.delivery.sent ?? 0) + (second?.delivery.sent ?? 0)).toBe(rows.length);
    expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
    const received = fake.sentMessages().map((message) => String(message.chatId));
    expect(received.sort()).toEqual(rows.map((row) => row.chat_id).sort());
  });
});
