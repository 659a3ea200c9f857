// Officials type anything: markup characters, stray control codes, leading spaces. The rows written
// straight as XML must read back as typed (control codes, which XML cannot carry, left out).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n/translator.ts";
import { writeXlsxSheets } from "../../src/reports/xlsx-report.ts";

describe("cells written straight as XML", () => {
  it("read back as typed", async () => {
    const texts = [
      '<b>Xong</b> & "đã gửi"',
      "  thụt đầu dòng",
      "chuông\u0007 và\u0000 rỗng",
      "dòng 1\ndòng 2",
    ];
    const bytes = await writeXlsxSheets([
      {
        name: createTranslator("vi").t("report-sheet-assignments"),
        rows: texts,
        columns: [
          { header: "Nội dung", width: 30, value: (text: string) => ({ kind: "text", value: text }) },
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.worksheets[0];
    expect([2, 3, 4, 5].map((row) => sheet?.getCell(row, 1).value)).toEqual([
      '<b>Xong</b> & "đã gửi"',
      "  thụt đầu dòng",
      "chuông và rỗng",
      "dòng 1\ndòng 2",
    ]);
    // Two lines need a taller row.
    expect(sheet?.getRow(5).height).toBeGreaterThan(sheet?.getRow(2).height ?? 0);
  });
});
