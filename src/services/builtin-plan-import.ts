// A built-in plan as it ships: its catalogue, the agencies it brings (the 2026 example's communes),
// and its numeric targets when it has them (NQ17). `import --builtin` and the console's first start.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { BuiltinPlan } from "../plan-import/builtin-plans.ts";
import type { CatalogueReadResult } from "../plan-import/catalogue.ts";
import { type IndicatorImportSummary, importBuiltinIndicators } from "./indicator-import.ts";
import { type ImportOptions, type ImportSummary, importPlan } from "./plan-import.ts";

export interface BuiltinImport {
  summary: ImportSummary;
  /** Its targets, or null: it has none, the run was dry, or the plan is closed. */
  indicators: IndicatorImportSummary | null;
}

export async function importBuiltinPlan(
  db: Kysely<Database>,
  plan: BuiltinPlan,
  read: CatalogueReadResult,
  options: Omit<ImportOptions, "agencies" | "source"> & { dryRun?: boolean },
): Promise<BuiltinImport> {
  const summary = await importPlan(db, read, { ...options, source: "builtin", agencies: plan.agencies });
  // A dry run's plan is not there to hold targets; a closed plan's stay as they were.
  const indicators =
    plan.indicators && !options.dryRun && summary.closedAt === null
      ? await importBuiltinIndicators(db, options.now, options.actor)
      : null;
  return { summary, indicators };
}
