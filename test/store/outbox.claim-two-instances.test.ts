// Two instances on one PostgreSQL database claim from one outbox: each row goes to exactly one, and a
// claim never waits on rows another instance is claiming (FOR UPDATE SKIP LOCKED).
import { afterEach, beforeEach, expect, inject, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { type ClaimRequest, claimDueOutbox, enqueueOutbox } from "../../src/store/outbox.ts";
import { linkPerson, nudgeTo } from "../support/delivery-fixtures.ts";
import { describePostgres } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;
let other: DatabaseHandle;

beforeEach(async () => {
  if (inject("postgresUrl") === "") return;
  app = await createTestApp({ database: "postgres", withBuiltinPlan: false });
  other = openDatabase(app.databaseUrl, { create: false });
});
afterEach(async () => {
  await other?.close();
  await app?.dispose();
});

async function enqueue(count: number): Promise<void> {
  const now = app.clock.now();
  const account = await linkPerson(
    app.database.db,
    { name: "A", role: "official", agencyId: null, chatId: "1" },
    now,
  );
  const messages = Array.from({ length: count }, (_, i) => nudgeTo(account, `nudge:${i}`, now));
  expect(await enqueueOutbox(app.database.db, messages, now)).toBe(count);
}

function request(token: string, limit: number): ClaimRequest {
  const now = app.clock.now();
  return {
    token,
    dueAt: now,
    claimedAt: now,
    staleBefore: new Date(now.getTime() - 60_000),
    channels: ["telegram"],
    limit,
  };
}

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms),
    ),
  ]);

describePostgres("claiming the outbox from two instances on one PostgreSQL database", () => {
  it("a claim takes other rows at once while another instance's claim still holds its rows", async () => {
    await enqueue(10);
    const first = await app.database.db.startTransaction().execute();
    try {
      const held = await claimDueOutbox(first, request("first", 4));
      expect(held).toHaveLength(4);
      // Without SKIP LOCKED this would wait for the first transaction (which only ends below).
      const rest = await within(5_000, claimDueOutbox(other.db, request("second", 10)));
      expect(rest).toHaveLength(6);
      expect(new Set([...held, ...rest].map((row) => row.key)).size).toBe(10);
    } finally {
      await first.commit().execute();
    }
  });

  it("two instances claiming as fast as they can take each of 300 rows exactly once", async () => {
    await enqueue(300);
    const drainAll = async (handle: DatabaseHandle, token: string) => {
      const keys: string[] = [];
      for (;;) {
        const rows = await claimDueOutbox(handle.db, request(token, 7));
        if (rows.length === 0) return keys;
        keys.push(...rows.map((row) => row.key));
      }
    };
    const [a, b] = await Promise.all([drainAll(app.database, "a"), drainAll(other, "b")]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const all = [...a, ...b];
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
  });
});
