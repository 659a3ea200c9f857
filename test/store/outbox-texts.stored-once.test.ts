// A scheduled message's content is stored once however often it is planned: storing contents again,
// some new and some stored before (a tick after a new official joined, another instance), answers
// the ids already stored for the known ones and stores only the new ones.
import { afterEach, expect, it } from "vitest";
import { outboxContents, storeOutboxContents } from "../../src/store/outbox-texts.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const content = (text: string, assignmentIds: number[]) => ({ payload: { text }, assignmentIds });

describeEachDatabase("outbox texts: each content stored once", (database) => {
  it("answers the stored id for a known content and stores only the new ones, in the order asked", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    const db = app.database.db;
    const now = app.clock.now();
    const [first, second] = await storeOutboxContents(db, [content("một", [1]), content("hai", [2])], now);
    // The same words about other assignments are another content.
    const again = await storeOutboxContents(
      db,
      [content("ba", [3]), content("hai", [2]), content("một", [1]), content("một", [9]), content("ba", [3])],
      now,
    );
    expect(again[1]).toBe(second);
    expect(again[2]).toBe(first);
    expect(again[4]).toBe(again[0]);
    expect(new Set([first, second, again[0], again[3]]).size).toBe(4);
    const stored = await db.selectFrom("outbox_texts").select("id").execute();
    expect(stored).toHaveLength(4);
    const read = await outboxContents(db, again);
    expect(again.map((id) => read.get(id))).toEqual([
      content("ba", [3]),
      content("hai", [2]),
      content("một", [1]),
      content("một", [9]),
      content("ba", [3]),
    ]);
  });

  it("stores a content's JSON as text, byte for byte, whatever its letters", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    const db = app.database.db;
    const payload = {
      text: '⏰ Nhắc báo cáo — Sở Y tế\n• «II.2» "xong" 😀 \u0001',
      buttons: [[{ label: "✅ Xong", data: "u:d:1" }]],
    };
    const [id] = await storeOutboxContents(db, [{ payload, assignmentIds: [1, 2] }], app.clock.now());
    const row = await db
      .selectFrom("outbox_texts")
      .select(["payload", "assignment_ids"])
      .where("id", "=", id ?? 0)
      .executeTakeFirstOrThrow();
    expect(row.payload).toBe(JSON.stringify(payload));
    expect(row.assignment_ids).toBe("[1,2]");
  });
});
