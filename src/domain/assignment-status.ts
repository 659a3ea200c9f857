import type { AgencyKind, UpdateStatus } from "./vocabulary.ts";

/** One reported update as the rules need it (the latest revision of its message only). */
export interface UpdateFacts {
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  /** ISO instant the person sent it. */
  sentAt: string;
  periodKey: string;
  personName: string | null;
  rawText: string;
}

/** What the rules read of an update: its status and when it was sent (who-is-behind loads no more). */
export type StatusFacts = Pick<UpdateFacts, "status" | "progress" | "blocker" | "sentAt">;

/** One assignment (task × lead agency) with what the rules need of what was reported up to an instant. */
export interface AssignmentFacts {
  assignmentId: number;
  taskId: number;
  taskCode: string;
  taskTitle: string;
  /** Its plan's short code ("NQ17"), where who-is-behind and the report read it (several plans run). */
  plan?: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyKind: AgencyKind;
  activeYears: number[];
  /** Local date YYYY-MM-DD, or null for a task without one. */
  dueDate: string | null;
  dormant: boolean;
  /** The latest update that gave a status, in any period. */
  latestStatus: StatusFacts | null;
  /** The latest update of any kind sent in the period asked about. */
  latestInPeriod: Pick<UpdateFacts, "sentAt"> | null;
  /** When anything was last reported on it (ISO), for staleness. */
  lastReportedAt: string | null;
}

/** A live task as an assignment's facts name it. */
export interface FactsTask {
  id: number;
  code: string;
  title: string;
  activeYears: number[];
  dueDate: string | null;
  dormant: boolean;
}

/** A lead agency as an assignment's facts name it. */
export interface FactsAgency {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
}

/** An assignment's facts from its task, its agency and what was reported on it. */
export function assignmentFacts(
  assignmentId: number,
  task: FactsTask,
  agency: FactsAgency,
  reported: Pick<AssignmentFacts, "latestStatus" | "latestInPeriod" | "lastReportedAt">,
): AssignmentFacts {
  return {
    assignmentId,
    taskId: task.id,
    taskCode: task.code,
    taskTitle: task.title,
    agencyId: agency.id,
    agencyCode: agency.code,
    agencyName: agency.name,
    agencyKind: agency.kind,
    activeYears: task.activeYears,
    dueDate: task.dueDate,
    dormant: task.dormant,
    latestStatus: reported.latestStatus,
    latestInPeriod: reported.latestInPeriod,
    lastReportedAt: reported.lastReportedAt,
  };
}

/** The same with the whole updates: their words, who sent them (texts and the report show them). */
export interface AssignmentSnapshot extends AssignmentFacts {
  latestStatus: UpdateFacts | null;
  latestInPeriod: UpdateFacts | null;
}

export function isActiveInYear(assignment: Pick<AssignmentSnapshot, "activeYears">, year: number): boolean {
  return assignment.activeYears.includes(year);
}

/**
 * README: the report calendar: open in a period when its task is active that year, not dormant, and its latest status
 * is not done. Only open assignments are reminded and count as missing an update.
 */
export function isOpen(assignment: AssignmentFacts, year: number): boolean {
  return (
    isActiveInYear(assignment, year) && !assignment.dormant && assignment.latestStatus?.status !== "done"
  );
}

/**
 * Owes an update for the period: open in it, or done by an update sent in it (that update is its
 * report, so finishing a task never shrinks the count of what was owed).
 */
export function isOwed(assignment: AssignmentFacts, year: number): boolean {
  return (
    isActiveInYear(assignment, year) &&
    !assignment.dormant &&
    (assignment.latestStatus?.status !== "done" || assignment.latestInPeriod !== null)
  );
}

/** Open, and nothing reported on it in the period yet. */
export function isMissingUpdate(assignment: AssignmentFacts, year: number): boolean {
  return isOpen(assignment, year) && assignment.latestInPeriod === null;
}
