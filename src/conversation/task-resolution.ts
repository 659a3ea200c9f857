import type { Db } from "../db/database.ts";
import { matchPlanWord } from "../domain/plan-word.ts";
import type { TaskRef } from "../domain/status-parser/task-refs.ts";
import {
  type AssignmentRef,
  agencyAssignmentsOfTaskCode,
  findAssignment,
  leadNamesOfTaskCode,
  taskCodeExists,
} from "../store/assignments.ts";
import { planEntries } from "../store/plan-labels.ts";
import type { AgencyPeriodView } from "./agency-period.ts";

export type Resolution =
  | { kind: "assignment"; assignment: AssignmentRef }
  /** The code is the agency's in several plans and nothing tells which: the person chooses. */
  | { kind: "ambiguous"; taskCode: string; candidates: AssignmentRef[] }
  | { kind: "not_own"; taskCode: string; plan: string | null; leads: string[] }
  | { kind: "unknown_task"; taskCode: string; plan: string | null }
  | { kind: "unknown_item"; index: number }
  /** The plan word matches no open plan's short code, or several: the open plans' codes. */
  | { kind: "unknown_plan"; word: string; taskCode: string; open: string[] }
  | { kind: "closed_plan"; plan: string; closedAt: string }
  | { kind: "unresolved" };

export interface ResolutionContext {
  agencyId: number;
  /** Assignment ids of the list the bot last showed the person, in order. */
  lastList: number[];
  /** The assignments of the bot message this one replies to (a reminder, a choice), if any. */
  repliedTo: number[];
  /** The agency's current period, read when a message needs it (most name their task). */
  period: () => Promise<AgencyPeriodView>;
}

/**
 * Which assignment an update means: its task code, in the plan it names or else among the agency's
 * plans; "#n" from the last list shown; else the message it replies to; else the person's only open
 * task. Unresolved or ambiguous means the bot must ask.
 */
export async function resolveTaskRef(
  db: Db,
  ref: TaskRef | null,
  context: ResolutionContext,
): Promise<Resolution> {
  if (ref?.code.startsWith("#")) {
    const index = Number(ref.code.slice(1));
    const assignmentId = context.lastList[index - 1];
    const assignment = assignmentId === undefined ? null : await findAssignment(db, assignmentId);
    if (!assignment || assignment.agencyId !== context.agencyId) return { kind: "unknown_item", index };
    return { kind: "assignment", assignment };
  }
  if (ref) return resolveCode(db, ref, context);
  if (context.repliedTo.length === 1) return onlyOf(db, context.repliedTo, context);
  const { open } = await context.period();
  return onlyOf(
    db,
    open.map((assignment) => assignment.assignmentId),
    context,
  );
}

async function onlyOf(db: Db, ids: readonly number[], context: ResolutionContext): Promise<Resolution> {
  const only = ids.length === 1 && ids[0] !== undefined ? await findAssignment(db, ids[0]) : null;
  return only && only.agencyId === context.agencyId
    ? { kind: "assignment", assignment: only }
    : { kind: "unresolved" };
}

async function resolveCode(db: Db, ref: TaskRef, context: ResolutionContext): Promise<Resolution> {
  const { code } = ref;
  let plan: { id: number; shortCode: string } | null = null;
  if (ref.plan !== null) {
    const plans = await planEntries(db);
    const named = matchPlanWord(ref.plan, plans);
    if (named.kind === "closed") {
      return { kind: "closed_plan", plan: named.plan.shortCode, closedAt: named.plan.closedAt ?? "" };
    }
    if (named.kind === "unknown") {
      const open = named.open.map((entry) => entry.shortCode);
      return { kind: "unknown_plan", word: ref.plan, taskCode: code, open };
    }
    plan = named.plan;
  }
  // The agency's own tasks of the code are one index seek; every lead of the code (a collective task
  // is led by hundreds of agencies) is read only to refuse another agency's task.
  const own = (await agencyAssignmentsOfTaskCode(db, code, context.agencyId)).filter(
    (assignment) => plan === null || assignment.planId === plan.id,
  );
  const [first] = own;
  if (first !== undefined && own.length === 1) return { kind: "assignment", assignment: first };
  if (own.length > 1) return narrowDown(code, own, context);
  const shortCode = plan?.shortCode ?? null;
  const leads = await leadNamesOfTaskCode(db, code, plan?.id ?? null);
  if (leads.length > 0) return { kind: "not_own", taskCode: code, plan: shortCode, leads };
  return (await taskCodeExists(db, code, plan?.id ?? null))
    ? { kind: "not_own", taskCode: code, plan: shortCode, leads: [] }
    : { kind: "unknown_task", taskCode: code, plan: shortCode };
}

/**
 * A code the agency has in several plans: the one among the tasks of the message it replies to, else
 * the one it still owes (open this period, or overdue and unfinished); otherwise it asks, never guesses.
 */
async function narrowDown(
  code: string,
  own: AssignmentRef[],
  context: ResolutionContext,
): Promise<Resolution> {
  const replied = own.filter((assignment) => context.repliedTo.includes(assignment.assignmentId));
  const pool = replied.length > 0 ? replied : own;
  const [onlyReplied] = replied;
  if (onlyReplied !== undefined && replied.length === 1)
    return { kind: "assignment", assignment: onlyReplied };
  const view = await context.period();
  const owed = new Set([...view.open, ...view.work.overdue].map((assignment) => assignment.assignmentId));
  const owing = pool.filter((assignment) => owed.has(assignment.assignmentId));
  const [onlyOwing] = owing;
  if (onlyOwing !== undefined && owing.length === 1) return { kind: "assignment", assignment: onlyOwing };
  return { kind: "ambiguous", taskCode: code, candidates: owing.length > 1 ? owing : pool };
}
