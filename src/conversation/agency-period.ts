import { type AssignmentSnapshot, isOpen } from "../domain/assignment-status.ts";
import { type WorkToChase, workToChase } from "../domain/behind.ts";
import type { CalendarRules, ReportingPeriod } from "../domain/calendar.ts";
import { loadCalendar } from "../services/calendar-rules.ts";
import { loadAssignmentSnapshots } from "../services/period-snapshot.ts";
import type { Turn } from "./turn.ts";

export interface AgencyPeriodView {
  rules: CalendarRules;
  period: ReportingPeriod;
  assignments: AssignmentSnapshot[];
  open: AssignmentSnapshot[];
  /** Owed updates still missing, and overdue unfinished tasks, as who-is-behind counts them. */
  work: WorkToChase;
}

/** The current period for the person's agency: its assignments, the open ones and what is still owed. */
export async function agencyPeriodView(turn: Turn, agencyId: number, at: Date): Promise<AgencyPeriodView> {
  const { rules, periodContaining } = await loadCalendar(turn.deps.db, turn.deps.zone);
  const period = periodContaining(at);
  const assignments = await loadAssignmentSnapshots(turn.deps.db, {
    until: at,
    periodKey: period.key,
    agencyId,
  });
  return {
    rules,
    period,
    assignments,
    open: assignments.filter((assignment) => isOpen(assignment, period.year)),
    work: workToChase(assignments, period, at, turn.deps.zone),
  };
}

/** The same, read at most once per message and only when asked for (most messages name their task). */
export function lazyAgencyPeriodView(
  turn: Turn,
  agencyId: number,
  at: Date,
): () => Promise<AgencyPeriodView> {
  let view: Promise<AgencyPeriodView> | null = null;
  return () => {
    view ??= agencyPeriodView(turn, agencyId, at);
    return view;
  };
}
