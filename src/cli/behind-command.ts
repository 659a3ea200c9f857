import { loadBehind } from "../services/behind-query.ts";
import {
  blockedLine,
  categorySummary,
  headlineLines,
  overdueLine,
  standingLine,
} from "../services/behind-text.ts";
import { PeriodError } from "../services/reporting-period.ts";
import { CliError, printJson, printLines, type Translator, withApp } from "./context.ts";

/** `--at` as an instant; a clear error for anything else. */
export function parseInstant(value: string, translator: Translator): Date {
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(instant.getTime())) {
    throw new CliError(translator.t("behind-bad-time", { value }));
  }
  return instant;
}

export function periodErrorToCli(translator: Translator, command: string) {
  return (error: unknown): never => {
    if (error instanceof PeriodError) {
      throw new CliError(
        `${command}: ${translator.t("behind-bad-quarter", { quarter: error.quarter, first: error.first })}`,
      );
    }
    throw error;
  };
}

/** `nhacviec behind [--at ISO] [--quarter YYYY-Qn] [--json]` (SPEC §5). */
export async function behindCommand(options: {
  at?: string;
  quarter?: string;
  json?: boolean;
}): Promise<void> {
  await withApp(async (app) => {
    const { translator } = app;
    const at = options.at === undefined ? app.clock.now() : parseInstant(options.at, translator);
    const { period, report } = await loadBehind(app.database.db, {
      at,
      quarter: options.quarter,
      zone: app.config.APP_TZ,
      staleAfterDays: app.config.STALE_AFTER_DAYS,
    }).catch(periodErrorToCli(translator, "behind"));
    if (options.json) return printJson(report);
    const { t } = translator;
    const lines = headlineLines(translator, report, period, app.config.APP_TZ);
    lines.push("");
    if (report.notReported.length === 0) lines.push(t("behind-all-reported"));
    else {
      lines.push(t("behind-not-reported-header", { count: report.notReported.length }));
      lines.push(
        ...report.notReported.map((standing, index) => `  ${standingLine(translator, standing, index + 1)}`),
      );
    }
    if (report.blocked.length > 0) {
      lines.push("", t("behind-blocked-header", { count: report.blocked.length }));
      lines.push(...report.blocked.map((item) => `  ${blockedLine(translator, item)}`));
    }
    if (report.overdue.length > 0) {
      lines.push("", t("behind-overdue-header", { count: report.overdue.length }));
      lines.push(...report.overdue.map((item) => `  ${overdueLine(translator, item)}`));
    }
    lines.push(
      "",
      t("behind-stale-count", { days: app.config.STALE_AFTER_DAYS, count: report.stale.length }),
      t("behind-categories", { summary: categorySummary(translator, report.totals.categories) }),
    );
    printLines(lines);
  });
}
