import type { Kysely } from "kysely";
import { rolledBackTransaction, writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import { taskActiveYears, taskLeadGroups, taskTimeframes } from "../db/json-columns.ts";
import type { Database } from "../db/schema.ts";
import type { Quarter } from "../domain/calendar.ts";
import { type CellRef, readAgencyCell } from "../domain/lead-cell.ts";
import { derivedPlanShortCode, freePlanShortCode } from "../domain/plan-short-code.ts";
import { planSpanOf, type TaskSchedule, taskSchedule } from "../domain/timeframe.ts";
import type { AgencyGroup, AgencyKind } from "../domain/vocabulary.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import type { BuiltinAgency } from "../plan-import/builtin/agencies.ts";
import {
  type CatalogueReadResult,
  type CatalogueTask,
  type PlanCatalogue,
  type RowProblem,
  rowWarning,
  skippedRow,
} from "../plan-import/catalogue.ts";
import { agencyEnding } from "../store/agencies.ts";
import { assignmentsOfTask, insertAssignment, updateAssignment } from "../store/assignments.ts";
import { recordAudit } from "../store/audit.ts";
import {
  cooperationsOfTask,
  findPlanByCode,
  insertPlan,
  insertSection,
  insertTask,
  type PlanRow,
  planShortCodesExcept,
  replaceCooperations,
  sectionsOfPlan,
  tasksOfPlan,
  updatePlan,
  updateSection,
  updateTask,
} from "../store/plans.ts";
import {
  agenciesOfGroup,
  expandGroupLeads,
  findOrCreateAgency,
  registerBuiltinAgencies,
  seedRegistry,
} from "./agency-directory.ts";
import { forgetCalendarRules } from "./calendar-rules.ts";
import { findUnknownAgencies, UnknownAgenciesError } from "./plan-import-agencies.ts";

export interface TaskChange {
  code: string;
  fields: string[];
}

export interface CreatedAgency {
  code: string;
  name: string;
  /** Guessed from the name (inferAgencyKind). */
  kind: AgencyKind;
}

export interface ImportSummary {
  planCode: string;
  planCreated: boolean;
  tasksRead: number;
  added: string[];
  changed: TaskChange[];
  retired: string[];
  agenciesCreated: CreatedAgency[];
  assignmentsAdded: number;
  assignmentsRetired: number;
  problems: RowProblem[];
  /** Tasks that were read but name no lead agency the bot can remind (e.g. "Theo Đề án được phê duyệt"). */
  withoutLead: string[];
  /** Agencies a cell names that were dissolved: given no new task ("II.2: UBND huyện Chư Păh"). */
  namedEnded: string[];
  /** When the plan was closed (`plans close`): the import left it as it was, and closed. */
  closedAt: string | null;
}

/** An import that wrote nothing; its text is in locales/. */
export class ImportError extends LocalizedError {}

/**
 * When a file does not say when reporting starts: every quarter of the plan's span reports. A plan that
 * starts later says so (Gia Lai's: "Riêng năm 2019, … báo cáo từ Quý II", report_schedule_note).
 */
const FIRST_QUARTER_OF_FIRST_YEAR: Quarter = 1;

interface ResolvedLeads {
  agencyIds: Map<number, AgencyGroup | null>; // agency id → the collective name it came from
  groups: AgencyGroup[];
  notes: string[];
  cooperatingAgencyIds: Set<number>;
  cooperatingGroups: AgencyGroup[];
  cooperatingNotes: string[];
}

export interface ImportOptions {
  actor: string;
  now: Date;
  source: string;
  /** Register agency names the registry does not know; otherwise they fail the import. */
  createAgencies?: boolean;
  /** Agencies the catalogue brings with it (a built-in plan's communes), registered when missing. */
  agencies?: readonly BuiltinAgency[];
}

/**
 * Writes a catalogue on `db`, the transaction importPlan opened. Plans, sections and tasks are
 * matched by their codes and updated in place; a task missing from the file is retired, never
 * deleted, so its assignments and status history stay. An agency name the registry does not know
 * throws UnknownAgenciesError before anything is written, unless `createAgencies`.
 */
async function importCatalogue(
  db: Db,
  read: CatalogueReadResult,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { catalogue } = read;
  if (catalogue.tasks.length === 0) {
    throw new ImportError("cli-import-nothing-valid");
  }
  const summary: ImportSummary = {
    planCode: catalogue.code,
    planCreated: false,
    tasksRead: catalogue.tasks.length,
    added: [],
    changed: [],
    retired: [],
    agenciesCreated: [],
    assignmentsAdded: 0,
    assignmentsRetired: 0,
    problems: [...read.problems],
    withoutLead: [],
    namedEnded: [],
    closedAt: null,
  };
  // A closed plan is history: a re-import neither reopens it nor gives it work (README: several plans).
  const closedAt = (await findPlanByCode(db, catalogue.code))?.closed_at ?? null;
  if (closedAt !== null) return { ...summary, closedAt };
  const now = options.now;
  const at = now.toISOString();
  await seedRegistry(db, now);
  for (const agency of await registerBuiltinAgencies(db, options.agencies ?? [], now)) {
    summary.agenciesCreated.push({ code: agency.code, name: agency.name, kind: agency.kind });
  }
  if (!options.createAgencies) {
    const unknown = await findUnknownAgencies(db, catalogue.tasks);
    if (unknown.length > 0) throw new UnknownAgenciesError(unknown);
  }
  const span = planSpanOf(catalogue.tasks.flatMap((task) => task.timeframes));
  const planId = await upsertPlan(db, catalogue, span, at, summary);
  const sectionIds = await upsertSections(db, planId, catalogue, at);

  const existing = await tasksOfPlan(db, planId);
  const byCode = new Map(existing.map((row) => [row.code, row]));

  for (const [position, task] of catalogue.tasks.entries()) {
    const sectionId = sectionIds.get(task.sectionCode);
    if (sectionId === undefined) {
      summary.problems.push(
        skippedRow(task.sourceRow, "import-problem-section-missing", {
          task: task.code,
          section: task.sectionCode,
        }),
      );
      continue;
    }
    const schedule = taskSchedule(task.timeframes, task.note, span ?? fallbackSpan(now));
    // The task is still imported: a typo in a date must not retire a task that has history.
    for (const text of schedule.unreadable) {
      summary.problems.push(
        rowWarning(task.sourceRow, "import-problem-unreadable-timeframe", {
          task: task.code,
          text,
          fallback: schedule.dueDate === null ? "span" : "others",
        }),
      );
    }
    const leads = await resolveLeads(db, task, now, summary);
    const values = taskValues(task, schedule, leads, position);
    const current = byCode.get(task.code);
    let taskId: number;
    if (!current) {
      taskId = await insertTask(db, {
        ...values,
        plan_id: planId,
        section_id: sectionId,
        code: task.code,
        created_at: at,
        updated_at: at,
      });
      summary.added.push(task.code);
    } else {
      taskId = current.id;
      const fields = changedFields(current, { ...values, section_id: sectionId });
      const reported = current.retired_at !== null ? [...fields, "restored"] : fields;
      if (reported.length > 0 || current.position !== values.position) {
        await updateTask(db, taskId, { ...values, section_id: sectionId, retired_at: null, updated_at: at });
        if (reported.length > 0) summary.changed.push({ code: task.code, fields: reported });
      }
    }
    await syncAssignments(db, taskId, leads.agencyIds, at, summary);
    await syncCooperations(db, taskId, leads);
    if (leads.agencyIds.size === 0) summary.withoutLead.push(task.code);
  }

  summary.assignmentsAdded += await expandGroupLeads(db, now);

  const readCodes = new Set(catalogue.tasks.map((task) => task.code));
  for (const row of existing) {
    if (readCodes.has(row.code) || row.retired_at !== null) continue;
    await updateTask(db, row.id, { retired_at: at, updated_at: at });
    summary.retired.push(row.code);
  }

  await recordAudit(
    db,
    {
      actor: options.actor,
      action: "plan.import",
      subject: catalogue.code,
      details: {
        source: options.source,
        added: summary.added,
        changed: summary.changed,
        retired: summary.retired,
        agenciesCreated: summary.agenciesCreated,
      },
    },
    now,
  );
  return summary;
}

/**
 * Imports a catalogue in its own transaction, repeated whole while another process holds the write
 * lock. A dry run does the same work and then rolls it back, so its summary is exactly what the
 * real import would report, and nothing is written.
 */
export async function importPlan(
  db: Kysely<Database>,
  read: CatalogueReadResult,
  options: ImportOptions & { dryRun?: boolean },
): Promise<ImportSummary> {
  if (options.dryRun) return rolledBackTransaction(db, (trx) => importCatalogue(trx, read, options));
  const summary = await writeTransaction(db, (trx) => importCatalogue(trx, read, options));
  // The plans' first report period is the calendar's start.
  forgetCalendarRules(db);
  return summary;
}

function fallbackSpan(now: Date): { fromYear: number; toYear: number } {
  const year = now.getUTCFullYear();
  return { fromYear: year, toYear: year };
}

async function upsertPlan(
  db: Db,
  catalogue: PlanCatalogue,
  span: { fromYear: number; toYear: number } | null,
  at: string,
  summary: ImportSummary,
): Promise<number> {
  const current = await findPlanByCode(db, catalogue.code);
  const values = {
    title: catalogue.title,
    issuer: catalogue.issuer,
    short_code: await shortCodeOf(db, catalogue, current),
    span_from_year: span?.fromYear ?? null,
    span_to_year: span?.toYear ?? null,
    first_report_year: catalogue.firstReport?.year ?? span?.fromYear ?? null,
    first_report_quarter: catalogue.firstReport?.quarter ?? (span ? FIRST_QUARTER_OF_FIRST_YEAR : null),
  };
  if (current) {
    const same = (Object.keys(values) as (keyof typeof values)[]).every(
      (key) => current[key] === values[key],
    );
    if (!same) await updatePlan(db, current.id, { ...values, updated_at: at });
    return current.id;
  }
  summary.planCreated = true;
  return insertPlan(db, { ...values, code: catalogue.code, created_at: at, updated_at: at });
}

/**
 * The short code the catalogue (or `--short-code`) names, which must be free; else the plan keeps the
 * one it has, and a new plan gets one derived from its code, numbered when another plan holds it.
 */
async function shortCodeOf(db: Db, catalogue: PlanCatalogue, current: PlanRow | null): Promise<string> {
  const taken = await planShortCodesExcept(db, current?.id ?? null);
  if (catalogue.shortCode !== undefined) {
    if (taken.has(catalogue.shortCode)) {
      throw new ImportError("import-short-code-taken", { code: catalogue.shortCode });
    }
    return catalogue.shortCode;
  }
  return current?.short_code ?? freePlanShortCode(derivedPlanShortCode(catalogue.code), taken);
}

async function upsertSections(
  db: Db,
  planId: number,
  catalogue: PlanCatalogue,
  at: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const rows = await sectionsOfPlan(db, planId);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  for (const [position, section] of catalogue.sections.entries()) {
    const current = byCode.get(section.code);
    if (!current) {
      ids.set(
        section.code,
        await insertSection(db, { plan_id: planId, code: section.code, title: section.title, position }),
      );
      continue;
    }
    ids.set(section.code, current.id);
    if (current.title !== section.title || current.position !== position || current.retired_at !== null) {
      await updateSection(db, current.id, { title: section.title, position, retired_at: null });
    }
  }
  const readCodes = new Set(catalogue.sections.map((section) => section.code));
  for (const row of rows) {
    if (!readCodes.has(row.code) && row.retired_at === null) {
      await updateSection(db, row.id, { retired_at: at });
    }
  }
  return ids;
}

async function resolveRefs(
  db: Db,
  task: CatalogueTask,
  refs: CellRef[],
  now: Date,
  summary: ImportSummary,
): Promise<{ agencies: Map<number, AgencyGroup | null>; groups: AgencyGroup[]; notes: string[] }> {
  const agencies = new Map<number, AgencyGroup | null>();
  const groups: AgencyGroup[] = [];
  const notes: string[] = [];
  for (const ref of refs) {
    if (ref.kind === "note") {
      notes.push(ref.text);
    } else if (ref.kind === "group") {
      groups.push(ref.group);
      for (const agency of await agenciesOfGroup(db, ref.group)) {
        if (!agencies.has(agency.id)) agencies.set(agency.id, ref.group);
      }
    } else {
      const { agency, created } = await findOrCreateAgency(db, ref.name, now);
      if (created) summary.agenciesCreated.push({ code: agency.code, name: agency.name, kind: agency.kind });
      // A merged agency's name already finds its successor; a dissolved one has nobody to pass to.
      if (!created && (await agencyEnding(db, agency.id)) !== null) {
        summary.namedEnded.push(`${task.code}: ${agency.name}`);
        continue;
      }
      agencies.set(agency.id, null); // named directly wins over a collective name
    }
  }
  return { agencies, groups, notes };
}

async function resolveLeads(
  db: Db,
  task: CatalogueTask,
  now: Date,
  summary: ImportSummary,
): Promise<ResolvedLeads> {
  const lead = await resolveRefs(db, task, readAgencyCell(task.lead), now, summary);
  const cooperating = await resolveRefs(db, task, readAgencyCell(task.cooperating), now, summary);
  return {
    agencyIds: lead.agencies,
    groups: lead.groups,
    notes: lead.notes,
    cooperatingAgencyIds: new Set(
      [...cooperating.agencies].filter(([, group]) => group === null).map(([agencyId]) => agencyId),
    ),
    cooperatingGroups: cooperating.groups,
    cooperatingNotes: cooperating.notes,
  };
}

function taskValues(task: CatalogueTask, schedule: TaskSchedule, leads: ResolvedLeads, position: number) {
  return {
    number: task.number,
    title: task.title,
    timeframes: taskTimeframes.encode(
      task.timeframes.filter((text): text is string => text !== null && text.trim() !== ""),
    ),
    note: task.note,
    lead_groups: taskLeadGroups.encode(leads.groups),
    lead_note: leads.notes.length > 0 ? leads.notes.join("; ") : null,
    cooperating_note: leads.cooperatingNotes.length > 0 ? leads.cooperatingNotes.join("; ") : null,
    active_years: taskActiveYears.encode(schedule.activeYears),
    due_date: schedule.dueDate,
    conditional: schedule.conditional ? 1 : 0,
    synthetic: task.synthetic ? 1 : 0,
    position,
  };
}

type TaskValues = ReturnType<typeof taskValues> & { section_id: number };

/** What an admin would call a change; a shifted position (a task removed above it) is not one. */
function changedFields(current: TaskValues, next: TaskValues): string[] {
  return (Object.keys(next) as (keyof TaskValues)[]).filter(
    (key) => key !== "position" && current[key] !== next[key],
  );
}

async function syncAssignments(
  db: Db,
  taskId: number,
  wanted: Map<number, AgencyGroup | null>,
  at: string,
  summary: ImportSummary,
): Promise<void> {
  const rows = await assignmentsOfTask(db, taskId);
  const byAgency = new Map(rows.map((row) => [row.agency_id, row]));
  for (const [agencyId, viaGroup] of wanted) {
    const row = byAgency.get(agencyId);
    if (!row) {
      await insertAssignment(db, { taskId, agencyId, viaGroup }, at);
      summary.assignmentsAdded += 1;
    } else if (row.retired_at !== null || row.via_group !== viaGroup) {
      await updateAssignment(db, row.id, { retired_at: null, via_group: viaGroup });
      if (row.retired_at !== null) summary.assignmentsAdded += 1;
    }
  }
  for (const row of rows) {
    // A merger's or dissolution's assignments (those with a window) are the registry's, not the plan's.
    if (
      !wanted.has(row.agency_id) &&
      row.retired_at === null &&
      row.active_from === null &&
      row.active_until === null
    ) {
      await updateAssignment(db, row.id, { retired_at: at });
      summary.assignmentsRetired += 1;
    }
  }
}

/** Cooperating agencies are replaced as a whole when they differ. */
async function syncCooperations(db: Db, taskId: number, leads: ResolvedLeads): Promise<void> {
  const wanted: TaskCooperation[] = [
    ...[...leads.cooperatingAgencyIds].map((agencyId) => ({ agency_id: agencyId, group_code: null })),
    ...leads.cooperatingGroups.map((group) => ({ agency_id: null, group_code: group })),
  ].sort(byCooperationKey);
  const current = (await cooperationsOfTask(db, taskId)).map(cooperationKey).sort();
  if (JSON.stringify(current) === JSON.stringify(wanted.map(cooperationKey))) return;
  await replaceCooperations(db, taskId, wanted);
}

type TaskCooperation = { agency_id: number; group_code: null } | { agency_id: null; group_code: AgencyGroup };

function cooperationKey(row: { agency_id: number | null; group_code: AgencyGroup | null }): string {
  return row.agency_id !== null ? `a:${row.agency_id}` : `g:${row.group_code}`;
}

function byCooperationKey(a: TaskCooperation, b: TaskCooperation): number {
  const [ka, kb] = [cooperationKey(a), cooperationKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
