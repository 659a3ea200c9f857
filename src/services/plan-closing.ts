// Closing a plan (README: several plans). At the instant it closes, each of its assignments still in
// charge ends, as a merged agency's do: every period loader asks who was in charge at the period's as-of
// instant, so periods before the close keep their history and report as before, and nothing is owed
// or reminded after it. Status updates are never touched. Worked out first (reads only), so
// --dry-run shows exactly what the close would do.
import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { localDateOf } from "../domain/calendar.ts";
import { sortByName } from "../domain/collation.ts";
import { dateText } from "../i18n/display.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import { assignmentsOfPlanAfter, endAssignmentsOfPlanAt, snapshotAgencies } from "../store/assignments.ts";
import { recordAudit } from "../store/audit.ts";
import { findPlanByReference, type PlanRow, planShortCodesExcept, updatePlan } from "../store/plans.ts";

/** A refused plan command (unknown plan, already closed); its text is in locales/. */
export class PlanError extends LocalizedError {}

export interface PlanClosing {
  dryRun: boolean;
  plan: { code: string; shortCode: string; title: string };
  closedAt: string;
  /** The tasks that had someone in charge, in the plan's order. */
  tasks: string[];
  assignments: number;
  /** The agencies that were in charge, in Vietnamese order: none gets its reminders any more. */
  agencies: { code: string; name: string }[];
}

export interface CloseRequest {
  /** The short code in any case, or the full code. */
  plan: string;
  /** The instant the plan closes. */
  at: Date;
  dryRun: boolean;
  actor: string;
  now: Date;
  zone: string;
}

/** The plan an admin names, or a one-line refusal listing the plans there are. */
export async function planArgument(db: Db, reference: string): Promise<PlanRow> {
  const plan = await findPlanByReference(db, reference);
  if (plan) return plan;
  const codes = [...(await planShortCodesExcept(db, null))].sort();
  if (codes.length === 0) throw new PlanError("plans-error-none", { plan: reference });
  throw new PlanError("plans-error-unknown", { plan: reference, codes: codes.join(", ") });
}

async function close(db: Db, request: CloseRequest): Promise<PlanClosing> {
  const plan = await planArgument(db, request.plan);
  if (plan.closed_at !== null) {
    const on = dateText(localDateOf(new Date(plan.closed_at), request.zone));
    throw new PlanError("plans-error-closed", { plan: plan.short_code, on });
  }
  const open = await assignmentsOfPlanAfter(db, plan.id, request.at);
  const agencies = await snapshotAgencies(db, [...new Set(open.map((row) => row.agencyId))]);
  const result: PlanClosing = {
    dryRun: request.dryRun,
    plan: { code: plan.code, shortCode: plan.short_code, title: plan.title },
    closedAt: request.at.toISOString(),
    tasks: [...new Set(open.map((row) => row.taskCode))],
    assignments: open.length,
    agencies: sortByName(agencies, (agency) => agency.name).map(({ code, name }) => ({ code, name })),
  };
  if (request.dryRun) return result;
  await updatePlan(db, plan.id, { closed_at: result.closedAt, updated_at: request.now.toISOString() });
  await endAssignmentsOfPlanAt(db, plan.id, request.at);
  await recordAudit(
    db,
    { actor: request.actor, action: "plan.close", subject: plan.code, details: result },
    request.now,
  );
  return result;
}

/** `plans close`: the plan closes at `at`, and each of its assignments still in charge then ends there. */
export function closePlan(db: Kysely<Database>, request: CloseRequest): Promise<PlanClosing> {
  return writeTransaction(db, (trx) => close(trx, request));
}
