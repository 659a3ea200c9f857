// Mergers and dissolutions (README: mergers and dissolutions). From the day given, each open
// assignment of the agency ends there (its history stays with it, reportable for earlier periods)
// and its successors' start: whoever is in charge at a period's as-of instant owes it. Status updates
// are never touched. Planned first (reads only), so --dry-run shows exactly what the change would do.
import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { agencyNameKey } from "../domain/agency-name.ts";
import { localDateOf } from "../domain/calendar.ts";
import { dateText } from "../i18n/display.ts";
import {
  type AgencyRow,
  agencyEnding,
  endAgency,
  movePeopleAndInvites,
  passNamesOn,
  peopleOfAgency,
} from "../store/agencies.ts";
import {
  assignmentsOfTask,
  currentAssignmentsOf,
  endAssignment,
  insertAssignment,
  type OpenAssignment,
} from "../store/assignments.ts";
import { recordAudit } from "../store/audit.ts";
import { countOpenInvites, withdrawOpenInvites } from "../store/invites.ts";
import { AgencyError } from "./agency-directory.ts";
import { loadAssignmentFacts } from "./period-snapshot.ts";

export interface AgencyRef {
  code: string;
  name: string;
}

/** A task passed on: the successors that now lead it, and those that already did. */
export interface PassedTask {
  taskCode: string;
  planCode: string;
  to: AgencyRef[];
  alreadyLedBy: AgencyRef[];
}

export interface Reorganization {
  action: "merge" | "dissolve";
  dryRun: boolean;
  agency: AgencyRef;
  successors: AgencyRef[];
  /** The instant the change takes effect (the start of the local day given). */
  effectiveAt: string;
  passed: PassedTask[];
  /** Done before the date: the task stays with the old agency, as its history. */
  keptDone: string[];
  /** Ended with nobody to take them over (a dissolution without --to): need an owner. */
  needingOwner: string[];
  /** Its people: moved to the successor (a merger) or to re-link by hand (a dissolution). */
  people: { name: string; moved: boolean }[];
  /** Unused invites: a merger passes them to its successor, a dissolution withdraws them. */
  invites: { count: number; moved: boolean };
}

interface Change {
  action: "merge" | "dissolve";
  agency: AgencyRow;
  successors: AgencyRow[];
  at: Date;
}

const ref = (agency: AgencyRow): AgencyRef => ({ code: agency.code, name: agency.name });

async function refuseEnded(db: Db, agency: AgencyRow, zone: string): Promise<void> {
  const ending = await agencyEnding(db, agency.id);
  if (!ending) return;
  const on = dateText(localDateOf(new Date(ending.endedAt), zone));
  if (ending.mergedInto) {
    throw new AgencyError("agency-error-merged", { agency: agency.name, into: ending.mergedInto.name, on });
  }
  throw new AgencyError("agency-error-dissolved", { agency: agency.name, on });
}

async function checkChange(db: Db, change: Change, zone: string): Promise<void> {
  for (const successor of change.successors) {
    if (successor.id === change.agency.id) {
      throw new AgencyError("agency-error-into-itself", { agency: change.agency.name });
    }
  }
  for (const agency of [change.agency, ...change.successors]) await refuseEnded(db, agency, zone);
}

async function passOne(
  db: Db,
  assignment: OpenAssignment,
  successors: AgencyRow[],
): Promise<{ task: PassedTask; newLeads: AgencyRow[] }> {
  const leads = new Map((await assignmentsOfTask(db, assignment.taskId)).map((row) => [row.agency_id, row]));
  const newLeads: AgencyRow[] = [];
  const alreadyLed: AgencyRow[] = [];
  for (const successor of successors) {
    // One assignment per task and agency: a successor that already leads it keeps its own.
    if (leads.has(successor.id)) alreadyLed.push(successor);
    else newLeads.push(successor);
  }
  return {
    task: {
      taskCode: assignment.taskCode,
      planCode: assignment.planCode,
      to: newLeads.map(ref),
      alreadyLedBy: alreadyLed.map(ref),
    },
    newLeads,
  };
}

/** Works the change out and, unless a dry run, applies it; the caller holds the transaction. */
async function reorganize(
  db: Db,
  change: Change,
  options: { dryRun: boolean; actor: string; now: Date; zone: string },
) {
  await checkChange(db, change, options.zone);
  const { agency, successors, at } = change;
  const open = await currentAssignmentsOf(db, agency.id);
  // Only the latest status as of the date is read (a task done before it stays with the old agency):
  // no period's own updates are asked for, so the period key names none.
  const facts = await loadAssignmentFacts(db, { until: at, periodKey: "", agencyId: agency.id });
  const statuses = new Map(facts.map((item) => [item.assignmentId, item.latestStatus]));
  const result: Reorganization = {
    action: change.action,
    dryRun: options.dryRun,
    agency: ref(agency),
    successors: successors.map(ref),
    effectiveAt: at.toISOString(),
    passed: [],
    keptDone: [],
    needingOwner: [],
    people: [],
    invites: { count: 0, moved: false },
  };
  const write = !options.dryRun;
  const createdAt = options.now.toISOString();
  for (const assignment of open) {
    if (statuses.get(assignment.assignmentId)?.status === "done") {
      result.keptDone.push(assignment.taskCode);
      continue;
    }
    const { task, newLeads } = await passOne(db, assignment, successors);
    if (task.to.length === 0 && task.alreadyLedBy.length === 0) result.needingOwner.push(task.taskCode);
    else result.passed.push(task);
    if (!write) continue;
    await endAssignment(db, assignment.assignmentId, at);
    for (const lead of newLeads) {
      await insertAssignment(
        db,
        { taskId: assignment.taskId, agencyId: lead.id, viaGroup: null, activeFrom: at },
        createdAt,
      );
    }
  }
  const [into] = successors;
  const moving = change.action === "merge" && into !== undefined;
  result.people = (await peopleOfAgency(db, agency.id)).map((person) => ({
    name: person.name,
    moved: moving,
  }));
  result.invites = { count: await countOpenInvites(db, agency.id, options.now), moved: moving };
  if (!write) return result;
  if (moving) {
    await movePeopleAndInvites(db, agency.id, into.id);
    await passNamesOn(db, agency, agencyNameKey(agency.name), into.id);
  } else {
    await withdrawOpenInvites(db, agency.id, options.now);
  }
  await endAgency(db, agency.id, at, moving ? into.id : null, options.now);
  await recordAudit(
    db,
    { actor: options.actor, action: `agency.${change.action}`, subject: agency.code, details: result },
    options.now,
  );
  return result;
}

export interface ReorganizeRequest {
  agency: AgencyRow;
  successors: AgencyRow[];
  at: Date;
  dryRun: boolean;
  actor: string;
  now: Date;
  zone: string;
}

/** `agencies merge`: from `at`, the agency's open tasks, people and names pass to `into`. */
export function mergeAgency(
  db: Kysely<Database>,
  request: Omit<ReorganizeRequest, "successors"> & { into: AgencyRow },
) {
  const change: Change = {
    action: "merge",
    agency: request.agency,
    successors: [request.into],
    at: request.at,
  };
  return writeTransaction(db, (trx) => reorganize(trx, change, request));
}

/** `agencies dissolve`: from `at`, the agency's open tasks pass to each successor, or need an owner. */
export function dissolveAgency(db: Kysely<Database>, request: ReorganizeRequest) {
  const change: Change = {
    action: "dissolve",
    agency: request.agency,
    successors: request.successors,
    at: request.at,
  };
  return writeTransaction(db, (trx) => reorganize(trx, change, request));
}
