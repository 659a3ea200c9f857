// What `nhacviec import` prints: the summary, the rows it skipped or imported with a warning, and
// the unknown agency names that stopped it. Every text comes from locales/.

import { localDateOf } from "../domain/calendar.ts";
import { dateText } from "../i18n/display.ts";
import type { RowProblem } from "../plan-import/catalogue.ts";
import type { ImportSummary } from "../services/plan-import.ts";
import type { UnknownAgency } from "../services/plan-import-agencies.ts";
import type { Translator } from "./context.ts";

function listOrDash(items: string[]): string {
  return items.length > 0 ? items.join(", ") : "—";
}

function problemText(translator: Translator, problem: RowProblem): string {
  const text = translator.t(problem.messageId, problem.args);
  return problem.row === null ? text : `${translator.t("cli-import-row", { row: problem.row })}: ${text}`;
}

/** Skipped rows and imported-with-a-warning rows, each under its own heading. */
export function problemLines(translator: Translator, problems: readonly RowProblem[]): string[] {
  const lines: string[] = [];
  for (const [severity, heading] of [
    ["skipped", "cli-import-problems"],
    ["warning", "cli-import-warnings"],
  ] as const) {
    const listed = problems
      .filter((problem) => problem.severity === severity)
      .sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
    if (listed.length === 0) continue;
    lines.push(
      translator.t(heading, { count: listed.length }),
      ...listed.map((p) => `  ${problemText(translator, p)}`),
    );
  }
  return lines;
}

export function problemsJson(translator: Translator, problems: readonly RowProblem[]) {
  return problems.map((problem) => ({
    row: problem.row,
    severity: problem.severity,
    id: problem.messageId,
    args: problem.args,
    message: translator.t(problem.messageId, problem.args),
  }));
}

export function unknownAgencyLines(translator: Translator, agencies: readonly UnknownAgency[]): string[] {
  const { t } = translator;
  return [
    t("cli-import-unknown-header", { count: agencies.length }),
    ...agencies.map((agency) => {
      const where =
        agency.rows.length > 0
          ? t("cli-import-row", { row: agency.rows.join(", ") })
          : t("cli-import-tasks", { tasks: agency.tasks.join(", ") });
      return `  ${
        agency.closest.length > 0
          ? t("cli-import-unknown-agency", { name: agency.name, where, closest: agency.closest.join(", ") })
          : t("cli-import-unknown-agency-none", { name: agency.name, where })
      }`;
    }),
  ];
}

export function summaryLines(
  translator: Translator,
  summary: ImportSummary,
  dryRun: { freshDatabase: string | null } | null,
  zone: string,
): string[] {
  const { t } = translator;
  if (summary.closedAt !== null) {
    const on = dateText(localDateOf(new Date(summary.closedAt), zone));
    return [
      t(dryRun ? "cli-import-dry-run-plan-closed" : "cli-import-plan-closed", { plan: summary.planCode, on }),
      ...problemLines(translator, summary.problems),
    ];
  }
  const planLine = `${dryRun ? "cli-import-dry-run-plan" : "cli-import-plan"}-${summary.planCreated ? "created" : "updated"}`;
  return [
    ...(dryRun?.freshDatabase ? [t("cli-import-dry-run-no-database", { path: dryRun.freshDatabase })] : []),
    t(planLine, { plan: summary.planCode, tasks: summary.tasksRead }),
    `  ${t("cli-import-added", { count: summary.added.length })}: ${listOrDash(summary.added)}`,
    `  ${t("cli-import-changed", { count: summary.changed.length })}: ${listOrDash(
      summary.changed.map((change) => `${change.code} (${change.fields.join(", ")})`),
    )}`,
    `  ${t("cli-import-retired", { count: summary.retired.length })}: ${listOrDash(summary.retired)}`,
    `  ${t("cli-import-agencies", { count: summary.agenciesCreated.length })}: ${listOrDash(
      summary.agenciesCreated.map((agency) =>
        t("cli-import-agency-created", { ...agency, kind: t(`kind-${agency.kind}`) }),
      ),
    )}`,
    `  ${t("cli-import-assignments", { added: summary.assignmentsAdded, retired: summary.assignmentsRetired })}`,
    ...(summary.withoutLead.length > 0
      ? [
          `  ${t("cli-import-without-lead", { count: summary.withoutLead.length })}: ${summary.withoutLead.join(", ")}`,
        ]
      : []),
    ...(summary.namedEnded.length > 0
      ? [
          `  ${t("cli-import-named-ended", { count: summary.namedEnded.length })}: ${summary.namedEnded.join("; ")}`,
        ]
      : []),
    ...problemLines(translator, summary.problems),
    ...(dryRun ? [t("cli-import-dry-run-end")] : []),
  ];
}
