// Picks the writer by file extension.
import type { ReportingPeriod } from "../domain/calendar.ts";
import type { IndicatorReportRow } from "../domain/indicator-report.ts";
import type { QuarterReport } from "../domain/quarter-report.ts";
import type { ReportDetails, ReportSettings } from "../domain/written-report.ts";
import { periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { progressChartData } from "./chart-data.ts";
import { renderProgressChart } from "./chart-png.ts";
import { writeCsvReport } from "./csv-report.ts";
import { writeDocxReport } from "./docx-report.ts";
import { type ReportHeading, writeXlsxReport } from "./xlsx-report.ts";

export type ReportFormat = "xlsx" | "csv" | "json" | "docx" | "png";
const FORMATS: readonly string[] = ["xlsx", "csv", "json", "docx", "png"] satisfies ReportFormat[];

/** The format of an output file name, or null for an extension no writer handles. */
export function reportFormatOf(fileName: string): ReportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return FORMATS.includes(extension) ? (extension as ReportFormat) : null;
}

export async function renderReport(
  report: QuarterReport,
  format: Exclude<ReportFormat, "docx">,
  translator: Translator,
  zone: string,
  heading: ReportHeading,
  indicators: readonly IndicatorReportRow[] = [],
): Promise<Uint8Array> {
  if (format === "xlsx") return writeXlsxReport(report, translator, zone, heading, indicators);
  if (format === "csv") return writeCsvReport(report, translator, zone);
  if (format === "png") {
    return renderProgressChart(progressChartData(report, heading.period, translator, zone));
  }
  const labelled = { periodLabel: periodName(translator, heading.period), ...report };
  return new TextEncoder().encode(`${JSON.stringify(labelled, null, 2)}\n`);
}

/** A loaded quarter's report and what the written report adds to it (its details loaded only for it). */
export interface ReportSource {
  report: QuarterReport;
  period: ReportingPeriod;
  translator: Translator;
  zone: string;
  /** When the report is made: the written report's date. */
  madeAt: Date;
  settings: ReportSettings;
  loadDetails(): Promise<ReportDetails>;
  /** The plans' indicators for the period: the XLSX's last sheet (the DOCX has them in its details). */
  loadIndicators(): Promise<IndicatorReportRow[]>;
}

/** The report file in any format: the written report (DOCX) with its details, the others from the report alone. */
export async function renderReportFile(source: ReportSource, format: ReportFormat): Promise<Uint8Array> {
  const { report, period, translator, zone } = source;
  if (format !== "docx") {
    const heading = { period, unit: source.settings.issuer, madeAt: source.madeAt };
    const indicators = format === "xlsx" ? await source.loadIndicators() : [];
    return renderReport(report, format, translator, zone, heading, indicators);
  }
  const details = await source.loadDetails();
  return writeDocxReport({
    report,
    period,
    details,
    settings: source.settings,
    madeAt: source.madeAt,
    zone,
    translator,
  });
}
