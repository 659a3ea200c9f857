import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import { tableCounts } from "../support/table-counts.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
});
afterEach(async () => {
  await app.dispose();
});

describe("a dry-run import", () => {
  it("reports exactly what the real import then does, and writes nothing", async () => {
    const read = await builtinCatalogue();
    const options = { actor: "test", now: app.clock.now(), source: "test" };
    const before = tableCounts(app.databasePath);

    const dry = await importPlan(app.database.db, read, { ...options, dryRun: true });
    expect(dry.added).toHaveLength(34);
    expect(tableCounts(app.databasePath)).toEqual(before);
    expect(await app.database.db.selectFrom("plans").select("id").execute()).toEqual([]);

    const real = await importPlan(app.database.db, read, options);
    expect(real).toEqual(dry);
    expect(tableCounts(app.databasePath).tasks).toBe(34);
  });

  it("shows a re-import's changes and retirements without making them", async () => {
    const read = await builtinCatalogue();
    const options = { actor: "test", now: app.clock.now(), source: "test" };
    await importPlan(app.database.db, read, options);
    const before = tableCounts(app.databasePath);

    const edited = structuredClone(read);
    edited.catalogue.tasks = edited.catalogue.tasks
      .filter((task) => task.code !== "III.4")
      .map((task) => (task.code === "II.2" ? { ...task, title: `${task.title} (sửa)` } : task));
    const dry = await importPlan(app.database.db, edited, { ...options, dryRun: true });
    expect(dry.retired).toEqual(["III.4"]);
    expect(dry.changed).toEqual([{ code: "II.2", fields: ["title"] }]);
    expect(tableCounts(app.databasePath)).toEqual(before);
    const retired = await app.database.db
      .selectFrom("tasks")
      .select("retired_at")
      .where("code", "=", "III.4")
      .executeTakeFirstOrThrow();
    expect(retired.retired_at).toBeNull();
  });
});
