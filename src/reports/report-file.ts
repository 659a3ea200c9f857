// Picks the writer by file extension.
import type { QuarterReport } from "../domain/quarter-report.ts";
import { periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { writeCsvReport } from "./csv-report.ts";
import { type ReportHeading, writeXlsxReport } from "./xlsx-report.ts";

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
  heading: ReportHeading,
): Promise<Uint8Array> {
  if (format === "xlsx") return writeXlsxReport(report, translator, zone, heading);
  if (format === "csv") return writeCsvReport(report, translator, zone);
  const labelled = { periodLabel: periodName(translator, heading.period), ...report };
  return new TextEncoder().encode(`${JSON.stringify(labelled, null, 2)}\n`);
}
