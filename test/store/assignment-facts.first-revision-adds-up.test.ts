// A message's first revision adds to its facts (one upsert per table, store/assignment-facts.ts)
// instead of summing up its groups' history again. On random histories (messages naming a task twice,
// backdated messages, edits that move updates to other tasks), the facts kept that way must be the
// ones summed up from the whole history, on SQLite and PostgreSQL.
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../../src/db/database.ts";
import { DEFAULT_CALENDAR_RULES, periodContaining } from "../../src/domain/calendar.ts";
import { UPDATE_STATUSES, type UpdateStatus } from "../../src/domain/vocabulary.ts";
import { refreshAssignmentFacts } from "../../src/store/assignment-facts.ts";
import { appendMessageUpdates } from "../../src/store/status-updates.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { clearHistory, instantArb, seedSmallPlan } from "../support/random-history.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

interface Update {
  target: number;
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
}

/** A new message (`edits` null) or an edit of an earlier one, with its updates (a task may come twice). */
interface Step {
  edits: number | null;
  sentAt: Date;
  updates: Update[];
}

const updateArb: fc.Arbitrary<Update> = fc.record({
  target: fc.nat({ max: 23 }),
  status: fc.constantFrom<UpdateStatus | null>(...UPDATE_STATUSES, null),
  progress: fc.option(fc.integer({ min: 0, max: 100 })),
  blocker: fc.option(fc.constantFrom("thiếu kinh phí", "chờ phê duyệt")),
});

// Now and then one of a few instants, so that messages sent at the same second meet (the later id wins).
const sentAtArb = fc.oneof(
  instantArb,
  fc.constantFrom(
    ...["2019-12-01T01:00:00Z", "2019-12-20T09:30:00Z", "2020-04-02T03:00:00Z"].map((at) => new Date(at)),
  ),
);

const stepArb: fc.Arbitrary<Step> = fc.record({
  edits: fc.option(fc.nat(), { freq: 3 }),
  sentAt: sentAtArb,
  updates: fc.array(updateArb, { minLength: 1, maxLength: 4 }),
});

/** Stores the steps through the application's append, each message or edit as its next revision. */
async function applySteps(db: Db, steps: readonly Step[], assignmentIds: readonly number[]): Promise<void> {
  const messages: { key: string; sentAt: Date }[] = [];
  for (const [index, step] of steps.entries()) {
    const original = step.edits === null ? undefined : messages[step.edits % Math.max(messages.length, 1)];
    const message = original ?? { key: `test:${index}`, sentAt: step.sentAt };
    if (original === undefined) messages.push(message);
    const periodKey = periodContaining(message.sentAt, DEFAULT_CALENDAR_RULES).key;
    await appendMessageUpdates(
      db,
      step.updates.map((update) => ({
        assignmentId: assignmentIds[update.target % assignmentIds.length] ?? 0,
        personId: null,
        channel: "telegram",
        chatId: "1",
        messageId: message.key,
        messageKey: message.key,
        rawText: `tin ${index}`,
        status: update.status,
        progress: update.progress,
        blocker: update.blocker,
        eta: null,
        sentAt: message.sentAt,
        periodKey,
      })),
      message.sentAt,
    );
  }
}

async function factsRows(db: Db) {
  const periods = await sql`select * from assignment_period_facts order by assignment_id, period_key`.execute(
    db,
  );
  const latest = await sql`select * from assignment_latest order by assignment_id`.execute(db);
  return { periods: periods.rows, latest: latest.rows };
}

/** Every group's facts summed up again from the whole history (what an edit does to its groups). */
async function summedUpAgain(db: Db) {
  await sql`delete from assignment_latest`.execute(db);
  await sql`delete from assignment_period_facts`.execute(db);
  const keys = await db
    .selectFrom("status_updates")
    .select(["assignment_id as assignmentId", "period_key as periodKey"])
    .distinct()
    .execute();
  await refreshAssignmentFacts(db, keys);
  return factsRows(db);
}

describeEachDatabase("facts kept as each message is stored", (database) => {
  let app: TestApp;
  let assignmentIds: number[];

  beforeAll(async () => {
    app = await createTestApp({ withBuiltinPlan: false, database });
    assignmentIds = await seedSmallPlan(app.database.db);
  });
  afterAll(() => app.dispose());

  it("are the facts summed up from the whole history, on random histories", async () => {
    const db = app.database.db;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 30 }), async (steps) => {
        await clearHistory(db);
        await applySteps(db, steps, assignmentIds);
        const kept = await factsRows(db);
        expect(kept.latest.length).toBeGreaterThan(0);
        expect(await summedUpAgain(db)).toEqual(kept);
      }),
      { numRuns: 20 },
    );
  });

  it("count a task named twice in one message twice, its later words the latest", async () => {
    const db = app.database.db;
    await clearHistory(db);
    const sentAt = new Date("2020-03-10T02:00:00Z");
    const twice: Step = {
      edits: null,
      sentAt,
      updates: [
        { target: 0, status: "in_progress", progress: 30, blocker: null },
        { target: 0, status: "blocked", progress: null, blocker: "thiếu kinh phí" },
      ],
    };
    await applySteps(db, [twice], assignmentIds);
    const { periods, latest } = await factsRows(db);
    expect(periods).toEqual([
      expect.objectContaining({ update_count: 2, status: "blocked", blocker: "thiếu kinh phí" }),
    ]);
    expect(latest).toEqual([
      expect.objectContaining({ status: "blocked", reported_at: sentAt.toISOString() }),
    ]);
  });
});
