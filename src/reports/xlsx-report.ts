import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { QuarterReport } from "../domain/quarter-report.ts";
import type { Translator } from "../i18n/translator.ts";
import {
  assignmentSheet,
  type CellValue,
  cumulativeSheet,
  type Sheet,
  summarySheet,
} from "./report-columns.ts";

const DATE_FORMAT = "dd/mm/yyyy";
const DATETIME_FORMAT = "dd/mm/yyyy hh:mm";

// Excel dates carry no zone: the local wall time is written as if it were UTC, so the cell shows it.
function wallClock(date: string, hour = 0, minute = 0, second = 0): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute, second));
}

function cellValue(value: CellValue): ExcelJS.CellValue {
  switch (value.kind) {
    case "text":
    case "number":
      return value.value;
    case "date":
      return wallClock(value.value);
    case "datetime":
      return wallClock(value.value.date, value.value.hour, value.value.minute, value.value.second);
    case "empty":
      return null;
  }
}

// Column width units (about one character each) that still print legibly on one A4 landscape width.
const LEGIBLE_FIT_WIDTH = 180;

function sheetWidth<Row>(sheet: Sheet<Row>): number {
  return sheet.columns.reduce((sum, column) => sum + column.width, 0);
}

// The streaming writer commits each row as it goes, so a 50,000-row report does not hold every cell
// object in memory at once (bench/behind.bench.ts).
function addSheet<Row>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet<Row>): void {
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
    // Printed on A4 landscape with the header on each page; a sheet narrow enough to stay legible
    // (the invite list) is fitted to the page width, a wide one (the report) keeps its size.
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: sheetWidth(sheet) <= LEGIBLE_FIT_WIDTH,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    },
  });
  worksheet.columns = sheet.columns.map((col) => ({ header: col.header, width: col.width }));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of sheet.rows) {
    const values = sheet.columns.map((col) => col.value(row));
    const added = worksheet.addRow(values.map(cellValue));
    values.forEach((value, index) => {
      if (value.kind === "date") added.getCell(index + 1).numFmt = DATE_FORMAT;
      if (value.kind === "datetime") added.getCell(index + 1).numFmt = DATETIME_FORMAT;
    });
    added.commit();
  }
  worksheet.commit();
}

/** A workbook of these sheets, each with a bold frozen header row, column widths and an autofilter. */
export async function writeXlsxSheets(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Nhắc Việc";
  for (const sheet of sheets) addSheet(workbook, sheet);
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** The report as an XLSX workbook: tasks, agencies and (Q2–Q4) the cumulative view. */
export async function writeXlsxReport(
  report: QuarterReport,
  translator: Translator,
  zone: string,
): Promise<Uint8Array> {
  const cumulative = cumulativeSheet(translator, report);
  return writeXlsxSheets([
    assignmentSheet(translator, report, zone),
    summarySheet(translator, report),
    ...(cumulative ? [cumulative] : []),
  ]);
}
