import { afterEach, expect, it } from "vitest";
import { claimDueOutbox, enqueueOutbox } from "../../src/store/outbox.ts";
import type { NewOutboxMessage } from "../../src/store/outbox-message.ts";
import { insertChannelAccount, insertPerson } from "../../src/store/people.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

async function personWithAccount(
  testApp: TestApp,
  chatId: string,
): Promise<{ personId: number; accountId: number }> {
  const db = testApp.database.db;
  const now = testApp.clock.now();
  const personId = await insertPerson(db, { name: `P ${chatId}`, role: "official", agencyId: null }, now);
  await insertChannelAccount(
    db,
    personId,
    { channel: "telegram", externalUserId: chatId, chatId, displayName: chatId },
    now,
  );
  const account = await db
    .selectFrom("channel_accounts")
    .select("id")
    .where("person_id", "=", personId)
    .executeTakeFirstOrThrow();
  return { personId, accountId: account.id };
}

function message(
  key: string,
  ids: { personId: number; accountId: number },
  chatId: string,
): NewOutboxMessage {
  return {
    key,
    kind: "nudge",
    ...ids,
    channel: "telegram",
    chatId,
    payload: { text: `hello ${key}` },
    assignmentIds: [1, 2],
    periodKey: "2020-Q1",
    notBefore: new Date("2020-03-10T01:00:00Z"),
  };
}

describeEachDatabase("outbox: planned once, claimed once", (database) => {
  it("inserts a key once and counts only new rows", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    const ids = await personWithAccount(app, "1001");
    const db = app.database.db;
    expect(
      await enqueueOutbox(db, [message("a", ids, "1001"), message("b", ids, "1001")], app.clock.now()),
    ).toBe(2);
    expect(
      await enqueueOutbox(db, [message("a", ids, "1001"), message("c", ids, "1001")], app.clock.now()),
    ).toBe(1);
    const rows = await db.selectFrom("outbox").select(["key", "status"]).orderBy("key").execute();
    expect(rows).toEqual([
      { key: "a", status: "pending" },
      { key: "b", status: "pending" },
      { key: "c", status: "pending" },
    ]);
  });

  it("two claims never share a row, and a stale claim is taken over", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    const ids = await personWithAccount(app, "1002");
    const db = app.database.db;
    await enqueueOutbox(
      db,
      [message("x", ids, "1002"), message("y", ids, "1002"), message("z", ids, "1002")],
      app.clock.now(),
    );
    const base = {
      dueAt: new Date("2020-03-10T02:00:00Z"),
      claimedAt: new Date("2026-01-01T00:00:00Z"),
      staleBefore: new Date("2025-12-31T23:55:00Z"),
      channels: ["telegram" as const],
    };
    const first = await claimDueOutbox(db, { ...base, token: "one", limit: 2 });
    const second = await claimDueOutbox(db, { ...base, token: "two", limit: 10 });
    expect(first.map((r) => r.key)).toEqual(["x", "y"]);
    expect(second.map((r) => r.key)).toEqual(["z"]);
    expect(first[0]?.assignmentIds).toEqual([1, 2]);
    // Nothing is due before its time.
    const early = await claimDueOutbox(db, {
      ...base,
      dueAt: new Date("2020-03-10T00:00:00Z"),
      token: "early",
      limit: 10,
    });
    expect(early).toEqual([]);
    // Ten minutes later the first drain's claims are stale (it crashed): a new drain takes them over.
    const later = {
      ...base,
      claimedAt: new Date("2026-01-01T00:10:00Z"),
      staleBefore: new Date("2026-01-01T00:05:00Z"),
    };
    const recovered = await claimDueOutbox(db, { ...later, token: "three", limit: 10 });
    expect(recovered.map((r) => r.key).sort()).toEqual(["x", "y", "z"]);
  });
});
