// Who is behind keeps its counts per agency between questions on SQLite and counts again only the
// agencies something may have moved (services/behind-tallies.ts). Between questions anything
// happens: updates and edits, the clock moving on or back past stale thresholds, due dates and merger
// windows, assignments retired or given a window, tasks made dormant, another connection writing.
// After each, every page must be the one a database handle asked for the first time gives.
import SQLite from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import type { BehindView } from "../../src/domain/behind-page.ts";
import { loadBehindPage } from "../../src/services/behind-page.ts";
import { movesCounts } from "../../src/services/behind-tallies.ts";
import { updateAssignment } from "../../src/store/assignments.ts";
import { updateTask } from "../../src/store/plans.ts";
import {
  clearHistory,
  type HistoryStep,
  historyArb,
  historyWriter,
  instantArb,
  seedSmallPlan,
} from "../support/random-history.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Move =
  | { kind: "history"; steps: HistoryStep[] }
  | { kind: "clock"; minutes: number }
  | { kind: "retire"; assignment: number; retired: boolean }
  | { kind: "window"; assignment: number; from: number | null; until: number | null }
  | { kind: "dormant"; task: number; dormant: boolean }
  | { kind: "elsewhere"; assignment: number; retired: boolean };

const index = fc.nat({ max: 40 });
// Mostly on, now and then back: minutes up to 40 days, across stale thresholds and due dates.
const minutes = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 40 * 24 * 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: -10 * 24 * 60, max: 0 }) },
);
// A window's ends, in days around the clock (an end may lie between this question and the next).
const windowEnd = fc.option(fc.integer({ min: -30, max: 30 }), { freq: 2 });

const moveArb: fc.Arbitrary<Move> = fc.oneof(
  {
    weight: 4,
    arbitrary: historyArb.map((steps) => ({ kind: "history" as const, steps: steps.slice(0, 6) })),
  },
  { weight: 4, arbitrary: minutes.map((m) => ({ kind: "clock" as const, minutes: m })) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("retire" as const), assignment: index, retired: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("window" as const),
      assignment: index,
      from: windowEnd,
      until: windowEnd,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("dormant" as const), task: index, dormant: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("elsewhere" as const),
      assignment: index,
      retired: fc.boolean(),
    }),
  },
);

let app: TestApp;
let assignmentIds: number[];
let taskIds: number[];

beforeAll(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  assignmentIds = await seedSmallPlan(app.database.db);
  const tasks = await app.database.db.selectFrom("tasks").select("id").orderBy("id").execute();
  taskIds = tasks.map((task) => task.id);
});
afterAll(() => app.dispose());

const pick = (ids: readonly number[], at: number) => ids[at % ids.length] ?? 0;
const iso = (instant: number) => new Date(instant).toISOString();

// Updates are sent from 40 days before the clock to 5 days after it (settled by a later question).
const SENT_SPAN = 45 * DAY;
const around = (at: number, sentAt: Date) => new Date(at - 40 * DAY + (sentAt.getTime() % SENT_SPAN));

async function move(step: Move, write: (step: HistoryStep) => Promise<void>, at: number): Promise<number> {
  const db = app.database.db;
  switch (step.kind) {
    case "history":
      for (const history of step.steps) {
        await write(
          history.kind === "message"
            ? { ...history, sentAt: around(at, history.sentAt) }
            : { ...history, sentAt: history.sentAt === null ? null : around(at, history.sentAt) },
        );
      }
      return at;
    case "clock":
      return at + step.minutes * MINUTE;
    case "retire":
      await updateAssignment(db, pick(assignmentIds, step.assignment), {
        retired_at: step.retired ? iso(at) : null,
      });
      return at;
    case "window":
      await db
        .updateTable("assignments")
        .set({
          active_from: step.from === null ? null : iso(at + step.from * DAY),
          active_until: step.until === null ? null : iso(at + step.until * DAY),
        })
        .where("id", "=", pick(assignmentIds, step.assignment))
        .execute();
      return at;
    case "dormant":
      await updateTask(db, pick(taskIds, step.task), { dormant: step.dormant ? 1 : 0 });
      return at;
    case "elsewhere": {
      const other = new SQLite(app.databasePath);
      other
        .prepare("update assignments set retired_at = ? where id = ?")
        .run(step.retired ? iso(at) : null, pick(assignmentIds, step.assignment));
      other.close();
      return at;
    }
  }
}

