import { writeFile } from "node:fs/promises";
import { createTranslator } from "../i18n/translator.ts";
import { renderReport, reportFormatOf } from "../reports/report-file.ts";
import { loadQuarterReport } from "../services/quarter-report.ts";
import { periodErrorToCli } from "./behind-command.ts";
import { CliError, printLines, readConfig, withApp } from "./context.ts";

/** `nhacviec report --quarter YYYY-Qn --out <file.xlsx|.csv|.json>`. */
export async function reportCommand(options: { quarter: string; out: string }): Promise<void> {
  const format = reportFormatOf(options.out);
  if (format === null) {
    const translator = createTranslator(readConfig().LOCALE);
    throw new CliError(`report: ${translator.t("report-bad-extension", { file: options.out })}`);
  }
  await withApp(async (app) => {
    const { translator } = app;
    const zone = app.config.APP_TZ;
    const { period, report } = await loadQuarterReport(app.database.db, {
      quarter: options.quarter,
      now: app.clock.now(),
      zone,
    }).catch(periodErrorToCli(translator, "report"));
    const bytes = await renderReport(report, format, translator, zone);
    await writeFile(options.out, bytes).catch((error: unknown) => {
      throw new CliError(`report: ${error instanceof Error ? error.message : String(error)}`);
    });
    printLines([
      translator.t("report-written", { period: period.label, file: options.out, rows: report.rows.length }),
    ]);
  });
}
