// The normalized shape every plan reader (JSON, CSV, XLSX) produces.

import { basename, extname } from "node:path";
import type { Quarter } from "../domain/calendar.ts";
import { foldText } from "../domain/vietnamese.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import type { MessageArgs } from "../i18n/translator.ts";

export interface CatalogueSection {
  /** Roman numeral, e.g. "II". */
  code: string;
  title: string;
}

export interface CatalogueTask {
  /** "<section>.<number>", e.g. "II.2". */
  code: string;
  sectionCode: string;
  number: number;
  title: string;
  /** Cell items as written (split on ';' / line breaks); classify with readAgencyCell. */
  lead: string[];
  cooperating: string[];
  /** Raw timeframe cells in column order, e.g. ["2019 - 2020", "2021 - 2025"]; empty cells are null. */
  timeframes: (string | null)[];
  note: string | null;
  /** True when the reader made the task up (a section row with no numbered task rows). */
  synthetic: boolean;
  /** 1-based row in the source table; null for JSON. */
  sourceRow: number | null;
}

/** The plan's first reporting period ("báo cáo từ Quý II/2026"). */
export interface FirstReport {
  year: number;
  quarter: Quarter;
}

export interface PlanCatalogue {
  code: string;
  /** The short code the file or `--short-code` names, normalized; absent: the import derives one. */
  shortCode?: string;
  /** From the file's `report_schedule_note` or `--first-report`; absent: Q1 of the plan's first year. */
  firstReport?: FirstReport;
  title: string;
  issuer: string | null;
  sections: CatalogueSection[];
  tasks: CatalogueTask[];
}

/**
 * What became of a row with a problem: left out ("skipped"), or imported with a caveat the admin
 * should check ("warning"). A row is never both imported and reported as unread.
 */
export type ProblemSeverity = "skipped" | "warning";

/** A problem with one row, worded in locales/ (`import-problem-*`) when shown. */
export interface RowProblem {
  /** 1-based table row; null for JSON files (the message says which section and task). */
  row: number | null;
  severity: ProblemSeverity;
  messageId: string;
  args: MessageArgs;
}

export function skippedRow(row: number | null, messageId: string, args: MessageArgs = {}): RowProblem {
  return { row, severity: "skipped", messageId, args };
}

export function rowWarning(row: number | null, messageId: string, args: MessageArgs = {}): RowProblem {
  return { row, severity: "warning", messageId, args };
}

/** A file that is not a catalogue at all (no header row, not JSON, ...); its text is in locales/. */
export class CatalogueFileError extends LocalizedError {}

export interface CatalogueReadResult {
  catalogue: PlanCatalogue;
  problems: RowProblem[];
}

export interface PlanIdentityOptions {
  planCode?: string;
  /** Already normalized (normalizePlanShortCode). */
  shortCode?: string;
  title?: string;
  firstReport?: FirstReport;
}

export function taskCode(sectionCode: string, number: number): string {
  return `${sectionCode}.${number}`;
}

/** "Kế hoạch CĐS 2021.xlsx" → "ke-hoach-cds-2021". */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** What a table (CSV, XLSX) cannot say about its plan, from the options or the file's name. */
export type TableIdentity = Pick<PlanCatalogue, "code" | "shortCode" | "title" | "firstReport">;

/** Plan code and title from the options, else from the file's base name; the short code if given. */
export function planIdentity(path: string, options: PlanIdentityOptions = {}): TableIdentity {
  const base = basename(path, extname(path));
  return {
    code: options.planCode ?? (slugify(base) || "plan"),
    ...(options.shortCode === undefined ? {} : { shortCode: options.shortCode }),
    ...(options.firstReport === undefined ? {} : { firstReport: options.firstReport }),
    title: options.title ?? base,
  };
}
