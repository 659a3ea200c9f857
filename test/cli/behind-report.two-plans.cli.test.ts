// Two plans with work in the same quarter, each imported from a small JSON catalogue through the real
// import (both number their tasks I.1, I.2): `behind` and `report` show both by default, each listed
// task naming its plan; `--plan` (a short code in any case, or the full code) narrows every output to
// that plan's work; an unknown plan is a one-line error naming the plans there are.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocx } from "../support/docx-xml.ts";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const AT = "2026-05-10T09:00:00+07:00"; // Q2 2026, before its deadline
const QUARTER = "2026-Q2";

const CATALOGUES = {
  "so-hoa.json": {
    plan: { code: "ke-hoach-so-hoa-2026", short_code: "SOHOA26", title: "Kế hoạch số hóa hồ sơ năm 2026" },
    sections: [
      {
        code: "I",
        title: "Số hóa",
        tasks: [
          { code: "I.1", title: "Số hóa hồ sơ hộ tịch", lead: ["Sở Tư pháp"], timeframes: ["2026"] },
          {
            code: "I.2",
            title: "Số hóa hồ sơ đất đai",
            lead: ["Sở Nông nghiệp và Môi trường"],
            timeframes: ["2026"],
          },
        ],
      },
    ],
  },
  "chuyen-doi-so.json": {
    plan: { code: "chuyen-doi-so-2026", short_code: "CDS2026", title: "Kế hoạch chuyển đổi số năm 2026" },
    sections: [
      {
        code: "I",
        title: "Hạ tầng số",
        tasks: [
          {
            code: "I.1",
            title: "Nâng cấp trung tâm dữ liệu",
            lead: ["Sở Khoa học và Công nghệ"],
            timeframes: ["2026"],
          },
          {
            code: "I.2",
            title: "Phủ sóng di động vùng sâu",
            lead: ["Sở Tư pháp", "Sở Khoa học và Công nghệ"],
            timeframes: ["2026"],
          },
        ],
      },
    ],
  },
};

let directory: string;
let env: Record<string, string>;

beforeAll(async () => {
  directory = tempDirectory("nhacviec-cli-two-plans-");
  env = { DATABASE_URL: `sqlite:${join(directory, "db.sqlite")}`, LOG_LEVEL: "silent" };
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    const file = join(directory, name);
    writeFileSync(file, JSON.stringify(catalogue));
    expect((await runCli(["import", file, "--create-agencies"], env)).code).toBe(0);
  }
}, 60_000);

async function behindJson(...extra: string[]) {
  const result = await runCli(["behind", "--at", AT, "--json", ...extra], env);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function report(file: string, ...extra: string[]): Promise<string> {
  const out = join(directory, file);
  const result = await runCli(["report", "--quarter", QUARTER, "--at", AT, "--out", out, ...extra], env);
  expect(result.code).toBe(0);
  return result.stdout;
}

/** Every text cell of every sheet of a workbook. */
async function workbookTexts(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(directory, file));
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") texts.push(cell.value);
      }),
    ),
  );
  return texts;
}

