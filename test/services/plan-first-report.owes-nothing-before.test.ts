// A plan that reports from Q2 2026 (DA06, `import --first-report 2026-Q2`) owes nothing for Q1 2026:
// its tasks are in charge and listed, but no reminder, who-is-behind or report of Q1 counts them,
// while the plan beside it (CDS2026, reporting from Q1) is asked about as before. Q2 counts both.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import { readCatalogueFile } from "../../src/plan-import/read-catalogue.ts";
import { loadBehindPage } from "../../src/services/behind-page.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import { consoleTicker, linkOfficial, localMorning, outboxRows } from "../support/planner-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { closePlanAt, TWO_PLANS_AT } from "../support/two-plans.ts";

const FIXTURES = new URL("../fixtures/plan/two-plans/", import.meta.url).pathname;
const IN_Q1 = "2026-03-10T09:00:00+07:00";
const IN_Q2 = "2026-05-10T09:00:00+07:00";

let app: TestApp;
let env: Record<string, string>;

beforeEach(async () => {
  app = await createTestApp({ at: TWO_PLANS_AT });
  env = { DATABASE_URL: app.databaseUrl, LOG_LEVEL: "silent" };
  await closePlanAt(app, "NQ17", new Date("2025-12-31T17:00:00Z"));
  const options = { actor: "test", now: app.clock.now(), source: "test" };
  const cds = await readCatalogueFile(join(FIXTURES, "cds-2026.json"));
  await importPlan(app.database.db, cds, options);
  const da06 = await readCatalogueFile(join(FIXTURES, "da06-2026.json"), {
    firstReport: { year: 2026, quarter: 2 },
  });
  await importPlan(app.database.db, da06, options);
});
afterEach(async () => {
  await app.dispose();
});

interface BehindJson {
  plans: string[];
  notReported: { agencyName: string; missingTaskCodes: string[] }[];
  totals: { owedAssignments: number };
}

async function behindAt(at: string): Promise<BehindJson> {
  const result = await runCli(["behind", "--at", at, "--json"], env);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as BehindJson;
}

/** The chat's first page (`/cham`): its headline's owed count and the agencies on it. */
async function chatPageAt(at: string): Promise<{ owed: number; agencies: string[] }> {
  const { page } = await loadBehindPage(
    app.database.db,
    { at: new Date(at), zone: app.config.APP_TZ, staleAfterDays: 30 },
    { view: "missing", page: 1, size: 50 },
  );
  return {
    owed: page.headline.totals.owedAssignments,
    agencies: page.standings.map((standing) => standing.agencyName),
  };
}

async function reportRows(quarter: string, at: string): Promise<string[]> {
  const out = join(app.directory, `${quarter}.json`);
  const result = await runCli(["report", "--quarter", quarter, "--at", at, "--out", out], env);
  expect(result.stderr).toBe("");
  const report = JSON.parse(readFileSync(out, "utf8")) as { rows: { plan: string; taskCode: string }[] };
  return [...new Set(report.rows.map((row) => row.plan))].sort();
}

describe("a plan before its first reporting period", () => {
  it("is left out of Q1's reminders, who is behind and report, and counted from Q2", async () => {
    const police = await linkOfficial(app, "ca-tinh", "canbo-ca", { channel: "console" });
    const khcn = await linkOfficial(app, "so-khcn", "canbo-khcn", { channel: "console" });
    await consoleTicker(app, [])(localMorning("2026-03-13"));
    const reminders = (await outboxRows(app.database.db)).filter((row) => row.kind === "reminder");
    const textOf = (personId: number) =>
      (JSON.parse(reminders.find((row) => row.person_id === personId)?.payload ?? "{}") as OutboxPayload)
        .text;
    // Sở KH&CN is reminded of CDS2026's tasks only; Công an tỉnh, with DA06's alone, of nothing.
    expect(textOf(khcn.personId)).toContain("Nâng cấp Trung tâm dữ liệu tỉnh");
    expect(textOf(khcn.personId)).not.toContain("Kết nối Cơ sở dữ liệu quốc gia về dân cư");
    expect(textOf(police.personId)).toBeUndefined();

    const q1 = await behindAt(IN_Q1);
    expect(q1.notReported.flatMap((agency) => agency.missingTaskCodes).join(" ")).not.toContain("DA06");
    expect(q1.notReported.map((agency) => agency.agencyName)).not.toContain("Công an tỉnh");
    expect(await reportRows("2026-Q1", IN_Q1)).toEqual(["CDS2026"]);
    const chatQ1 = await chatPageAt(IN_Q1);
    expect(chatQ1.owed).toBe(q1.totals.owedAssignments);
    expect(chatQ1.agencies).not.toContain("Công an tỉnh");

    const q2 = await behindAt(IN_Q2);
    expect(q2.notReported.map((agency) => agency.agencyName)).toContain("Công an tỉnh");
    expect(q2.totals.owedAssignments).toBeGreaterThan(q1.totals.owedAssignments);
    expect(await reportRows("2026-Q2", IN_Q2)).toEqual(["CDS2026", "DA06"]);
    const chatQ2 = await chatPageAt(IN_Q2);
    expect(chatQ2.owed).toBe(q2.totals.owedAssignments);
    expect(chatQ2.agencies).toContain("Công an tỉnh");
  });
});
