// Migration 0012 gives the plans already stored a short code (issue 14): "gia-lai-nq17-2019" becomes
// NQ17, a code without letters and digits together runs its parts together, a clash takes the plan's
// id; none is closed, and the next import of the built-in plan updates that plan under its code.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type Migration, Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrator.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import { findPlanByReference } from "../../src/store/plans.ts";
import { tempDirectory } from "../support/test-app.ts";

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
});

const MIGRATIONS = new URL("../../migrations/", import.meta.url);

/** Every migration before 0012, as the database had them. */
async function migrationsBefore0012(): Promise<Record<string, Migration>> {
  const migrations: Record<string, Migration> = {};
  for (const file of readdirSync(MIGRATIONS).sort()) {
    const name = /^(\d{4})_.+(?=\.ts$)/.exec(file)?.[0];
    if (name === undefined || name >= "0012") continue;
    migrations[name] = (await import(new URL(file, MIGRATIONS).href)) as Migration;
  }
  return migrations;
}

const AT = "2024-05-02T03:00:00.000Z";

describe("migration 0012: the plans already stored get a short code", () => {
  it("derives NQ17 from gia-lai-nq17-2019, runs other codes together, numbers a clash, closes none", async () => {
    handle = openDatabase(`sqlite:${join(tempDirectory(), "old.sqlite")}`, { create: true });
    const db = handle.db;
    const before = await migrationsBefore0012();
    expect(Object.keys(before)).toContain("0011_agency_changes");
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => before },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    for (const [id, code] of [
      [1, "gia-lai-nq17-2019"],
      [2, "ke-hoach-cds-2021"],
      [3, "nq17-bo-sung"],
    ] as const) {
      await sql`insert into plans (id, code, title, span_from_year, span_to_year, created_at, updated_at)
        values (${id}, ${code}, ${`Kế hoạch ${code}`}, 2019, 2025, ${AT}, ${AT})`.execute(db);
    }

    expect((await migrateToLatest(db)).applied).toContain("0012_plan_codes");

    const plans = await db
      .selectFrom("plans")
      .select(["code", "short_code", "closed_at"])
      .orderBy("id")
      .execute();
    expect(plans).toEqual([
      { code: "gia-lai-nq17-2019", short_code: "NQ17", closed_at: null },
      { code: "ke-hoach-cds-2021", short_code: "KEHOACHCDS2021", closed_at: null },
      { code: "nq17-bo-sung", short_code: "NQ173", closed_at: null },
    ]);
    expect((await findPlanByReference(db, "nq17"))?.code).toBe("gia-lai-nq17-2019");
    await expect(
      sql`update plans set short_code = 'NQ17' where code = 'nq17-bo-sung'`.execute(db),
    ).rejects.toThrow(/UNIQUE/);

    // The built-in plan, imported again, is the plan already there: same row, same short code.
    const summary = await importPlan(db, await builtinCatalogue(), {
      actor: "test",
      now: new Date(AT),
      source: "builtin",
    });
    expect(summary.planCreated).toBe(false);
    expect(await db.selectFrom("plans").select("short_code").where("id", "=", 1).executeTakeFirst()).toEqual({
      short_code: "NQ17",
    });
  });
});
