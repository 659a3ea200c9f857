import { writeFile } from "node:fs/promises";
import { reportSettingsOf } from "../config.ts";
import { periodName } from "../i18n/display.ts";
import { renderReportFile, reportFormatOf } from "../reports/report-file.ts";
import { loadIndicatorReport } from "../services/indicator-report.ts";
import { loadQuarterReport } from "../services/quarter-report.ts";
import { loadReportDetails } from "../services/report-details.ts";
import { CliError, parseInstant, printLines, problemOf, withApp } from "./context.ts";
import { planOption } from "./plan-option.ts";

/** `nhacviec report --quarter YYYY-Qn --out <file.docx|.xlsx|.csv|.json|.png> [--plan CODE] [--at ISO]`. */
export async function reportCommand(options: {
  quarter: string;
  out: string;
  plan?: string;
  at?: string;
}): Promise<void> {
  const format = reportFormatOf(options.out);
  if (format === null) throw new CliError("report-bad-extension", { file: options.out });
  await withApp(async (app) => {
    const { translator } = app;
    const zone = app.config.APP_TZ;
    const db = app.database.db;
    const now = options.at === undefined ? app.clock.now() : parseInstant(options.at);
    const plan = await planOption(db, options.plan);
    const planId = plan?.id;
    const { period, report } = await loadQuarterReport(db, { quarter: options.quarter, now, zone, planId });
    const bytes = await renderReportFile(
      {
        report,
        period,
        translator,
        zone,
        madeAt: now,
        settings: reportSettingsOf(app.config),
        loadDetails: () => loadReportDetails(db, period, now, planId),
        loadIndicators: () => loadIndicatorReport(db, period, now, planId),
      },
      format,
    );
    await writeFile(options.out, bytes).catch((error: unknown) => {
      throw new CliError("report-write-failed", { file: options.out, problem: problemOf(error) });
    });
    const name = periodName(translator, period);
    const file = options.out;
    printLines([
      format === "docx"
        ? translator.t("report-docx-written", { period: name, file })
        : format === "png"
          ? translator.t("chart-written", { period: name, file, agencies: report.summary.length })
          : translator.t("report-written", { period: name, file, rows: report.rows.length }),
    ]);
  });
}
