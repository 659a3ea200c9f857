// XLSX files of the annex table: each worksheet becomes rows of cell text for read-table.ts.

import ExcelJS from "exceljs";
import { CatalogueFileError, type CatalogueReadResult, type TableIdentity } from "./catalogue.ts";
import { findTableLayout, readTableCatalogue } from "./read-table.ts";

/** Text of an ExcelJS cell value: rich text joined, formulas by their result, numbers as written. */
export function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    // A cell typed "12/2019" may have become a date; show it the Vietnamese way.
    const day = String(value.getUTCDate()).padStart(2, "0");
    const month = String(value.getUTCMonth() + 1).padStart(2, "0");
    return `${day}/${month}/${value.getUTCFullYear()}`;
  }
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) {
    // ExcelJS puts rich text inside hyperlink cells despite the declared string type.
    const text: unknown = value.text;
    return typeof text === "string" ? text : cellValueText(text as ExcelJS.CellValue);
  }
  if ("formula" in value || "sharedFormula" in value) {
    return cellValueText(value.result ?? null);
  }
  return ""; // error values such as #N/A
}

function worksheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // ExcelJS gives every cell of a merged range the master's value. Repeat it down a column
      // (a lead cell shared by several tasks), but not across columns, where a section title
      // spanning the row would otherwise fill the lead and timeframe columns.
      const fromOtherColumn = cell.isMerged && cell.master.col !== cell.col;
      cells.push(fromOtherColumn ? "" : cellValueText(cell.value));
    }
    rows.push(cells);
  }
  return rows;
}

/** Reads the first worksheet that has a header row (else the first worksheet). */
export async function readXlsxCatalogue(data: Buffer, identity: TableIdentity): Promise<CatalogueReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type, which Node's Buffer does not satisfy structurally.
    await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (error) {
    throw new CatalogueFileError("import-file-bad-xlsx", { problem: (error as Error).message });
  }
  const sheets = workbook.worksheets.map(worksheetRows);
  const rows = sheets.find((sheetRows) => findTableLayout(sheetRows) !== null) ?? sheets[0];
  if (rows === undefined) throw new CatalogueFileError("import-file-no-worksheet");
  return readTableCatalogue(rows, identity);
}
