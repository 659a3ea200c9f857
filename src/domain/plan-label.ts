// A task's plan as lists show it when a reader's tasks span several plans (README: several plans at
// once): its short code beside the task code, its title over a reminder's group of tasks.

export interface PlanLabel {
  shortCode: string;
  title: string;
}

export interface PlanGroup<T> {
  plan: PlanLabel | null;
  items: T[];
}

/** Items grouped by plan, in the order their plans first appear (plan order when the items are). */
export function groupByPlan<T>(
  items: readonly T[],
  planOf: (item: T) => PlanLabel | undefined,
): PlanGroup<T>[] {
  const groups = new Map<string, PlanGroup<T>>();
  for (const item of items) {
    const plan = planOf(item) ?? null;
    const key = plan?.shortCode ?? "";
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { plan, items: [item] });
  }
  return [...groups.values()];
}
