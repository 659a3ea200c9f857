// The XLSX report ends with the plans' indicators: the written report's table on a sheet of its own,
// with the whole indicator text and who has not reported; a plan without indicators adds no sheet.
import { rmSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { findAgencyByCode } from "../../src/store/agencies.ts";
import { appendIndicatorValue, liveIndicators } from "../../src/store/indicators.ts";
import { runCli } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let folder: string;
let env: Record<string, string>;

beforeEach(() => {
  folder = tempDirectory("nhacviec-xlsx-indicators-");
  env = { DATABASE_URL: `sqlite:${join(folder, "db.sqlite")}`, LOG_LEVEL: "silent" };
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Sở Y tế reports 45% for indicator 2 of 2020-Q3 (each agency's share of online dossiers). */
async function reportFigure(): Promise<void> {
  const database = openDatabase(env.DATABASE_URL ?? "", { create: false });
  try {
    const db = database.db;
    const agency = await findAgencyByCode(db, "so-y-te");
    const indicator = (await liveIndicators(db)).find((row) => row.definition.number === 2);
    if (!agency || !indicator) throw new Error("the built-in plan is not there");
    const sentAt = new Date("2020-08-10T03:00:00Z");
    await appendIndicatorValue(db, {
      indicatorId: indicator.id,
      agencyId: agency.id,
      periodKey: "2020-Q3",
      value: 45,
      personId: null,
      channel: "console",
      rawText: "chỉ tiêu 2: 45%",
      sentAt,
      receivedAt: sentAt,
    });
  } finally {
    await database.close();
  }
}

async function workbookOf(args: string[]): Promise<ExcelJS.Workbook> {
  const file = join(folder, "report.xlsx");
  const result = await runCli(["report", "--quarter", "2020-Q3", "--out", file, ...args], env);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value);
}

describe("the XLSX report's indicators sheet", () => {
  it("tabulates every indicator in force with its figures, target and who has not reported", async () => {
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    await reportFigure();
    const workbook = await workbookOf([]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Tổng hợp đơn vị",
      "Nhiệm vụ",
      "Lũy kế 9 tháng",
      "Chỉ tiêu",
    ]);
    const sheet = workbook.getWorksheet("Chỉ tiêu");
    if (!sheet) throw new Error("no indicators sheet");
    expect(sheet.getCell("A1").value).toBe("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH");
    expect(rowTexts(sheet, 6)).toEqual([
      "STT",
      "Chỉ tiêu",
      "Kết quả kỳ báo cáo",
      "Lũy kế",
      "Mục tiêu",
      "Đánh giá",
      "Chưa báo cáo / phải báo cáo",
      "Đơn vị chưa báo cáo",
    ]);
    // 2019–2020 has 21 indicators, in their numbers' order, each on its row.
    expect(Array.from({ length: 21 }, (_, index) => sheet.getCell(7 + index, 1).value)).toEqual(
      Array.from({ length: 21 }, (_, index) => index + 1),
    );
    const second = rowTexts(sheet, 8);
    expect(second[1]).toBe(
      "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của từng sở, ngành, địa phương đạt từ 20% trở lên",
    );
    expect(second.slice(2, 7)).toEqual([
      "100% số đơn vị đạt (1 đơn vị báo cáo)",
      "100% số đơn vị đạt (1 đơn vị báo cáo)",
      "mỗi đơn vị ≥ 20%",
      "Đạt",
      "39/40",
    ]);
    expect(second[7]).toContain("Ban Dân tộc, ");
    expect(second[7]).not.toContain("Sở Y tế");
    // Nobody has reported the first: said in words, not as forty names.
    expect(rowTexts(sheet, 7).slice(6)).toEqual(["40/40", "Chưa đơn vị nào báo cáo"]);
  });

  it("adds no sheet for a plan without indicators", async () => {
    expect((await runCli(["import", "--builtin", "all"], env)).code).toBe(0);
    const workbook = await workbookOf(["--plan", "CDS2026"]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).not.toContain("Chỉ tiêu");
  });
});
