// What the progress chart shows, as plain data: per agency, the five categories of the period, most
// behind first (the order of who-is-behind, so the chart and /cham list agencies alike).
import { type AssignmentCategory, CATEGORIES } from "../domain/behind.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import type { QuarterReport } from "../domain/quarter-report.ts";
import { capitalised } from "../domain/vietnamese.ts";
import { dateTimeText, periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";

export interface ChartSeries {
  category: AssignmentCategory;
  label: string;
  color: string;
  /** One count per agency, in the order of `agencies`. */
  values: number[];
}

export interface ProgressChartData {
  title: string;
  subtitle: string;
  axisLabel: string;
  agencies: string[];
  series: ChartSeries[];
  /** The largest agency's total: every part of a chart split over pages keeps the same scale. */
  scaleMax: number;
}

// Done in greens, in progress in blue, behind in red and grey: readable in print as shades too.
const CATEGORY_COLORS: Record<AssignmentCategory, string> = {
  done_on_time: "#2e7d32",
  done_late: "#9ccc65",
  in_progress: "#1e88e5",
  overdue: "#e53935",
  not_started: "#9e9e9e",
};

export function progressChartData(
  report: QuarterReport,
  period: Pick<ReportingPeriod, "year" | "quarter">,
  translator: Translator,
  zone: string,
): ProgressChartData {
  const { t } = translator;
  const totals = report.summary.map((row) =>
    CATEGORIES.reduce((sum, category) => sum + row.categories[category], 0),
  );
  return {
    scaleMax: Math.max(1, ...totals),
    title: t("chart-title", { period: periodName(translator, period) }),
    subtitle: t("chart-subtitle", {
      asOf: dateTimeText(new Date(report.asOf), zone),
      agencies: report.summary.length,
    }),
    axisLabel: t("chart-axis"),
    agencies: report.summary.map((row) => row.agencyName),
    series: CATEGORIES.map((category) => ({
      category,
      label: capitalised(t(`category-${category}`)),
      color: CATEGORY_COLORS[category],
      values: report.summary.map((row) => row.categories[category]),
    })),
  };
}

/** The chart in parts of at most `perPart` agencies each, in order, on one scale (a page each in print). */
export function chartParts(data: ProgressChartData, perPart: number): ProgressChartData[] {
  const parts: ProgressChartData[] = [];
  for (let start = 0; start < data.agencies.length; start += perPart) {
    const end = start + perPart;
    parts.push({
      ...data,
      agencies: data.agencies.slice(start, end),
      series: data.series.map((series) => ({ ...series, values: series.values.slice(start, end) })),
    });
  }
  return parts;
}
