// Everything the written report is made from: the quarter's report, its details, the chart, and
// who issues and signs it.
import type { ReportingPeriod } from "../domain/calendar.ts";
import type { QuarterReport } from "../domain/quarter-report.ts";
import type { ReportDetails, ReportSettings } from "../domain/written-report.ts";
import type { Translator } from "../i18n/translator.ts";

export interface WrittenReportInput {
  report: QuarterReport;
  period: ReportingPeriod;
  details: ReportDetails;
  settings: ReportSettings;
  /** When the draft is made: its date. */
  madeAt: Date;
  zone: string;
  translator: Translator;
}

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}
