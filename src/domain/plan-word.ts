// Which plan a word typed with a task code means ("CDS2026 II.2", "II.2 (CDS)"): its short code in any
// case, with or without a hyphen, or a prefix of one that no other open plan shares. A closed plan is
// named only by its whole code, to say it is closed; it is never what a prefix means.

export interface NamedPlan {
  shortCode: string;
  closedAt: string | null;
}

export type PlanWordMatch<P extends NamedPlan> =
  | { kind: "open"; plan: P }
  | { kind: "closed"; plan: P }
  /** No plan, or several open plans, answer to the word: the open plans to choose from. */
  | { kind: "unknown"; open: P[] };

function keyOf(code: string): string {
  return code.toUpperCase().replaceAll("-", "");
}

export function matchPlanWord<P extends NamedPlan>(word: string, plans: readonly P[]): PlanWordMatch<P> {
  const key = keyOf(word);
  const exact = plans.find((plan) => keyOf(plan.shortCode) === key);
  if (exact) return exact.closedAt === null ? { kind: "open", plan: exact } : { kind: "closed", plan: exact };
  const open = plans.filter((plan) => plan.closedAt === null);
  const prefixed = key === "" ? [] : open.filter((plan) => keyOf(plan.shortCode).startsWith(key));
  const [only] = prefixed;
  return only !== undefined && prefixed.length === 1
    ? { kind: "open", plan: only }
    : { kind: "unknown", open };
}
