// `nhacviec indicators [--quarter YYYY-Qn] [--json]`: the indicators' table of a period;
// `nhacviec indicators import <file> --plan <code>`: a plan's targets from .json, .csv or .xlsx.
import { periodName } from "../i18n/display.ts";
import type { Translator } from "../i18n/translator.ts";
import { readTargetsFile } from "../plan-import/read-targets.ts";
import { indicatorRowLines } from "../reports/indicator-text.ts";
import { type IndicatorImportSummary, importIndicators } from "../services/indicator-import.ts";
import { loadIndicatorReport } from "../services/indicator-report.ts";
import { resolvePeriod } from "../services/reporting-period.ts";
import { CliError, parseInstant, printJson, printLines, withApp, withAppCreatingDb } from "./context.ts";

export async function indicatorsCommand(options: {
  quarter?: string;
  at?: string;
  json?: boolean;
}): Promise<void> {
  await withApp(async (app) => {
    const { translator } = app;
    const at = options.at === undefined ? app.clock.now() : parseInstant(options.at);
    const period = await resolvePeriod(app.database.db, app.config.APP_TZ, options.quarter, at);
    const rows = await loadIndicatorReport(app.database.db, period, at);
    if (options.json)
      return printJson({ period: period.key, periodLabel: periodName(translator, period), indicators: rows });
    const { t } = translator;
    if (rows.length === 0)
      return printLines([t("indicator-none", { period: periodName(translator, period) })]);
    printLines([
      t("indicator-table-title", { period: periodName(translator, period) }),
      ...rows.flatMap((row) => indicatorRowLines(translator, row)),
    ]);
  });
}

function indicatorImportLines(
  translator: Translator,
  summary: IndicatorImportSummary,
  dryRun: boolean,
): string[] {
  const { t } = translator;
  const numbers = (list: number[]) => (list.length === 0 ? "—" : list.join(", "));
  return [
    t(dryRun ? "indicators-import-dry-run" : "indicators-import-done", {
      plan: summary.planCode,
      count: summary.read,
    }),
    t("indicators-import-changes", {
      added: summary.added.length,
      changed: summary.changed.length,
      retired: summary.retired.length,
    }),
    ...(summary.retired.length > 0
      ? [t("indicators-import-retired", { numbers: numbers(summary.retired) })]
      : []),
  ];
}

export async function indicatorsImportCommand(
  file: string,
  options: { plan: string; dryRun?: boolean; json?: boolean },
): Promise<void> {
  const { plan } = options;
  const read = await readTargetsFile(file);
  await withAppCreatingDb(async (app) => {
    const { t } = app.translator;
    if (read.problems.length > 0) {
      // Numbers follow the rows: a row left out would renumber the rest, so nothing is written.
      for (const problem of read.problems) {
        process.stderr.write(
          `${t("indicators-problem-row", { file, row: problem.row, problem: t(problem.messageId, problem.args) })}\n`,
        );
      }
      throw new CliError("indicators-import-bad-rows", { file, count: read.problems.length });
    }
    if (read.definitions.length === 0) throw new CliError("indicators-import-empty", { file });
    const summary = await importIndicators(app.database.db, plan, read.definitions, {
      now: app.clock.now(),
      actor: "cli",
      source: file,
      dryRun: options.dryRun === true,
    });
    if (options.json) return printJson({ ...summary, dryRun: options.dryRun === true });
    printLines(indicatorImportLines(app.translator, summary, options.dryRun === true));
  });
}
