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

function addSheet<Row>(workbook: ExcelJS.Workbook, sheet: Sheet<Row>): void {
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((col) => ({ header: col.header, width: col.width }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    const values = sheet.columns.map((col) => col.value(row));
    const added = worksheet.addRow(values.map(cellValue));
    values.forEach((value, index) => {
      if (value.kind === "date") added.getCell(index + 1).numFmt = DATE_FORMAT;
      if (value.kind === "datetime") added.getCell(index + 1).numFmt = DATETIME_FORMAT;
    });
  }
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/** The report as an XLSX workbook: tasks, agencies and (Q2–Q4) the cumulative view. */
export async function writeXlsxReport(
  report: QuarterReport,
  translator: Translator,
  zone: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Nhắc Việc";
  addSheet(workbook, assignmentSheet(translator, report, zone));
  addSheet(workbook, summarySheet(translator, report));
  const cumulative = cumulativeSheet(translator, report);
  if (cumulative) addSheet(workbook, cumulative);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
