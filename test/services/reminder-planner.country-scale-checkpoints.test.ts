// A first tick over a country's agencies writes megabytes of texts: its commits leave the log's
// checkpoints to a worker thread (no flush to disk on the event loop), and once the run is over the
// connection checkpoints as before. A province's smaller run commits as it always did, no worker.
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { seedPeople, seedPlan } from "../../bench/seed.ts";
import { plannerDepsOf } from "../../src/app.ts";
import type { Db } from "../../src/db/database.ts";
import { planReminders } from "../../src/services/reminder-planner.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

// D-7 of 2020-Q1 at 08:00 in Gia Lai.
const TICK = new Date("2020-03-13T01:00:00Z");

async function autocheckpoint(db: Db): Promise<number> {
  const result = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  return Number(result.rows[0]?.wal_autocheckpoint);
}

/** A first tick over `agencies` agencies of one official each; the settings seen between chunks. */
async function firstTick(agencies: number) {
  app = await createTestApp({ withBuiltinPlan: false, at: TICK.toISOString() });
  const db = app.database.db;
  const accounts = await seedPeople(db, { agencies, officialsPerAgency: 1, now: TICK });
  await seedPlan(db, { tasks: 3, year: 2020, agencyIds: accounts.map((a) => a.agencyId), now: TICK });
  const seen = new Set<number>();
  // Between chunks, outside any transaction: what a commit there would do.
  const watching = () => async () => {
    seen.add(await autocheckpoint(db));
  };
  const report = await planReminders({ ...plannerDepsOf(app), yieldPoint: watching }, TICK);
  const after = await autocheckpoint(db);
  const checkpoints = app.database.walCheckpoints;
  await checkpoints?.close();
  return { planned: report.planned.reminder, seen, after, workerCheckpoints: checkpoints?.completed };
}

describe("reminder planner: the log's checkpoints at a country's scale", () => {
  it("120 agencies: checkpoints run on the worker during the run, the setting is back after", async () => {
    const tick = await firstTick(120);
    expect(tick.planned).toBe(120);
    expect(tick.seen).toContain(0);
    expect(tick.after).toBe(1000);
    expect(tick.workerCheckpoints).toBeGreaterThan(0);
  });

  it("40 agencies: commits checkpoint as usual, no worker", async () => {
    const tick = await firstTick(40);
    expect(tick.planned).toBe(40);
    expect([...tick.seen]).toEqual([1000]);
    expect(tick.workerCheckpoints).toBe(0);
  });
});
