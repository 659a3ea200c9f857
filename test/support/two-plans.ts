// Two small plans of 2026 that share the task code II.2, each with an II.2 that Sở Khoa học và Công nghệ
// leads (issue 14): CDS2026 and DA06, JSON catalogues imported through the real import. The built-in
// plan (NQ17, ended 2025) is closed, as an admin does once it ended.
import type { Db } from "../../src/db/database.ts";
import { readCatalogueFile } from "../../src/plan-import/read-catalogue.ts";
import { closePlan } from "../../src/services/plan-closing.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import type { TestApp } from "./test-app.ts";

/** 09:00 on Tuesday 10/3/2026 in Gia Lai: inside Q1 2026 (report due before 20/3). */
export const TWO_PLANS_AT = "2026-03-10T02:00:00Z";

const CATALOGUES = ["cds-2026.json", "da06-2026.json"].map(
  (name) => new URL(`../fixtures/plan/two-plans/${name}`, import.meta.url).pathname,
);

/** `plans close <shortCode>` at `at`, through the real service (README: several plans). */
export async function closePlanAt(app: TestApp, shortCode: string, at: Date): Promise<void> {
  const request = { plan: shortCode, at, dryRun: false, actor: "test", now: at, zone: app.config.APP_TZ };
  await closePlan(app.database.db, request);
}

/** CDS2026 and DA06 imported, NQ17 closed on 1/1/2026. */
export async function importTwoPlans(app: TestApp): Promise<void> {
  const db = app.database.db;
  await closePlanAt(app, "NQ17", new Date("2025-12-31T17:00:00Z"));
  for (const path of CATALOGUES) {
    await importPlan(db, await readCatalogueFile(path), {
      actor: "test",
      now: app.clock.now(),
      source: path,
    });
  }
}

/** Every stored update, oldest first, with the plan and task its assignment belongs to. */
export async function storedUpdates(db: Db) {
  return db
    .selectFrom("status_updates")
    .innerJoin("assignments", "assignments.id", "status_updates.assignment_id")
    .innerJoin("tasks", "tasks.id", "assignments.task_id")
    .innerJoin("plans", "plans.id", "tasks.plan_id")
    .select([
      "plans.short_code as plan",
      "tasks.code as taskCode",
      "status_updates.status",
      "status_updates.progress",
      "status_updates.raw_text as rawText",
    ])
    .orderBy("status_updates.id")
    .execute();
}
