import { existsSync } from "node:fs";
import { sqlitePathOf } from "../db/database.ts";
import { builtinCatalogue, readCatalogueFile } from "../plan-import/read-catalogue.ts";
import { importBuiltinIndicators } from "../services/indicator-import.ts";
import { ImportError, type ImportSummary, importPlan } from "../services/plan-import.ts";
import { UnknownAgenciesError } from "../services/plan-import-agencies.ts";
import { CliError, printJson, printLines, readConfig, withApp, withAppCreatingDb } from "./context.ts";
import { problemLines, problemsJson, summaryLines, unknownAgencyLines } from "./import-output.ts";

export interface ImportOptions {
  builtin?: boolean;
  json?: boolean;
  plan?: string;
  title?: string;
  dryRun?: boolean;
  createAgencies?: boolean;
}

/** The SQLite file a dry run would otherwise create; null when the database exists or is not a file. */
function missingSqliteFile(url: string): string | null {
  if (!url.startsWith("sqlite:")) return null;
  const path = sqlitePathOf(url);
  return path === ":memory:" || existsSync(path) ? null : path;
}

export async function importCommand(file: string | undefined, options: ImportOptions): Promise<void> {
  if (!file && !options.builtin) throw new CliError("cli-import-no-source");
  if (file && options.builtin) throw new CliError("cli-import-two-sources");
  const read = options.builtin
    ? await builtinCatalogue()
    : await readCatalogueFile(file ?? "", { planCode: options.plan, title: options.title });
  const config = readConfig();
  const dryRun = options.dryRun === true;
  // A dry run never creates the database: with none yet, it shows what a first import would do.
  const freshDatabase = dryRun ? missingSqliteFile(config.DATABASE_URL) : null;
  const runConfig = freshDatabase ? { ...config, DATABASE_URL: "sqlite::memory:" } : config;
  // A dry run on an existing database opens it as the reading commands do, so its file stays as it was.
  const withDatabase = dryRun && !freshDatabase ? withApp : withAppCreatingDb;
  await withDatabase(async (app) => {
    const { translator } = app;
    let summary: ImportSummary;
    try {
      summary = await importPlan(app.database.db, read, {
        actor: "cli",
        now: app.clock.now(),
        source: file ?? "builtin",
        createAgencies: options.createAgencies === true,
        dryRun,
      });
    } catch (error) {
      if (error instanceof UnknownAgenciesError || error instanceof ImportError) {
        const unknown = error instanceof UnknownAgenciesError ? error.agencies : [];
        if (options.json) {
          printJson({
            error: error.describe(translator),
            unknownAgencies: unknown,
            problems: problemsJson(translator, read.problems),
          });
        } else {
          printLines([
            ...(unknown.length > 0 ? unknownAgencyLines(translator, unknown) : []),
            ...problemLines(translator, read.problems),
          ]);
        }
      }
      throw error;
    }
    // The built-in plan's numeric targets come with it (a dry run's plan is not there to hold them).
    const indicators =
      options.builtin && !dryRun ? await importBuiltinIndicators(app.database.db, app.clock.now()) : null;
    if (options.json) {
      printJson({ ...summary, dryRun, indicators, problems: problemsJson(translator, summary.problems) });
    } else {
      printLines(summaryLines(translator, summary, dryRun ? { freshDatabase } : null));
      if (indicators) printLines([translator.t("indicators-import-builtin", { count: indicators.read })]);
    }
  }, runConfig);
}
