// The plan a coordinator names to narrow who-is-behind or a report ("CDS2026", "cds2026", or the full
// code): the plan, or every plan's short code to say which there are.
import type { Db } from "../db/database.ts";
import { findPlanByReference, type PlanRow, planShortCodesExcept } from "../store/plans.ts";

export type PlanReference = { plan: PlanRow } | { unknown: string; codes: string[] };

export async function resolvePlanReference(db: Db, reference: string): Promise<PlanReference> {
  const plan = await findPlanByReference(db, reference);
  if (plan) return { plan };
  const codes = [...(await planShortCodesExcept(db, null))].sort();
  return { unknown: reference.trim(), codes };
}
