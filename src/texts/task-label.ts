// A task's code as a reader sees it: "II.2", or "CDS2026 II.2" when the reader's tasks span several
// plans (README: several plans at once). What the reader may type back, too.
import type { PlanLabel } from "../domain/plan-label.ts";
import type { Translator } from "../i18n/translator.ts";

/** "CDS2026 II.2" with a plan's short code, "II.2" without. */
export function taskLabel(t: Translator["t"], code: string, plan: string | null | undefined): string {
  return plan ? t("task-in-plan", { plan, code }) : code;
}

/** An assignment as its agency reads it: with its plan when the agency leads tasks of several. */
export function assignmentLabel(
  t: Translator["t"],
  assignment: { taskCode: string; plan: PlanLabel; severalPlans: boolean },
): string {
  return taskLabel(t, assignment.taskCode, assignment.severalPlans ? assignment.plan.shortCode : null);
}
