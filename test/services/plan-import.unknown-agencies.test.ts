import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CatalogueReadResult } from "../../src/plan-import/catalogue.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { type ImportSummary, importPlan } from "../../src/services/plan-import.ts";
import { UnknownAgenciesError } from "../../src/services/plan-import-agencies.ts";
import { findAgencyByCode } from "../../src/store/agencies.ts";
import { tableCounts } from "../support/table-counts.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
});
afterEach(async () => {
  await app.dispose();
});

function runImport(read: CatalogueReadResult, createAgencies = false): Promise<ImportSummary> {
  return importPlan(app.database.db, read, {
    actor: "test",
    now: app.clock.now(),
    source: "test",
    createAgencies,
  });
}

/** The built-in plan with a misspelt lead on I.1 and I.2 and a misspelt cooperating agency on II.1. */
async function misspeltPlan(): Promise<CatalogueReadResult> {
  const read = structuredClone(await builtinCatalogue());
  read.catalogue.tasks = read.catalogue.tasks.map((task) => {
    if (task.code === "I.1" || task.code === "I.2") return { ...task, lead: ["Sở Không Tồn Tại"] };
    if (task.code === "II.1") return { ...task, cooperating: ["Sở Tài chánh"] };
    return task;
  });
  return read;
}

async function leadCodes(taskCode: string): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom("assignments")
    .innerJoin("tasks", "tasks.id", "assignments.task_id")
    .innerJoin("agencies", "agencies.id", "assignments.agency_id")
    .select("agencies.code")
    .where("tasks.code", "=", taskCode)
    .execute();
  return rows.map((row) => row.code);
}

describe("an agency name the registry does not know", () => {
  it("fails the import with each name, its tasks and the closest registered names; nothing is written", async () => {
    const before = tableCounts(app.databasePath);
    const error = await runImport(await misspeltPlan()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnknownAgenciesError);
    const { agencies } = error as UnknownAgenciesError;
    expect(agencies.map(({ name, rows, tasks }) => ({ name, rows, tasks }))).toEqual([
      { name: "Sở Không Tồn Tại", rows: [], tasks: ["I.1", "I.2"] },
      // A cooperating agency counts too: a misspelt "Sở …" would join "Các sở, ngành".
      { name: "Sở Tài chánh", rows: [], tasks: ["II.1"] },
    ]);
    expect(agencies[1]?.closest).toEqual(["Sở Tài chính"]);
    expect(agencies[0]?.closest.length).toBeGreaterThan(0);
    expect(agencies[0]?.closest.length).toBeLessThanOrEqual(3);
    expect(tableCounts(app.databasePath)).toEqual(before);
    expect(await findAgencyByCode(app.database.db, "so-khong-ton-tai")).toBeNull();
  });

  it("is registered with createAgencies, its kind guessed from the name", async () => {
    const summary = await runImport(await misspeltPlan(), true);
    expect(summary.agenciesCreated).toEqual([
      { code: "so-khong-ton-tai", name: "Sở Không Tồn Tại", kind: "department" },
      { code: "so-tai-chanh", name: "Sở Tài chánh", kind: "department" },
    ]);
    expect(await leadCodes("I.1")).toEqual(["so-khong-ton-tai"]);
    // This is why names are checked: a new "department" is swept into every collective lead.
    expect(await leadCodes("II.6")).toContain("so-tai-chanh");
  });

  it("does not stop the built-in plan, whose every name is registered", async () => {
    const summary = await runImport(await builtinCatalogue());
    expect(summary.agenciesCreated).toEqual([]);
    expect(summary.added).toHaveLength(34);
  });
});
