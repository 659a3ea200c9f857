import type { Db } from "../db/database.ts";
import {
  type AssignmentRef,
  agencyAssignmentOfTaskCode,
  assignmentsOfTaskCode,
  findAssignment,
  taskCodeExists,
} from "../store/assignments.ts";

export type Resolution =
  | { kind: "assignment"; assignment: AssignmentRef }
  | { kind: "not_own"; taskCode: string; leads: string[] }
  | { kind: "unknown_task"; taskCode: string }
  | { kind: "unknown_item"; index: number }
  | { kind: "unresolved" };

export interface ResolutionContext {
  agencyId: number;
  /** Assignment ids of the list the bot last showed the person, in order. */
  lastList: number[];
  /** The assignments of the bot message this one replies to (a reminder), if any. */
  repliedTo: number[];
  /** The agency's open assignments this period. */
  open: number[];
}

/**
 * Which assignment an update means: its task code; "#n" from the last list shown; else the message it
 * replies to; else the person's only open task. Unresolved means the bot must ask.
 */
export async function resolveTaskRef(
  db: Db,
  taskRef: string | null,
  context: ResolutionContext,
): Promise<Resolution> {
  if (taskRef?.startsWith("#")) {
    const index = Number(taskRef.slice(1));
    const assignmentId = context.lastList[index - 1];
    const assignment = assignmentId === undefined ? null : await findAssignment(db, assignmentId);
    if (!assignment || assignment.agencyId !== context.agencyId) return { kind: "unknown_item", index };
    return { kind: "assignment", assignment };
  }
  if (taskRef !== null) {
    // The agency's own task is one index seek; every lead of the code (a collective task is led by
    // hundreds of agencies) is read only to refuse another agency's task.
    const own = await agencyAssignmentOfTaskCode(db, taskRef, context.agencyId);
    if (own) return { kind: "assignment", assignment: own };
    const candidates = await assignmentsOfTaskCode(db, taskRef);
    if (candidates.length > 0) {
      return { kind: "not_own", taskCode: taskRef, leads: [...new Set(candidates.map((c) => c.agencyName))] };
    }
    return (await taskCodeExists(db, taskRef))
      ? { kind: "not_own", taskCode: taskRef, leads: [] }
      : { kind: "unknown_task", taskCode: taskRef };
  }
  const implied =
    context.repliedTo.length === 1 ? context.repliedTo : context.open.length === 1 ? context.open : [];
  const only = implied[0] === undefined ? null : await findAssignment(db, implied[0]);
  return only && only.agencyId === context.agencyId
    ? { kind: "assignment", assignment: only }
    : { kind: "unresolved" };
}
