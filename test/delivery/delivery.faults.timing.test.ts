// Each injected fault of the fake Bot API ends as README: what can go wrong says.
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, STRICT_LIMITS, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import {
  deliverThroughFake,
  type LinkedAccount,
  linkPerson,
  nudgeTo,
  outboxRow,
} from "../support/delivery-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

async function setUp(chatId = "4242"): Promise<{ app: TestApp; fake: FakeTelegram; account: LinkedAccount }> {
  app = await createTestApp({ withBuiltinPlan: false });
  fake = await startFakeTelegram(STRICT_LIMITS);
  const account = await linkPerson(
    app.database.db,
    { name: "Cán bộ", role: "official", agencyId: null, chatId },
    app.clock.now(),
  );
  return { app, fake, account };
}

describe("delivery faults", () => {
  it("a 500 then success: sent once, two attempts", async () => {
    const { app, fake, account } = await setUp();
    fake.failNext("sendMessage", { kind: "http", status: 500 });
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())]);
    expect(report).toMatchObject({ sent: 1, failed: 0, retries: 1 });
    expect(fake.sentMessages(4242)).toHaveLength(1);
    expect(await outboxRow(app.database.db, "k")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a dropped connection is retried", async () => {
    const { app, fake, account } = await setUp();
    fake.failNext("sendMessage", { kind: "drop" });
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())]);
    expect(report).toMatchObject({ sent: 1, failed: 0, retries: 1 });
    expect(fake.sentMessages(4242)).toHaveLength(1);
    const row = await outboxRow(app.database.db, "k");
    expect(row.status).toBe("sent");
    expect(row.platform_message_id).toBe(String(fake.sentMessages(4242)[0]?.messageId));
  });

  it("a 429 waits its retry_after, then sends", async () => {
    const { app, fake, account } = await setUp();
    fake.failNext("sendMessage", { kind: "retryAfter", seconds: 1 });
    const started = Date.now();
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())]);
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([429, 200]);
    expect(fake.stats.rateLimited).toBe(0);
  });

  it("a 403 marks the account blocked and fails the row once, with the reason", async () => {
    const { app, fake, account } = await setUp();
    fake.failChat(4242, { kind: "blocked" });
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())]);
    expect(report).toMatchObject({ sent: 0, failed: 1, blocked: 1, retries: 0 });
    expect(fake.callsOf("sendMessage")).toHaveLength(1);
    const row = await outboxRow(app.database.db, "k");
    expect(row.status).toBe("failed");
    expect(row.last_error).toMatch(/blocked/);
    const accountRow = await app.database.db
      .selectFrom("channel_accounts")
      .select("blocked_at")
      .where("id", "=", account.accountId)
      .executeTakeFirstOrThrow();
    expect(accountRow.blocked_at).not.toBeNull();
    // Not retried by later drains either.
    const again = await deliverThroughFake(app, fake, []);
    expect(again.sent + again.failed).toBe(0);
    expect(fake.callsOf("sendMessage")).toHaveLength(1);
  });

  it("a 500 on every attempt: the row waits for a later drain, and fails for good only at its expiry", async () => {
    const { app, fake, account } = await setUp();
    fake.failChat(4242, { kind: "http", status: 500, description: "Internal Server Error: boom" });
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())], {
      DELIVERY_MAX_ATTEMPTS: "4",
    });
    expect(report).toMatchObject({ sent: 0, failed: 0, deferred: 1, retries: 3 });
    expect(fake.callsOf("sendMessage")).toHaveLength(4);
    const waiting = await outboxRow(app.database.db, "k");
    expect(waiting).toMatchObject({ status: "pending", attempts: 4 });
    expect(waiting.last_error).toMatch(/after 4 attempt\(s\): 500 Internal Server Error: boom/);
    // 20 ms doubling from the first attempt: the fourth failure waits 160 ms before the next drain.
    expect(Date.parse(waiting.next_attempt_at)).toBe(app.clock.now().getTime() + 160);

    // A nudge has no expiry of its own: a day after it was planned, it fails for good with the reason.
    app.clock.set(new Date(app.clock.now().getTime() + 25 * 3_600_000));
    const later = await deliverThroughFake(app, fake, [], { DELIVERY_MAX_ATTEMPTS: "4" });
    expect(later).toMatchObject({ sent: 0, failed: 1, deferred: 0 });
    expect(fake.callsOf("sendMessage")).toHaveLength(4);
    const failed = await outboxRow(app.database.db, "k");
    expect(failed.status).toBe("failed");
    expect(failed.last_error).toMatch(/^expired after 4 attempt\(s\): .*500 Internal Server Error: boom/);
  });

  it("a 400 is not retried: the row fails at once with the reason", async () => {
    const { app, fake, account } = await setUp();
    fake.failChat(4242, { kind: "http", status: 400, description: "Bad Request: chat not found" });
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())]);
    expect(report).toMatchObject({ sent: 0, failed: 1, deferred: 0, retries: 0 });
    expect(fake.callsOf("sendMessage")).toHaveLength(1);
    const row = await outboxRow(app.database.db, "k");
    expect(row.status).toBe("failed");
    expect(row.last_error).toMatch(/chat not found/);
  });

  it("a reminder whose deadline passed before it could be sent is skipped, not sent", async () => {
    const { app, fake, account } = await setUp();
    const message = { ...nudgeTo(account, "k", app.clock.now()), expiresAt: app.clock.now() };
    const report = await deliverThroughFake(app, fake, [message]);
    expect(report).toMatchObject({ sent: 0, skipped: 1 });
    expect(fake.callsOf("sendMessage")).toHaveLength(0);
    expect((await outboxRow(app.database.db, "k")).status).toBe("skipped");
  });
});
