// A plan file written before the two-level province may still name a district in a lead cell. Once
// the district is dissolved, an import gives it no new task and says so; its history stays.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const BUILTIN = new URL("../../src/plan-import/builtin/gia-lai-nq17-2019.json", import.meta.url);

interface CatalogueFile {
  sections: { code: string; tasks: { code: string; number: number; title: string; lead: string[] }[] }[];
}

/** The built-in plan with one more task in section VII, led by the district and a department. */
function planWithDistrictTask(folder: string): string {
  const file = JSON.parse(readFileSync(BUILTIN, "utf8")) as CatalogueFile;
  const section = file.sections.at(-1);
  if (!section) throw new Error("the built-in plan has no section");
  const number = section.tasks.length + 1;
  section.tasks.push({
    ...section.tasks[0],
    code: `${section.code}.${number}`,
    number,
    title: "Số hóa hồ sơ địa chính cấp huyện",
    lead: ["UBND huyện Chư Păh", "Sở Tài nguyên và Môi trường"],
  } as CatalogueFile["sections"][number]["tasks"][number]);
  const path = join(folder, "plan-with-district-task.json");
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe("importing a plan that names a dissolved district", () => {
  it("gives the district no new task, lists it, and still assigns the task's other lead", async () => {
    app = await createTestApp({ at: "2025-06-01T02:00:00Z" });
    const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
    expect((await runCli(["agencies", "dissolve", "h-chu-pah", "--on", "2025-07-01"], env)).code).toBe(0);

    const file = planWithDistrictTask(dirname(app.databasePath));
    const result = await runCli(["import", file, "--json"], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { added: string[]; namedEnded: string[] };
    const [code] = summary.added;
    expect(summary.namedEnded).toEqual([`${code}: UBND huyện Chư Păh`]);

    const leads = await app.database.db
      .selectFrom("assignments")
      .innerJoin("tasks", "tasks.id", "assignments.task_id")
      .innerJoin("agencies", "agencies.id", "assignments.agency_id")
      .select("agencies.code")
      .where("tasks.code", "=", code ?? "")
      .execute();
    expect(leads.map((lead) => lead.code)).toEqual(["so-tnmt"]);

    const text = await runCli(["import", file, "--dry-run"], env);
    expect(text.stdout).toContain("Đơn vị đã giải thể, không giao thêm việc");
  });
});
