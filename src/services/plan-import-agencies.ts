// Agency names a catalogue uses that the registry does not know. Creating them silently would turn
// a typo ("Sở Tài chánh") into a new department that collective leads ("Các sở, ngành") then give
// tasks to, so the import refuses them unless the admin asks for them to be created.

import type { Db } from "../db/database.ts";
import { closestAgencies } from "../domain/agency-match.ts";
import { agencyNameKey } from "../domain/agency-name.ts";
import { readAgencyCell } from "../domain/lead-cell.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import type { CatalogueTask } from "../plan-import/catalogue.ts";
import { findAgencyByKey } from "../store/agencies.ts";
import { agencyCandidates } from "./agency-lookup.ts";

export interface UnknownAgency {
  /** As first written in the file. */
  name: string;
  /** Table rows that name it (CSV/XLSX); empty for JSON. */
  rows: number[];
  /** Codes of the tasks that name it, as lead or cooperating agency. */
  tasks: string[];
  /** Up to three registered names it most likely meant. */
  closest: string[];
}

/** An import refused because of names the registry does not know; it wrote nothing. */
export class UnknownAgenciesError extends LocalizedError {
  constructor(readonly agencies: UnknownAgency[]) {
    super("cli-import-unknown-agencies", { count: agencies.length });
  }
}

/** Named agencies (lead and cooperating) that match no registered name or alias, in file order. */
export async function findUnknownAgencies(db: Db, tasks: readonly CatalogueTask[]): Promise<UnknownAgency[]> {
  const known = new Set<string>();
  const unknown = new Map<string, { name: string; rows: Set<number>; tasks: Set<string> }>();
  for (const task of tasks) {
    for (const ref of readAgencyCell([...task.lead, ...task.cooperating])) {
      if (ref.kind !== "agency") continue;
      const key = agencyNameKey(ref.name);
      if (known.has(key)) continue;
      let entry = unknown.get(key);
      if (entry === undefined) {
        if (await findAgencyByKey(db, key)) {
          known.add(key);
          continue;
        }
        entry = { name: ref.name, rows: new Set(), tasks: new Set() };
        unknown.set(key, entry);
      }
      if (task.sourceRow !== null) entry.rows.add(task.sourceRow);
      entry.tasks.add(task.code);
    }
  }
  if (unknown.size === 0) return [];
  const candidates = await agencyCandidates(db);
  return [...unknown.values()].map((entry) => ({
    name: entry.name,
    rows: [...entry.rows].sort((a, b) => a - b),
    tasks: [...entry.tasks],
    closest: closestAgencies(entry.name, candidates).map((agency) => agency.name),
  }));
}
