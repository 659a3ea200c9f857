// A first tick writes its messages a few agencies at a time, each chunk in its own transaction. A run
// stopped between two chunks (a crash, a shutdown) leaves whole chunks behind; the next tick plans
// the rest, and every reminder ends up planned exactly once, with its own agency's text.
import { afterEach, describe, expect, it } from "vitest";
import { plannerDepsOf } from "../../src/app.ts";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import { planReminders } from "../../src/services/reminder-planner.ts";
import { linkOfficial, localMorning, outboxRows, planAt } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describe("reminder planner: stopped between two chunks", () => {
  it("the next tick plans what is missing, and every reminder is planned once", async () => {
    app = await createTestApp();
    const db = app.database.db;
    // More agencies than one chunk holds, one official each.
    const agencies = await db
      .selectFrom("agencies")
      .innerJoin("assignments", "assignments.agency_id", "agencies.id")
      .select(["agencies.code", "agencies.name"])
      .distinct()
      .orderBy("agencies.code")
      .limit(25)
      .execute();
    expect(agencies).toHaveLength(25);
    const officials = [];
    for (const [index, agency] of agencies.entries()) {
      officials.push({
        ...(await linkOfficial(app, agency.code, String(8500 + index))),
        agency: agency.name,
      });
    }

    // The process dies at the first turn it gives the event loop once a chunk is written.
    const at = localMorning("2020-03-13");
    const dyingAfterOneChunk = () => async () => {
      const written = await db.selectFrom("outbox").select("id").execute();
      if (written.length > 0) throw new Error("killed between two chunks");
    };
    await expect(
      planReminders({ ...plannerDepsOf(app), yieldPoint: dyingAfterOneChunk }, at),
    ).rejects.toThrow("killed between two chunks");
    const left = await outboxRows(db);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(officials.length);

    const resumed = await planAt(app, localMorning("2020-03-13", 9));
    expect(resumed.planned.reminder).toBe(officials.length - left.length);
    const rows = await outboxRows(db);
    expect(rows.map((row) => row.person_id).sort()).toEqual(officials.map((o) => o.personId).sort());
    expect(new Set(rows.map((row) => row.key)).size).toBe(officials.length);
    // One text per agency, each naming its own agency.
    expect(new Set(rows.map((row) => row.text_id)).size).toBe(officials.length);
    for (const official of officials) {
      const row = rows.find((r) => r.person_id === official.personId);
      const text = (JSON.parse(row?.payload ?? "{}") as OutboxPayload).text;
      expect(text).toContain(`— ${official.agency}\n`);
    }
    // And a further tick finds nothing left.
    expect((await planAt(app, localMorning("2020-03-13", 10))).planned.reminder).toBe(0);
  });
});
