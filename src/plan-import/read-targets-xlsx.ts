// The targets sheet as an XLSX workbook: the first worksheet with the targets' header row.
import ExcelJS from "exceljs";
import { CatalogueFileError } from "./catalogue.ts";
import { findTargetsLayout, readTargetRows, type TargetsReadResult } from "./read-targets.ts";
import { cellValueText } from "./read-xlsx.ts";

export async function readXlsxTargets(data: Buffer): Promise<TargetsReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type, which Node's Buffer does not satisfy structurally.
    await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (error) {
    throw new CatalogueFileError("import-file-bad-xlsx", { problem: (error as Error).message });
  }
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(Array.from({ length: sheet.columnCount }, (_, c) => cellValueText(row.getCell(c + 1).value)));
    }
    return rows;
  });
  const rows = sheets.find((sheetRows) => findTargetsLayout(sheetRows) !== null);
  if (rows === undefined) throw new CatalogueFileError("indicators-file-no-header");
  return readTargetRows(rows);
}
