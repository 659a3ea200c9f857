import type { QuarterReport } from "../domain/quarter-report.ts";
import type { Translator } from "../i18n/translator.ts";
import { assignmentSheet, type CellValue, type Sheet } from "./report-columns.ts";

const BOM = "\uFEFF";

function field(value: CellValue): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const raw =
    value.kind === "empty"
      ? ""
      : value.kind === "datetime"
        ? `${value.value.date} ${pad(value.value.hour)}:${pad(value.value.minute)}`
        : String(value.value);
  return /[",\r\n]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

/** One sheet as CSV, UTF-8 with a BOM so Excel reads the Vietnamese text right. */
export function writeCsvSheet(sheet: Sheet): Uint8Array {
  const lines = [
    sheet.columns.map((col) => field({ kind: "text", value: col.header })).join(","),
    ...sheet.rows.map((row) => sheet.columns.map((col) => field(col.value(row))).join(",")),
  ];
  return new TextEncoder().encode(`${BOM}${lines.join("\r\n")}\r\n`);
}

/** The report's main sheet as CSV. */
export function writeCsvReport(report: QuarterReport, translator: Translator, zone: string): Uint8Array {
  return writeCsvSheet(assignmentSheet(translator, report, zone));
}
