// The plans shipped with the product (`import --builtin [name]`, the console's first start): Gia
// Lai's NQ17 plan (2019–2025; `--builtin` alone, as the SPEC says) and a small 2026 digital
// transformation plan of the merged province, so two plans run at once without a simulated clock.
import { type BuiltinAgency, EXAMPLE_LOCAL_UNITS } from "./builtin/agencies.ts";

export interface BuiltinPlan {
  /** Its short code, which names it on the command line in any case ("cds2026"). */
  shortCode: string;
  /** Its full code (the file's `plan.code`), which names it too. */
  code: string;
  /** The catalogue, under src/plan-import/builtin/. */
  file: string;
  /** Agencies it names that the registry does not seed: registered when the plan is imported. */
  agencies: readonly BuiltinAgency[];
  /** Whether its numeric targets (chỉ tiêu) come with it. */
  indicators: boolean;
}

export const GIA_LAI_NQ17: BuiltinPlan = {
  shortCode: "NQ17",
  code: "gia-lai-nq17-2019",
  file: "gia-lai-nq17-2019.json",
  agencies: [],
  indicators: true,
};

export const GIA_LAI_CDS2026: BuiltinPlan = {
  shortCode: "CDS2026",
  code: "gia-lai-cds-2026",
  file: "gia-lai-cds-2026.json",
  agencies: EXAMPLE_LOCAL_UNITS,
  indicators: false,
};

export const BUILTIN_PLANS: readonly BuiltinPlan[] = [GIA_LAI_NQ17, GIA_LAI_CDS2026];

/** The word `--builtin all` takes for every built-in plan. */
export const ALL_BUILTIN_PLANS = "all";

/**
 * The plans `--builtin [name]` names: the Gia Lai plan when no name is given, every plan for "all",
 * else the one whose short code (any case) or full code it is; null when none is.
 */
export function builtinPlansNamed(name: true | string): BuiltinPlan[] | null {
  if (name === true) return [GIA_LAI_NQ17];
  const wanted = name.trim();
  if (wanted.toLowerCase() === ALL_BUILTIN_PLANS) return [...BUILTIN_PLANS];
  const plan = BUILTIN_PLANS.find(
    (candidate) => candidate.shortCode === wanted.toUpperCase() || candidate.code === wanted,
  );
  return plan ? [plan] : null;
}
