import { existsSync } from "node:fs";
import type { App } from "../app.ts";
import { sqlitePathOf } from "../db/database.ts";
import { quarterByKey } from "../domain/calendar.ts";
import { normalizePlanShortCode } from "../domain/plan-short-code.ts";
import {
  ALL_BUILTIN_PLANS,
  BUILTIN_PLANS,
  type BuiltinPlan,
  builtinPlansNamed,
} from "../plan-import/builtin-plans.ts";
import type { CatalogueReadResult, FirstReport } from "../plan-import/catalogue.ts";
import { builtinCatalogue, readCatalogueFile } from "../plan-import/read-catalogue.ts";
import { type BuiltinImport, importBuiltinPlan } from "../services/builtin-plan-import.ts";
import { ImportError, importPlan } from "../services/plan-import.ts";
import { UnknownAgenciesError } from "../services/plan-import-agencies.ts";
import { CliError, printJson, printLines, readConfig, withApp, withAppCreatingDb } from "./context.ts";
import { problemLines, problemsJson, summaryLines, unknownAgencyLines } from "./import-output.ts";

export interface ImportOptions {
  /** `--builtin` alone (true) or with a plan's name, or "all". */
  builtin?: boolean | string;
  json?: boolean;
  plan?: string;
  shortCode?: string;
  firstReport?: string;
  title?: string;
  dryRun?: boolean;
  createAgencies?: boolean;
}

/** One catalogue to import: a file's, or a built-in plan's with what ships with it. */
type Source = { read: CatalogueReadResult } & ({ file: string } | { builtin: BuiltinPlan });

/** The SQLite file a dry run would otherwise create; null when the database exists or is not a file. */
function missingSqliteFile(url: string): string | null {
  if (!url.startsWith("sqlite:")) return null;
  const path = sqlitePathOf(url);
  return path === ":memory:" || existsSync(path) ? null : path;
}

function shortCodeOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const code = normalizePlanShortCode(text);
  if (code === null) throw new CliError("cli-import-bad-short-code", { code: text });
  return code;
}

function firstReportOption(text: string | undefined): FirstReport | undefined {
  if (text === undefined) return undefined;
  const named = quarterByKey(text);
  if (named === null) throw new CliError("cli-import-bad-first-report", { quarter: text });
  return named;
}

async function readSources(file: string | undefined, options: ImportOptions): Promise<Source[]> {
  const shortCode = shortCodeOption(options.shortCode);
  const firstReport = firstReportOption(options.firstReport);
  if (options.builtin === undefined || options.builtin === false) {
    const read = await readCatalogueFile(file ?? "", {
      planCode: options.plan,
      title: options.title,
      shortCode,
      firstReport,
    });
    return [{ read, file: file ?? "" }];
  }
  const plans = builtinPlansNamed(options.builtin);
  if (plans === null) {
    const names = [...BUILTIN_PLANS.map((plan) => plan.shortCode), ALL_BUILTIN_PLANS].join(", ");
    throw new CliError("cli-import-unknown-builtin", { name: String(options.builtin), names });
  }
  // Two plans cannot share one short code.
  if (plans.length > 1 && shortCode !== undefined) throw new CliError("cli-import-short-code-all");
  const sources: Source[] = [];
  for (const plan of plans) {
    sources.push({ read: await builtinCatalogue(plan, { shortCode, firstReport }), builtin: plan });
  }
  return sources;
}

/** Imports one catalogue; on a refusal, prints what stopped it (the error itself goes to stderr). */
async function importSource(app: App, source: Source, options: ImportOptions): Promise<BuiltinImport> {
  const { translator } = app;
  const { read } = source;
  const db = app.database.db;
  const run = {
    actor: "cli",
    now: app.clock.now(),
    createAgencies: options.createAgencies === true,
    dryRun: options.dryRun === true,
  };
  try {
    if ("builtin" in source) return await importBuiltinPlan(db, source.builtin, read, run);
    return { summary: await importPlan(db, read, { ...run, source: source.file }), indicators: null };
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
}

export async function importCommand(file: string | undefined, options: ImportOptions): Promise<void> {
  const builtin = options.builtin !== undefined && options.builtin !== false;
  if (!file && !builtin) throw new CliError("cli-import-no-source");
  if (file && builtin) throw new CliError("cli-import-two-sources");
  const sources = await readSources(file, options);
  const config = readConfig();
  const dryRun = options.dryRun === true;
  // A dry run never creates the database: with none yet, it shows what a first import would do.
  const freshDatabase = dryRun ? missingSqliteFile(config.DATABASE_URL) : null;
  const runConfig = freshDatabase ? { ...config, DATABASE_URL: "sqlite::memory:" } : config;
  // A dry run on an existing database opens it as the reading commands do, so its file stays as it was.
  const withDatabase = dryRun && !freshDatabase ? withApp : withAppCreatingDb;
  await withDatabase(async (app) => {
    const { translator } = app;
    const documents: unknown[] = [];
    for (const [index, source] of sources.entries()) {
      const { summary, indicators } = await importSource(app, source, options);
      documents.push({
        ...summary,
        dryRun,
        indicators,
        problems: problemsJson(translator, summary.problems),
      });
      if (options.json) continue;
      const fresh = index === 0 ? freshDatabase : null;
      printLines(
        summaryLines(translator, summary, dryRun ? { freshDatabase: fresh } : null, app.config.APP_TZ),
      );
      if (indicators) printLines([translator.t("indicators-import-builtin", { count: indicators.read })]);
    }
    // One plan prints one summary, as it always has; `--builtin all` a list of them.
    if (options.json) printJson(documents.length === 1 ? documents[0] : documents);
  }, runConfig);
}
