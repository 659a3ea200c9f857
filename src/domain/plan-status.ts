// Whether a plan is still followed at an instant: closed by an admin (`plans close`) by then, ended
// (its last year is over), or open. A plan with no known span runs until it is closed. Pure.
import { localDateOf } from "./calendar.ts";

export type PlanStatus = "open" | "closed" | "ended";

export function planStatus(
  plan: { closedAt: string | null; spanToYear: number | null },
  now: Date,
  zone: string,
): PlanStatus {
  // A demo clock set before the close sees the plan as it was then.
  if (plan.closedAt !== null && plan.closedAt <= now.toISOString()) return "closed";
  const year = Number(localDateOf(now, zone).slice(0, 4));
  if (plan.spanToYear !== null && plan.spanToYear < year) return "ended";
  return "open";
}

/** "2019–2025", "2026" for a plan of one year, "—" when the plan names no year. */
export function planSpanText(plan: { spanFromYear: number | null; spanToYear: number | null }): string {
  const { spanFromYear: from, spanToYear: to } = plan;
  if (from === null || to === null) return "—";
  return from === to ? String(from) : `${from}–${to}`;
}
