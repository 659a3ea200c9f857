// When a plan's reporting starts: the JSON's report_schedule_note ("báo cáo từ Quý II"), or
// `import --first-report`, else Q1 of the plan's first year; `plans` shows it, and a wrong one is refused.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const CDS2026 = new URL("../../src/plan-import/builtin/gia-lai-cds-2026.json", import.meta.url);
const SAMPLE_CSV = fileURLToPath(new URL("../../examples/plan-sample.csv", import.meta.url));

let folder: string;
let env: Record<string, string>;

beforeEach(() => {
  folder = tempDirectory("nhacviec-first-report-");
  env = { DATABASE_URL: `sqlite:${join(folder, "db.sqlite")}`, LOG_LEVEL: "silent" };
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The 2026 example plan with its note changed (or removed, `null`). */
function cdsWithNote(note: Record<string, unknown> | null): string {
  const file = JSON.parse(readFileSync(CDS2026, "utf8")) as Record<string, unknown>;
  if (note === null) delete file.report_schedule_note;
  else file.report_schedule_note = note;
  const path = join(folder, "cds.json");
  writeFileSync(path, JSON.stringify(file));
  return path;
}

async function firstReports(): Promise<Record<string, string | null>> {
  const result = await runCli(["plans", "--json"], env);
  expect(result.stderr).toBe("");
  const plans = JSON.parse(result.stdout) as { shortCode: string; firstReport: string | null }[];
  return Object.fromEntries(plans.map((plan) => [plan.shortCode, plan.firstReport]));
}

describe("a plan's first reporting period", () => {
  it("comes from the file's note, and --first-report overrides it", async () => {
    const file = cdsWithNote({ text: "Báo cáo từ Quý III/2026.", first_year: 2026, first_quarter: 3 });
    expect((await runCli(["import", file, "--create-agencies"], env)).code).toBe(0);
    expect(await firstReports()).toEqual({ CDS2026: "2026-Q3" });
    expect((await runCli(["import", file, "--first-report", "Q4/2026", "--create-agencies"], env)).code).toBe(
      0,
    );
    expect(await firstReports()).toEqual({ CDS2026: "2026-Q4" });
  });

  it("is Q1 of the plan's first year when nothing says otherwise, and --first-report sets a table's", async () => {
    expect((await runCli(["import", cdsWithNote(null), "--create-agencies"], env)).code).toBe(0);
    const csv = await runCli(
      ["import", SAMPLE_CSV, "--plan", "cds-2024", "--first-report", "2025-Q1", "--create-agencies"],
      env,
    );
    expect(csv.stderr).toBe("");
    expect(await firstReports()).toEqual({ CDS2026: "2026-Q1", CDS2024: "2025-Q1" });
  });

  it("refuses a note or an option it cannot read, and imports nothing", async () => {
    expect((await runCli(["migrate"], env)).code).toBe(0);
    const bad = cdsWithNote({ first_year: 2026, first_quarter: 5 });
    const fromFile = await runCli(["import", bad], env);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toBe(
      `nhacviec: import: ${bad}: «report_schedule_note» ghi kỳ báo cáo đầu tiên là năm 2026, quý 5: không đọc được; ghi «first_year» là năm (ví dụ 2026) và «first_quarter» là 1, 2, 3 hoặc 4.\n`,
    );
    const fromOption = await runCli(["import", cdsWithNote(null), "--first-report", "2026"], env);
    expect(fromOption.code).toBe(1);
    expect(fromOption.stderr).toBe(
      "nhacviec: import: --first-report «2026» không đọc được; ghi kỳ báo cáo đầu tiên như «2027-Q1».\n",
    );
    expect(await firstReports()).toEqual({});
  });
});
