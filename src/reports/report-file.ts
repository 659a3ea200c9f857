// Picks the writer by file extension.
import type { QuarterReport } from "../domain/quarter-report.ts";
import type { Translator } from "../i18n/translator.ts";
import { writeCsvReport } from "./csv-report.ts";
import { writeXlsxReport } from "./xlsx-report.ts";

export type ReportFormat = "xlsx" | "csv" | "json";

/** The format of an output file name, or null for an extension no writer handles. */
export function reportFormatOf(fileName: string): ReportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === "xlsx" || extension === "csv" || extension === "json" ? extension : null;
}

export async function renderReport(
  report: QuarterReport,
  format: ReportFormat,
  translator: Translator,
  zone: string,
): Promise<Uint8Array> {
  if (format === "xlsx") return writeXlsxReport(report, translator, zone);
  if (format === "csv") return writeCsvReport(report, translator, zone);
  return new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
}
