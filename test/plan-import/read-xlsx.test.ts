import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalogueFile } from "../../src/plan-import/read-catalogue.ts";
import { cellValueText } from "../../src/plan-import/read-xlsx.ts";
import { ANNEX_ROWS, ANNEX_SECTIONS, ANNEX_TASKS, expectAnnexProblems } from "./annex-fixture.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nhacviec-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Writes the annex fixture the way a spreadsheet holds it: numbers as numbers, merges, rich text. */
function annexWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // A cover sheet without a table: the reader must pick the sheet with the header.
  workbook.addWorksheet("Bìa").addRow(["Kế hoạch hành động", "UBND tỉnh Gia Lai"]);
  const sheet = workbook.addWorksheet("Phụ lục");
  ANNEX_ROWS.forEach((cells, index) => {
    const row = sheet.getRow(index + 1);
    cells.forEach((text, column) => {
      const cell = row.getCell(column + 1);
      if (text === "") return;
      if (column === 0 && /^\d+$/.test(text)) cell.value = Number(text);
      else if (column === 1 && index + 1 === 8) {
        cell.value = {
          richText: [{ text: "Xây dựng ", font: { bold: true } }, { text: "Quyết định thay thế" }],
        };
      } else cell.value = text;
    });
    row.commit();
  });
  // Title over the whole width, "Số TT" over both header rows, "Thời gian" over two columns,
  // and section titles spanning name to note: none of this may leak into other columns.
  sheet.mergeCells("A1:G1");
  sheet.mergeCells("A4:A5");
  sheet.mergeCells("E4:F4");
  sheet.mergeCells("B7:G7");
  sheet.mergeCells("B18:G18");
  return workbook;
}

describe("reading an annex-like XLSX", () => {
  it("reads sections, tasks and problems from the sheet with the header", async () => {
    const path = await save(annexWorkbook(), "Phụ lục NQ17.xlsx");
    const { catalogue, problems } = await readCatalogueFile(path);
    expect(catalogue).toMatchObject({ code: "phu-luc-nq17", title: "Phụ lục NQ17", issuer: null });
    expect(catalogue.sections).toEqual(ANNEX_SECTIONS);
    expect(catalogue.tasks).toEqual(ANNEX_TASKS.map((t) => expect.objectContaining(t)));
    expectAnnexProblems(problems);
  });

  it("repeats a lead cell merged down several task rows, and reads headers without diacritics", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRows([
      ["STT", "Ten nhiem vu", "Co quan chu tri", "Co quan phoi hop", "Thoi gian thuc hien", null, "Ghi chu"],
      [null, null, null, null, "2019-2020", "2021-2025", null],
      ["I", "Muc mot"],
      [1, "Viec mot", "Sở Y tế", "Các sở, ngành", 2020, "2021-2025"],
      [2, "Viec hai", null, null, { formula: "2019+1", result: 2020 }, null],
      [3, { text: "Viec ba", hyperlink: "https://example.org" }, "Sở Nội vụ"],
    ]);
    sheet.mergeCells("C4:C5");
    const { catalogue, problems } = await readCatalogueFile(await save(workbook, "merged.xlsx"), {
      planCode: "m",
    });
    expect(problems).toEqual([]);
    expect(catalogue.tasks.map((t) => [t.code, t.title, t.lead, t.timeframes])).toEqual([
      ["I.1", "Viec mot", ["Sở Y tế"], ["2020", "2021-2025"]],
      ["I.2", "Viec hai", ["Sở Y tế"], ["2020", null]],
      ["I.3", "Viec ba", ["Sở Nội vụ"], [null, null]],
    ]);
  });

  it("throws when no sheet has a header row", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trống").addRow(["gì đó"]);
    const path = await save(workbook, "empty.xlsx");
    await expect(readCatalogueFile(path)).rejects.toThrow(
      expect.objectContaining({ messageId: "import-file-no-header", args: { file: path } }),
    );
  });

  it("throws naming the file when it is not a workbook", async () => {
    const path = join(dir, "broken.xlsx");
    await writeFile(path, "not a zip");
    await expect(readCatalogueFile(path)).rejects.toThrow(
      expect.objectContaining({
        messageId: "import-file-bad-xlsx",
        args: { file: path, problem: expect.any(String) },
      }),
    );
  });
});

describe("cellValueText", () => {
  it("turns ExcelJS values into text", () => {
    expect(cellValueText(null)).toBe("");
    expect(cellValueText(3)).toBe("3");
    expect(cellValueText("II")).toBe("II");
    expect(cellValueText({ richText: [{ text: "Sở " }, { text: "Y tế" }] })).toBe("Sở Y tế");
    expect(cellValueText({ formula: "A1", result: "2019 - 2020" })).toBe("2019 - 2020");
    expect(cellValueText({ text: "Sở Y tế", hyperlink: "https://example.org" })).toBe("Sở Y tế");
    expect(cellValueText(new Date(Date.UTC(2019, 11, 31)))).toBe("31/12/2019");
    expect(cellValueText({ error: "#N/A" })).toBe("");
  });
});
