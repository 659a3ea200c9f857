// `nhacviec plans [--at ISO] [--json]` and `nhacviec plans close <plan> [--at ISO] [--dry-run] [--json]`
// (README: several plans).
import { localDateOf, periodKey } from "../domain/calendar.ts";
import { planSpanText, planStatus } from "../domain/plan-status.ts";
import { shortTitle } from "../domain/short-title.ts";
import { dateText, dateTimeText, periodName } from "../i18n/display.ts";
import { closePlan, type PlanClosing } from "../services/plan-closing.ts";
import { type PlanSummary, planSummaries } from "../store/plan-summaries.ts";
import { CliError, parseInstant, printJson, printLines, type Translator, withApp } from "./context.ts";

// A title on one line of an 80-column terminal, after its indent.
const TITLE_LENGTH = 74;

function planLines(translator: Translator, plan: PlanSummary, now: Date, zone: string): string[] {
  const { t } = translator;
  const status = planStatus(plan, now, zone);
  const on = plan.closedAt === null ? "" : dateText(localDateOf(new Date(plan.closedAt), zone));
  // Years are passed as text: Fluent would write 2025 as "2.025" in Vietnamese.
  const statusText = t("plans-status", { status, on, last: String(plan.spanToYear ?? "") });
  const span =
    plan.firstReport === null
      ? planSpanText(plan)
      : t("plans-span-first-report", {
          span: planSpanText(plan),
          period: periodName(translator, plan.firstReport),
        });
  return [
    `  ${t("plans-line", { short: plan.shortCode, code: plan.code, span, status: statusText })}`,
    `    ${shortTitle(plan.title, TITLE_LENGTH)}`,
    `    ${t("plans-counts", {
      sections: plan.sections,
      tasks: plan.liveTasks,
      assignments: plan.currentAssignments,
      agencies: plan.leadAgencies,
      updates: plan.statusUpdates,
    })}`,
  ];
}

/** `nhacviec plans [--at ISO] [--json]`: every plan, its span, whether it is followed, and its counts. */
export async function listPlansCommand(options: { at?: string; json?: boolean }): Promise<void> {
  await withApp(async (app) => {
    const zone = app.config.APP_TZ;
    const now = options.at === undefined ? app.clock.now() : parseInstant(options.at);
    const plans = await planSummaries(app.database.db);
    if (options.json) {
      return printJson(
        plans.map(({ id: _id, firstReport, ...plan }) => ({
          ...plan,
          firstReport: firstReport && periodKey(firstReport.year, firstReport.quarter),
          status: planStatus(plan, now, zone),
        })),
      );
    }
    const { t } = app.translator;
    if (plans.length === 0) return printLines([t("plans-none")]);
    printLines([
      t("plans-header", { count: plans.length }),
      ...plans.flatMap((plan) => planLines(app.translator, plan, now, zone)),
    ]);
  });
}

// Enough names to recognise the plan's leads on a terminal; --json lists them all.
const LISTED_AGENCIES = 20;

function namesText(names: string[]): string {
  const listed = names.slice(0, LISTED_AGENCIES).join(", ");
  return names.length > LISTED_AGENCIES ? `${listed} +${names.length - LISTED_AGENCIES}` : listed;
}

function closingLines(t: Translator["t"], result: PlanClosing, zone: string): string[] {
  const at = new Date(result.closedAt);
  const lines = [
    t("plans-close-header", {
      dryRun: result.dryRun ? "yes" : "no",
      plan: result.plan.shortCode,
      title: shortTitle(result.plan.title, 60),
      at: dateTimeText(at, zone),
    }),
    result.assignments === 0
      ? t("plans-close-nothing-open")
      : t("plans-close-ended", {
          dryRun: result.dryRun ? "yes" : "no",
          assignments: result.assignments,
          tasks: result.tasks.length,
          count: result.agencies.length,
          agencies: namesText(result.agencies.map((agency) => agency.name)),
        }),
    t("plans-close-history", { on: dateText(localDateOf(at, zone)) }),
  ];
  if (result.dryRun) lines.push(t("plans-close-dry-run-end"));
  return lines;
}

/** `nhacviec plans close <plan> [--at ISO] [--dry-run] [--json]`: no more reminders, history kept. */
export async function closePlanCommand(
  plan: string,
  options: { at?: string; dryRun?: boolean; json?: boolean },
): Promise<void> {
  await withApp(async (app) => {
    const now = app.clock.now();
    const at = options.at === undefined ? now : parseInstant(options.at);
    // Recorded when it happens: a close still to come would show the plan closed while it runs.
    if (at.getTime() > now.getTime()) throw new CliError("cli-plans-close-ahead", { at: options.at ?? "" });
    const zone = app.config.APP_TZ;
    const result = await closePlan(app.database.db, {
      plan,
      at,
      dryRun: options.dryRun === true,
      actor: "cli",
      now,
      zone,
    });
    if (options.json) printJson(result);
    else printLines(closingLines(app.translator.t, result, zone));
  });
}
