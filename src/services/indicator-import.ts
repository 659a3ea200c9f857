// Loads a plan's targets (chỉ tiêu) into its indicators. A target is matched by its metric, level and
// period (else by its number), updated in place, and one missing from the file is retired, never deleted, so
// the figures reported against it stay.
import type { Kysely } from "kysely";
import { rolledBackTransaction, writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { IndicatorDefinition } from "../domain/indicator-definition.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import { BUILTIN_TARGETS_PLAN, builtinTargets } from "../plan-import/read-targets.ts";
import { recordAudit } from "../store/audit.ts";
import {
  type IndicatorRow,
  indicatorsOfPlan,
  insertIndicator,
  updateIndicator,
} from "../store/indicators.ts";
import { findPlanByReference } from "../store/plans.ts";

export interface IndicatorImportSummary {
  planCode: string;
  read: number;
  added: number[];
  changed: number[];
  retired: number[];
}

function valuesOf(definition: IndicatorDefinition) {
  return {
    number: definition.number,
    metric: definition.metric,
    text: definition.text,
    from_year: definition.fromYear,
    to_year: definition.toYear,
    level: definition.level,
    unit: definition.unit,
    target: definition.target,
    target_max: definition.targetMax,
    deadline_year: definition.deadlineYear,
    rule: definition.rule,
  };
}

type IndicatorValues = ReturnType<typeof valuesOf>;

/** A metric may come back in a later period ("20%" in 2019-2020, "40%" in 2021-2025): both are in the key. */
const matchKey = (metric: string, level: string | null, fromYear: number, toYear: number) =>
  `${metric}|${level ?? ""}|${fromYear}-${toYear}`;

function changed(row: IndicatorRow, values: IndicatorValues): boolean {
  return (
    row.retired_at !== null ||
    (Object.keys(values) as (keyof IndicatorValues)[]).some((key) => row[key] !== values[key])
  );
}

async function importOnto(
  db: Db,
  planCode: string,
  definitions: readonly IndicatorDefinition[],
  options: { now: Date; actor: string; source: string },
): Promise<IndicatorImportSummary> {
  // The plan as an admin names it: its short code ("NQ17") or its full code.
  const plan = await findPlanByReference(db, planCode);
  if (!plan) throw new LocalizedError("indicators-plan-missing", { plan: planCode });
  const at = options.now.toISOString();
  const existing = await indicatorsOfPlan(db, plan.id);
  const byKey = new Map(
    existing.map((row) => [matchKey(row.metric, row.level, row.from_year, row.to_year), row]),
  );
  const byNumber = new Map(existing.map((row) => [row.number, row]));
  const claimed = new Set<number>();
  const matches = definitions.map((definition) => {
    const row =
      byKey.get(matchKey(definition.metric, definition.level, definition.fromYear, definition.toYear)) ??
      byNumber.get(definition.number);
    const match = row && !claimed.has(row.id) ? row : undefined;
    if (match) claimed.add(match.id);
    return { definition, row: match };
  });
  // Numbers are unique per plan: rows that move or retire step aside first, so numbers may swap.
  for (const row of existing) {
    const match = matches.find((m) => m.row?.id === row.id);
    if (match?.definition.number !== row.number) await updateIndicator(db, row.id, { number: -row.id });
  }
  const summary: IndicatorImportSummary = {
    planCode: plan.code,
    read: definitions.length,
    added: [],
    changed: [],
    retired: [],
  };
  for (const { definition, row } of matches) {
    const values = valuesOf(definition);
    if (!row) {
      await insertIndicator(db, { ...values, plan_id: plan.id, created_at: at, updated_at: at });
      summary.added.push(definition.number);
    } else if (changed(row, values)) {
      await updateIndicator(db, row.id, { ...values, retired_at: null, updated_at: at });
      summary.changed.push(definition.number);
    }
  }
  for (const row of existing) {
    if (claimed.has(row.id) || row.retired_at !== null) continue;
    await updateIndicator(db, row.id, { retired_at: at, updated_at: at });
    summary.retired.push(row.number);
  }
  await recordAudit(
    db,
    {
      actor: options.actor,
      action: "indicators.import",
      subject: plan.code,
      details: { source: options.source, ...summary },
    },
    options.now,
  );
  return summary;
}

/** Imports in one transaction; a dry run does the same work and rolls it back. */
export function importIndicators(
  db: Kysely<Database>,
  planCode: string,
  definitions: readonly IndicatorDefinition[],
  options: { now: Date; actor: string; source: string; dryRun?: boolean },
): Promise<IndicatorImportSummary> {
  const open = options.dryRun ? rolledBackTransaction : writeTransaction;
  return open(db, (trx) => importOnto(trx, planCode, definitions, options));
}

/** The built-in plan's 36 targets, after the plan itself (`import --builtin`). */
export async function importBuiltinIndicators(
  db: Kysely<Database>,
  now: Date,
  actor = "cli",
): Promise<IndicatorImportSummary> {
  const { definitions } = await builtinTargets();
  return importIndicators(db, BUILTIN_TARGETS_PLAN, definitions, { now, actor, source: "builtin" });
}
