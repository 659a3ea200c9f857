// `--plan <code>` of `behind` and `report`: the plan's id, or a one-line error listing the plans.
import type { Db } from "../db/database.ts";
import { resolvePlanReference } from "../services/plan-reference.ts";
import { CliError } from "./cli-error.ts";

export interface PlanOption {
  id: number;
  shortCode: string;
}

/** The plan `--plan` names (every plan when it is absent); throws CliError for an unknown one. */
export async function planOption(db: Db, reference: string | undefined): Promise<PlanOption | undefined> {
  if (reference === undefined) return undefined;
  const found = await resolvePlanReference(db, reference);
  if ("unknown" in found) {
    throw new CliError("cli-plan-unknown", { plan: found.unknown, codes: found.codes.join(", ") });
  }
  return { id: found.plan.id, shortCode: found.plan.short_code };
}
