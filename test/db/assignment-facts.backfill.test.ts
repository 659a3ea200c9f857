// Migrations 0008 and 0014 sum up the history already stored the way the application keeps it after
// each append: on random histories, dropping the facts tables and migrating again gives the same rows.
import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as facts from "../../migrations/0008_assignment_latest.ts";
import * as latestUpdatedPeriod from "../../migrations/0014_latest_updated_period.ts";
import type { Db } from "../../src/db/database.ts";
import { applyHistory, clearHistory, historyArb, seedSmallPlan } from "../support/random-history.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;
let assignmentIds: number[];

beforeAll(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  assignmentIds = await seedSmallPlan(app.database.db);
});
afterAll(() => app.dispose());

async function factsRows(db: Db) {
  const periods = await sql`select * from assignment_period_facts order by assignment_id, period_key`.execute(
    db,
  );
  const latest = await sql`select * from assignment_latest order by assignment_id`.execute(db);
  return { periods: periods.rows, latest: latest.rows };
}

describe("migrations 0008's and 0014's backfills", () => {
  it("gives the rows the application keeps, on random histories", async () => {
    const db = app.database.db;
    await fc.assert(
      fc.asyncProperty(historyArb, async (steps) => {
        await clearHistory(db);
        await applyHistory(db, steps, assignmentIds);
        const kept = await factsRows(db);
        expect(kept.latest.length).toBeGreaterThan(0);
        const migrating = db as unknown as Kysely<unknown>;
        await latestUpdatedPeriod.down(migrating);
        await facts.down(migrating);
        await facts.up(migrating);
        await latestUpdatedPeriod.up(migrating);
        expect(await factsRows(db)).toEqual(kept);
      }),
      { numRuns: 15 },
    );
  });
});