/** Every page at `at`, asked of the app (counts kept) and of a handle opened just for it. */
async function expectFreshPages(at: number, staleAfterDays: number) {
  const fresh = openDatabase(app.databaseUrl, { create: false });
  try {
    const query = { at: new Date(at), zone: ZONE, staleAfterDays };
    for (const view of ["missing", "overdue"] as BehindView[]) {
      for (let page = 1; page <= 3; page++) {
        const request = { view, page, size: 2 };
        const kept = await loadBehindPage(app.database.db, query, request);
        expect(kept.page).toEqual((await loadBehindPage(fresh.db, query, request)).page);
      }
    }
  } finally {
    await fresh.close();
  }
}

it("are the pages counted anew, whatever happens between questions", async () => {
  await fc.assert(
    fc.asyncProperty(
      instantArb,
      fc.array(moveArb, { minLength: 1, maxLength: 12 }),
      fc.constantFrom(1, 30),
      async (start, moves, staleAfterDays) => {
        const db = app.database.db;
        await clearHistory(db);
        await db.updateTable("assignments").set({ active_from: null, active_until: null }).execute();
        await db
          .updateTable("assignments")
          .set({ retired_at: null })
          .where("id", "!=", assignmentIds[1] ?? 0)
          .execute();
        await db.updateTable("tasks").set({ dormant: 0 }).execute();
        const write = historyWriter(db, assignmentIds);
        let at = start.getTime();
        await expectFreshPages(at, staleAfterDays);
        for (const step of moves) {
          at = await move(step, write, at);
          await expectFreshPages(at, staleAfterDays);
        }
      },
    ),
    { numRuns: 25 },
  );
}, 240_000);

it("tells the writes that may move counts from those the updates' ids tell", () => {
  expect(movesCounts(`update "assignments" set "retired_at" = ? where "id" = ?`)).toBe(true);
  expect(movesCounts(`insert into "assignments" ("task_id", "agency_id") values (?, ?)`)).toBe(true);
  expect(movesCounts(`update "tasks" set "dormant" = ? where "id" = ?`)).toBe(true);
  expect(movesCounts("delete from assignment_latest")).toBe(true);
  expect(movesCounts(`delete from "status_updates" where "id" = ?`)).toBe(true);
  expect(movesCounts("drop table assignment_latest")).toBe(true);
  expect(movesCounts(`insert into "status_updates" ("assignment_id") values (?)`)).toBe(false);
  expect(
    movesCounts("insert into assignment_latest (assignment_id) values (?) on conflict do update set x = 1"),
  ).toBe(false);
  expect(movesCounts(`insert into "outbox" ("person_id") values (?)`)).toBe(false);
  expect(movesCounts(`select * from "assignments"`)).toBe(false);
  expect(movesCounts("with tt as materialized (select 1) select * from tt")).toBe(false);
});

describe("an agency counted again when only time or another row moved it", () => {
  const T = Date.parse("2020-05-20T03:00:00Z");
  const done = { status: "done" as const, progress: null, blocker: null };
  const blocked = { status: "blocked" as const, progress: null, blocker: "thiếu kinh phí" };

  async function fresh() {
    const db = app.database.db;
    await clearHistory(db);
    await db.updateTable("assignments").set({ active_from: null, active_until: null }).execute();
    return historyWriter(db, assignmentIds);
  }

  it("an update sent after one question and before the next (settled since)", async () => {
    const write = await fresh();
    await write({
      kind: "message",
      targets: [3],
      sentAt: new Date(T + 30 * MINUTE),
      contents: [done, done, done],
    });
    await expectFreshPages(T, 30);
    await expectFreshPages(T + 60 * MINUTE, 30);
  });

  it("a merger's window ending between two questions", async () => {
    await fresh();
    await app.database.db
      .updateTable("assignments")
      .set({ active_until: iso(T + 30 * MINUTE) })
      .where("id", "=", pick(assignmentIds, 3))
      .execute();
    await expectFreshPages(T, 30);
    await expectFreshPages(T + 60 * MINUTE, 30);
  });

  it("an edit moving a message's updates to another agency's task", async () => {
    const write = await fresh();
    await write({
      kind: "message",
      targets: [3],
      sentAt: new Date(T - DAY),
      contents: [blocked, done, done],
    });
    await expectFreshPages(T, 30);
    await write({ kind: "edit", message: 0, targets: [8], sentAt: null, contents: [blocked, done, done] });
    await expectFreshPages(T, 30);
  });
});
