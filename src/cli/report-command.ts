import { writeFile } from "node:fs/promises";
import { periodName } from "../i18n/display.ts";
import { renderReport, reportFormatOf } from "../reports/report-file.ts";
import { loadQuarterReport } from "../services/quarter-report.ts";
import { CliError, parseInstant, printLines, problemOf, withApp } from "./context.ts";

/** `nhacviec report --quarter YYYY-Qn --out <file.xlsx|.csv|.json> [--at ISO]`. */
export async function reportCommand(options: { quarter: string; out: string; at?: string }): Promise<void> {
  const format = reportFormatOf(options.out);
  if (format === null) throw new CliError("report-bad-extension", { file: options.out });
  await withApp(async (app) => {
    const { translator } = app;
    const zone = app.config.APP_TZ;
    const now = options.at === undefined ? app.clock.now() : parseInstant(options.at);
    const { period, report } = await loadQuarterReport(app.database.db, {
      quarter: options.quarter,
      now,
      zone,
    });
    const heading = { period, unit: app.config.REPORT_ISSUER, madeAt: now };
    const bytes = await renderReport(report, format, translator, zone, heading);
    await writeFile(options.out, bytes).catch((error: unknown) => {
      throw new CliError("report-write-failed", { file: options.out, problem: problemOf(error) });
    });
    const name = periodName(translator, period);
    printLines([
      translator.t("report-written", { period: name, file: options.out, rows: report.rows.length }),
    ]);
  });
}
