// An outage of the Bot API during a fan-out loses nothing: the reminders wait for a later tick and go
// out when the API is back; only what is still failing at its expiry fails for good, and then the
// tick says so (exit 3) and the coordinators' summary names who was not reached.
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxKind } from "../../src/domain/vocabulary.ts";
import { type FakeTelegram, STRICT_LIMITS, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { linkPerson } from "../support/delivery-fixtures.ts";
import { agencyIdOf, linkOfficial } from "../support/planner-fixtures.ts";
import { runCliProcess } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

const OFFICIALS = 12;

async function setUp(): Promise<{ app: TestApp; fake: FakeTelegram; env: Record<string, string> }> {
  app = await createTestApp();
  fake = await startFakeTelegram(STRICT_LIMITS);
  for (let i = 0; i < OFFICIALS; i++)
    await linkOfficial(app, i % 2 === 0 ? "so-tttt" : "so-y-te", String(100 + i));
  await linkPerson(
    app.database.db,
    {
      name: "Điều phối",
      role: "coordinator",
      agencyId: await agencyIdOf(app.database.db, "vp-ubnd"),
      chatId: "900",
    },
    app.clock.now(),
  );
  const env = {
    DATABASE_URL: `sqlite:${app.databasePath}`,
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_LEVEL: "silent",
    DELIVERY_MAX_ATTEMPTS: "2",
    DELIVERY_RETRY_BASE_MS: "20",
  };
  return { app, fake, env };
}

async function statuses(db: TestApp["database"]["db"], kind: OutboxKind): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("kind", "=", kind)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

describe("delivery through an outage", () => {
  it("every send answering 502: reminders wait, then all go out on a later tick, none failed", async () => {
    const { app, fake, env } = await setUp();
    fake.failNext("sendMessage", { kind: "http", status: 502, description: "Bad Gateway" }, 10_000);

    const during = await runCliProcess(["tick", "--at", "2020-03-13T08:00:00+07:00", "--json"], env);
    expect(during.code).toBe(0);
    const first = JSON.parse(during.stdout) as {
      delivery: { sent: number; failed: number; deferred: number };
    };
    // The officials' reminders, and the coordinator's note on the agencies nobody can be reached at.
    const planned = Number(
      (
        await app.database.db
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(planned).toBe(OFFICIALS + 1);
    expect(first.delivery).toMatchObject({ sent: 0, failed: 0, deferred: planned });
    const waiting = await app.database.db
      .selectFrom("outbox")
      .select(["status", "attempts", "last_error"])
      .where("kind", "=", "reminder")
      .execute();
    expect(waiting).toHaveLength(OFFICIALS);
    for (const row of waiting) {
      expect(row).toMatchObject({ status: "pending", attempts: 2 });
      expect(row.last_error).toContain("502");
    }

    fake.clearFaults();
    const after = await runCliProcess(["tick", "--at", "2020-03-13T08:30:00+07:00"], env);
    expect(after.code).toBe(0);
    expect(await statuses(app.database.db, "reminder")).toEqual({ sent: OFFICIALS });
    // Every official and the coordinator got their message once.
    const chats = fake.sentMessages().map((m) => m.chatId);
    expect(chats).toHaveLength(OFFICIALS + 1);
    expect(new Set(chats).size).toBe(OFFICIALS + 1);
  }, 60_000);

  it("an outage outliving the deadline: the reminders fail for good, tick exits 3, the summary names them", async () => {
    const { app, fake, env } = await setUp();
    fake.failNext("sendMessage", { kind: "http", status: 502, description: "Bad Gateway" }, 10_000);
    expect((await runCliProcess(["tick", "--at", "2020-03-19T08:00:00+07:00"], env)).code).toBe(0);
    expect(await statuses(app.database.db, "reminder")).toEqual({ pending: OFFICIALS });

    // The deadline passed with the API still down: the overdue round's tick records them.
    const late = await runCliProcess(["tick", "--at", "2020-03-20T08:00:00+07:00"], env);
    expect(late.code).toBe(3);
    expect(late.stderr.trim().split("\n")).toHaveLength(1);
    expect(await statuses(app.database.db, "reminder")).toEqual({ failed: OFFICIALS });
    expect(await statuses(app.database.db, "unreachable")).toEqual({ failed: 1 });
    expect(late.stderr).toContain(`${OFFICIALS + 1} tin không gửi được`);
    const reasons = await app.database.db
      .selectFrom("outbox")
      .select("last_error")
      .where("kind", "=", "reminder")
      .execute();
    for (const row of reasons) expect(row.last_error).toMatch(/^expired after \d+ attempt\(s\): .*502/);
    const summary = await app.database.db
      .selectFrom("outbox")
      .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
      .select("payload")
      .where("kind", "=", "summary")
      .executeTakeFirstOrThrow();
    const text = (JSON.parse(summary.payload) as { text: string }).text;
    expect(text).toContain(`Tin nhắc không gửi được do lỗi kết nối (${OFFICIALS + 1} người)`);
    // Accounts that blocked the bot are a separate list, and there are none here.
    expect(text).not.toContain("Tài khoản đã chặn bot");
  }, 60_000);
});
