import { builtinCatalogue, readCatalogueFile } from "../plan-import/read-catalogue.ts";
import { ImportError, type ImportSummary, importCatalogue } from "../services/plan-import.ts";
import { CliError, printJson, printLines, problemOf, type Translator, withAppCreatingDb } from "./context.ts";

export interface ImportOptions {
  builtin?: boolean;
  json?: boolean;
  plan?: string;
  title?: string;
}

export async function importCommand(file: string | undefined, options: ImportOptions): Promise<void> {
  if (!file && !options.builtin) throw new CliError("cli-import-no-source");
  if (file && options.builtin) throw new CliError("cli-import-two-sources");
  const read = options.builtin
    ? await builtinCatalogue()
    : await readCatalogueFile(file ?? "", { planCode: options.plan, title: options.title }).catch(
        (error: unknown) => {
          throw new CliError("cli-import-unreadable", { problem: problemOf(error) });
        },
      );
  await withAppCreatingDb(async (app) => {
    let summary: ImportSummary;
    try {
      summary = await app.database.db
        .transaction()
        .execute((trx) =>
          importCatalogue(trx, read, { actor: "cli", now: app.clock.now(), source: file ?? "builtin" }),
        );
    } catch (error) {
      if (error instanceof ImportError) {
        if (options.json) printJson({ error: error.describe(app.translator), problems: read.problems });
        else printLines(problemLines(app.translator, read.problems));
      }
      throw error;
    }
    if (options.json) printJson(summary);
    else printLines(summaryLines(app.translator, summary));
  });
}

function listOrDash(items: string[]): string {
  return items.length > 0 ? items.join(", ") : "—";
}

function problemLines(translator: Translator, problems: ImportSummary["problems"]): string[] {
  if (problems.length === 0) return [];
  return [
    translator.t("cli-import-problems", { count: problems.length }),
    ...problems.map((problem) =>
      problem.row === null
        ? `  ${problem.reason}`
        : `  ${translator.t("cli-import-row", { row: problem.row })}: ${problem.reason}`,
    ),
  ];
}

function summaryLines(translator: Translator, summary: ImportSummary): string[] {
  const { t } = translator;
  return [
    t(summary.planCreated ? "cli-import-plan-created" : "cli-import-plan-updated", {
      plan: summary.planCode,
      tasks: summary.tasksRead,
    }),
    `  ${t("cli-import-added", { count: summary.added.length })}: ${listOrDash(summary.added)}`,
    `  ${t("cli-import-changed", { count: summary.changed.length })}: ${listOrDash(
      summary.changed.map((change) => `${change.code} (${change.fields.join(", ")})`),
    )}`,
    `  ${t("cli-import-retired", { count: summary.retired.length })}: ${listOrDash(summary.retired)}`,
    `  ${t("cli-import-agencies", { count: summary.agenciesCreated.length })}: ${listOrDash(summary.agenciesCreated)}`,
    `  ${t("cli-import-assignments", { added: summary.assignmentsAdded, retired: summary.assignmentsRetired })}`,
    ...(summary.withoutLead.length > 0
      ? [
          `  ${t("cli-import-without-lead", { count: summary.withoutLead.length })}: ${summary.withoutLead.join(", ")}`,
        ]
      : []),
    ...problemLines(translator, summary.problems),
  ];
}