describe("behind and report over two plans", () => {
  it("behind shows both plans by default, each missing task after its plan's code", async () => {
    const behind = await behindJson();
    expect(behind.plans).toEqual(["SOHOA26", "CDS2026"]);
    expect(behind.totals.owedAssignments).toBe(5);
    const justice = behind.notReported.find((s: { agencyName: string }) => s.agencyName === "Sở Tư pháp");
    expect(justice.missingTaskCodes).toEqual(["SOHOA26 I.1", "CDS2026 I.2"]);
    // Nothing was ever reported: every assignment is stale, each item naming its plan.
    const stale = behind.stale.map(
      (item: { plan: string; taskCode: string }) => `${item.plan} ${item.taskCode}`,
    );
    expect(stale.sort()).toEqual(["CDS2026 I.1", "CDS2026 I.2", "CDS2026 I.2", "SOHOA26 I.1", "SOHOA26 I.2"]);
    const text = await runCli(["behind", "--at", AT], env);
    expect(text.stdout).toContain("Sở Tư pháp — thiếu 2/2: SOHOA26 I.1, CDS2026 I.2");
    expect(text.stdout).not.toContain("Chỉ tính kế hoạch");
  });

  it("behind --plan shows only that plan's work, by short code in any case or by full code", async () => {
    for (const reference of ["cds2026", "CDS2026", "chuyen-doi-so-2026"]) {
      const behind = await behindJson("--plan", reference);
      expect(behind.plans).toEqual(["CDS2026"]);
      expect(behind.totals.owedAssignments).toBe(3);
      expect(behind.notReported.map((s: { agencyName: string }) => s.agencyName)).toEqual([
        "Sở Khoa học và Công nghệ",
        "Sở Tư pháp",
      ]);
      expect(behind.notReported[1].missingTaskCodes).toEqual(["I.2"]);
      expect(new Set(behind.stale.map((item: { plan: string }) => item.plan))).toEqual(new Set(["CDS2026"]));
    }
    const text = await runCli(["behind", "--at", AT, "--plan", "SOHOA26"], env);
    expect(text.stdout).toContain("Chỉ tính kế hoạch SOHOA26.");
    expect(text.stdout).toContain("Sở Tư pháp — thiếu 1/1: I.1");
    expect(text.stdout).not.toContain("Sở Khoa học và Công nghệ");
  });

  it("report writes every format for one plan or both", async () => {
    await report("both.json");
    const both = JSON.parse(readFileSync(join(directory, "both.json"), "utf8"));
    expect(both.plans).toEqual(["SOHOA26", "CDS2026"]);
    expect(
      both.rows.map((row: { plan: string; taskCode: string }) => `${row.plan} ${row.taskCode}`).sort(),
    ).toEqual(["CDS2026 I.1", "CDS2026 I.2", "CDS2026 I.2", "SOHOA26 I.1", "SOHOA26 I.2"]);
    await report("one.json", "--plan", "sohoa26");
    const one = JSON.parse(readFileSync(join(directory, "one.json"), "utf8"));
    expect(one.plans).toEqual(["SOHOA26"]);
    expect(one.rows.map((row: { plan: string; taskCode: string }) => `${row.plan} ${row.taskCode}`)).toEqual([
      "SOHOA26 I.1",
      "SOHOA26 I.2",
    ]);
    expect(one.summary.map((row: { agencyName: string }) => row.agencyName).sort()).toEqual([
      "Sở Nông nghiệp và Môi trường",
      "Sở Tư pháp",
    ]);

    await report("both.xlsx");
    expect(await workbookTexts("both.xlsx")).toEqual(expect.arrayContaining(["SOHOA26 I.1", "CDS2026 I.1"]));
    await report("one.xlsx", "--plan", "CDS2026");
    const oneSheet = await workbookTexts("one.xlsx");
    expect(oneSheet).toEqual(expect.arrayContaining(["I.1", "Nâng cấp trung tâm dữ liệu"]));
    expect(oneSheet.filter((cell) => /SOHOA26|Số hóa hồ sơ|Nông nghiệp/.test(cell))).toEqual([]);

    await report("both.csv");
    const csv = readFileSync(join(directory, "both.csv"), "utf8");
    expect(csv).toContain("SOHOA26 I.2,Số hóa hồ sơ đất đai,Sở Nông nghiệp và Môi trường");
    await report("one.csv", "--plan", "CDS2026");
    const oneCsv = readFileSync(join(directory, "one.csv"), "utf8").trim().split("\n");
    expect(oneCsv.slice(1).map((line) => line.split(",")[0])).toEqual(["I.1", "I.2", "I.2"]);

    await report("one.docx", "--plan", "CDS2026");
    const docx = readDocx(readFileSync(join(directory, "one.docx")));
    const paragraphs = docx.paragraphs.map((paragraph) => paragraph.text).join("\n");
    expect(paragraphs).toContain("Nâng cấp trung tâm dữ liệu");
    expect(paragraphs).not.toContain("Số hóa hồ sơ");
    await report("both.docx");
    const bothDocx = readDocx(readFileSync(join(directory, "both.docx")));
    expect(bothDocx.paragraphs.map((paragraph) => paragraph.text).join("\n")).toContain(
      "Số hóa hồ sơ hộ tịch",
    );

    expect(await report("both.png")).toContain("(3 đơn vị)");
    expect(await report("one.png", "--plan", "SOHOA26")).toContain("(2 đơn vị)");
  }, 60_000);

  it("refuses an unknown plan in one line naming the plans, exit 1", async () => {
    const behind = await runCli(["behind", "--at", AT, "--plan", "XYZ9"], env);
    expect(behind.code).toBe(1);
    expect(behind.stderr.trim().split("\n")).toHaveLength(1);
    expect(behind.stderr).toContain("không có kế hoạch «XYZ9»; các kế hoạch: CDS2026, SOHOA26");
    const out = join(directory, "never.json");
    const written = await runCli(["report", "--quarter", QUARTER, "--out", out, "--plan", "nq17"], env);
    expect(written.code).toBe(1);
    expect(written.stderr.trim().split("\n")).toHaveLength(1);
    expect(written.stderr).toContain("«nq17»");
  });
});
