import { periodName } from "../i18n/display.ts";
import { loadBehindReport } from "../services/behind-query.ts";
import {
  allReportedLine,
  blockedLine,
  categorySummary,
  headlineLines,
  overdueLine,
  standingLine,
} from "../texts/behind-text.ts";
import { parseInstant, printJson, printLines, withApp } from "./context.ts";
import { planOption } from "./plan-option.ts";

/** `nhacviec behind [--at ISO] [--quarter YYYY-Qn] [--plan CODE] [--json]` (README: coordinators). */
export async function behindCommand(options: {
  at?: string;
  quarter?: string;
  plan?: string;
  json?: boolean;
}): Promise<void> {
  await withApp(async (app) => {
    const { translator } = app;
    const at = options.at === undefined ? app.clock.now() : parseInstant(options.at);
    const plan = await planOption(app.database.db, options.plan);
    const { period, report } = await loadBehindReport(app.database.db, {
      at,
      quarter: options.quarter,
      planId: plan?.id,
      zone: app.config.APP_TZ,
      staleAfterDays: app.config.STALE_AFTER_DAYS,
    });
    // The label in the reader's language beside the key, as the JSON carried before labels moved to locales.
    if (options.json) return printJson({ ...report, periodLabel: periodName(translator, period) });
    const { t } = translator;
    const lines = headlineLines(translator, report, period, app.config.APP_TZ);
    if (plan) lines.push(t("behind-plan-only", { plan: plan.shortCode }));
    lines.push("");
    const allReported = allReportedLine(translator, {
      notReported: report.notReported.length,
      agenciesOwing: report.totals.agenciesOwing,
      overdue: report.overdue.length,
    });
    if (allReported) lines.push(allReported);
    if (report.notReported.length > 0) {
      lines.push(t("behind-not-reported-header", { count: report.notReported.length }));
      lines.push(
        ...report.notReported.map((standing, index) => `  ${standingLine(translator, standing, index + 1)}`),
      );
    }
    if (report.blocked.length > 0) {
      lines.push("", t("behind-blocked-header", { count: report.blocked.length }));
      lines.push(...report.blocked.map((item) => `  ${blockedLine(translator, item, report.plans)}`));
    }
    if (report.overdue.length > 0) {
      lines.push("", t("behind-overdue-header", { count: report.overdue.length }));
      lines.push(...report.overdue.map((item) => `  ${overdueLine(translator, item, report.plans)}`));
    }
    lines.push(
      "",
      t("behind-stale-count", { days: app.config.STALE_AFTER_DAYS, count: report.stale.length }),
      t("behind-categories", {
        count: report.totals.assignments,
        summary: categorySummary(translator, report.totals.categories),
      }),
    );
    printLines(lines);
  });
}
