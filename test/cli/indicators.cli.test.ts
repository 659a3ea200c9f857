// `import --builtin` loads the plan's 36 targets (again idempotently); `indicators --quarter` prints
// the period's table with the targets met or not and who has not reported; `indicators import`
// reads the sample sheet, and a bad sheet names each row to fix and writes nothing.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const SAMPLE = fileURLToPath(new URL("../../examples/indicators-sample.csv", import.meta.url));
let folder: string;

/** One line of the sample CSV as cells (its quoted cells hold commas, never quotes). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|([^,]+)|(?<=,|^)(?=,|$)/g)].map((match) => match[1] ?? match[2] ?? "");
}
let env: Record<string, string>;

beforeEach(() => {
  folder = tempDirectory("nhacviec-indicators-");
  env = { DATABASE_URL: `sqlite:${join(folder, "db.sqlite")}`, LOG_LEVEL: "silent" };
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

interface IndicatorJson {
  indicatorId: number;
  definition: { number: number; level: string | null; target: number | null; unit: string; rule: string };
  period: { figure: number | null; reported: number };
  cumulative: { figure: number | null; reported: number };
  met: boolean | null;
  expected: number;
  missing: string[];
}

async function table(quarter: string): Promise<IndicatorJson[]> {
  const result = await runCli(["indicators", "--quarter", quarter, "--json"], env);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { indicators: IndicatorJson[] }).indicators;
}

describe("the built-in plan's indicators", () => {
  it("imports the 36 targets with the plan, one per level, and again without change", async () => {
    const first = await runCli(["import", "--builtin", "--json"], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).indicators).toMatchObject({ read: 36, changed: [], retired: [] });
    expect(JSON.parse(first.stdout).indicators.added).toHaveLength(36);
    const again = await runCli(["import", "--builtin", "--json"], env);
    expect(JSON.parse(again.stdout).indicators).toEqual({
      planCode: "gia-lai-nq17-2019",
      read: 36,
      added: [],
      changed: [],
      retired: [],
    });

    // 2019-2020 has 21 targets; "90% at province, 70% at district, 30% at commune" is three of them.
    const rows = await table("2020-Q3");
    expect(rows).toHaveLength(21);
    const split = rows.filter((row) => [15, 16, 17].includes(row.definition.number));
    expect(split.map((row) => [row.definition.level, row.definition.target])).toEqual([
      ["province", 90],
      ["district", 70],
      ["commune", 30],
    ]);
    // The province level is reported by departments and sector bodies, the district level by districts.
    const [province, district] = split;
    expect(province?.missing).toContain("Sở Y tế");
    expect(province?.missing).not.toContain("UBND huyện Chư Păh");
    expect(district?.missing).toContain("UBND huyện Chư Păh");
    expect(district?.missing).not.toContain("Sở Y tế");
    // The ranking target is a rank among provinces.
    expect(rows.find((row) => row.definition.number === 21)?.definition).toMatchObject({
      unit: "rank",
      target: 30,
    });
    expect((await table("2021-Q3")).map((row) => row.definition.number)).toEqual(
      Array.from({ length: 15 }, (_, index) => index + 22),
    );
  });

  it("expects a merged agency's figures only for the periods before its merger", async () => {
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const merge = await runCli(["agencies", "merge", "so-tttt", "so-khcn", "--on", "2025-03-01"], env);
    expect(merge.code).toBe(0);
    const owes = (rows: IndicatorJson[]) =>
      rows.some((row) => row.missing.includes("Sở Thông tin và Truyền thông"));
    expect(owes(await table("2024-Q3"))).toBe(true);
    expect(owes(await table("2025-Q3"))).toBe(false);
  });

  it("prints the table as text", async () => {
    await runCli(["import", "--builtin"], env);
    const result = await runCli(["indicators", "--quarter", "2020-Q3"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Chỉ tiêu của kế hoạch, Quý III/2020:");
    expect(result.stdout).toContain("2. Tỷ lệ hồ sơ giải quyết trực tuyến");
    expect(result.stdout).toContain("mục tiêu: mỗi đơn vị ≥ 20%; Chưa đánh giá được");
  });
});

describe("indicators import", () => {
  it("imports the sample sheet onto a plan", async () => {
    await runCli(["import", "--builtin"], env);
    const result = await runCli(
      ["indicators", "import", SAMPLE, "--plan", "gia-lai-nq17-2019", "--json"],
      env,
    );
    expect(result.stderr).toBe("");
    const summary = JSON.parse(result.stdout);
    // The sheet's four targets replace the built-in 36: the others are retired, not deleted.
    expect(summary).toMatchObject({ read: 4, dryRun: false });
    expect(summary.retired).toHaveLength(32);
    const rows = await table("2020-Q3");
    expect(rows.map((row) => [row.definition.number, row.definition.rule, row.definition.level])).toEqual([
      [1, "share", null],
      [2, "mean", null],
      [3, "mean", "province"],
      [4, "mean", "district"],
    ]);
  });

  it("reads the same sheet as XLSX, a title above its header, the plan named by its short code", async () => {
    await runCli(["import", "--builtin"], env);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Chỉ tiêu");
    sheet.addRow(["CÁC CHỈ TIÊU CỦA KẾ HOẠCH"]);
    for (const line of readFileSync(SAMPLE, "utf8").trim().split("\n")) sheet.addRow(csvCells(line));
    const xlsx = join(folder, "chi-tieu.xlsx");
    await workbook.xlsx.writeFile(xlsx);
    const result = await runCli(["indicators", "import", xlsx, "--plan", "nq17", "--json"], env);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ planCode: "gia-lai-nq17-2019", read: 4 });
    const rows = await table("2020-Q3");
    expect(rows.map((row) => [row.definition.number, row.definition.target, row.definition.level])).toEqual([
      [1, 20, null],
      [2, 30, null],
      [3, 90, "province"],
      [4, 70, "district"],
    ]);
  });

  it("names each bad row and what to fix, and writes nothing", async () => {
    await runCli(["import", "--builtin"], env);
    const bad = join(folder, "chi-tieu.csv");
    writeFileSync(
      bad,
      [
        "STT;Chỉ tiêu;Giai đoạn;Mục tiêu (%);Cấp;Cách tính",
        "1;Tỷ lệ hồ sơ trực tuyến;2019-2020;20;;trung bình",
        "2;Dịch vụ công mức độ 4;2019 đến 2020;30;;",
        "3;Văn bản điện tử;2019-2020;một nửa;;",
        "4;Hồ sơ công việc cấp tỉnh;2019-2020;90;thôn;",
      ].join("\n"),
    );
    const result = await runCli(["indicators", "import", bad, "--plan", "gia-lai-nq17-2019"], env);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      `${bad}, dòng 3: «Giai đoạn» «2019 đến 2020» không đọc được; ghi như «2019-2020» hoặc «2021».`,
      `${bad}, dòng 4: «Mục tiêu (%)» «một nửa» không phải số từ 0 đến 100; ghi như «20» hoặc «20%».`,
      `${bad}, dòng 5: «Cấp» «thôn» không đọc được; ghi «tỉnh», «huyện», «xã» hoặc để trống (mọi đơn vị).`,
      `nhacviec: indicators import: ${bad} có 3 dòng cần sửa (liệt kê ở trên); chưa nhập gì.`,
    ]);
    expect(await table("2020-Q3")).toHaveLength(21);
  });

  it("refuses a plan that is not there, and a file with no header", async () => {
    const missing = await runCli(["indicators", "import", SAMPLE, "--plan", "khong-co"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("chưa có kế hoạch «khong-co»");
    const headerless = join(folder, "x.csv");
    writeFileSync(headerless, "a,b,c\n1,2,3\n");
    const noHeader = await runCli(["indicators", "import", headerless, "--plan", "gia-lai-nq17-2019"], env);
    expect(noHeader.code).toBe(1);
    expect(noHeader.stderr).toContain("không thấy dòng tiêu đề");
  });
});
