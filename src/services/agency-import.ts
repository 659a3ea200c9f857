// `agencies import communes.csv`: a province's list of communes and wards loaded in one go, in one
// transaction. Idempotent: a unit is found by its code, else by its name however spelled, and only
// what differs is written. Any bad row refuses the whole file, so a fixed file can simply be re-run.
import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { LocalUnitEntry, LocalUnitProblem } from "../domain/agency-list.ts";
import { agencyNameKey } from "../domain/agency-name.ts";
import {
  addAliases,
  findAgencyByCode,
  findAgencyByKey,
  insertAgency,
  renameAgency,
  setAgencyKind,
} from "../store/agencies.ts";
import { recordAudit } from "../store/audit.ts";
import { AgencyError, expandGroupLeads, findOrCreateAgency } from "./agency-directory.ts";

export interface LocalUnitImport {
  added: number;
  updated: number;
  unchanged: number;
  /** Assignments the new units got from tasks led by "UBND cấp xã" and the like. */
  assignmentsAdded: number;
}

type Outcome = "added" | "updated" | "unchanged" | LocalUnitProblem;

async function loadOne(db: Db, entry: LocalUnitEntry, now: Date): Promise<Outcome> {
  const key = agencyNameKey(entry.name);
  const byCode = entry.code === null ? null : await findAgencyByCode(db, entry.code);
  if (byCode && byCode.kind !== "commune" && byCode.kind !== "ward") {
    const args = { code: byCode.code, existing: byCode.name };
    return { row: entry.row, messageId: "agency-import-code-taken", args };
  }
  const existing = byCode ?? (await findAgencyByKey(db, key));
  if (!existing) {
    if (entry.code === null) await findOrCreateAgency(db, entry.name, now, entry.kind);
    else await createWithCode(db, entry, entry.code, key, now);
    return "added";
  }
  let outcome: Outcome = "unchanged";
  if (agencyNameKey(existing.name) !== key) {
    // The code is the unit's identity: a new spelling renames it, the old name stays an alias.
    await renameAgency(db, existing.id, entry.name, key, now);
    await addAliases(db, existing.id, [{ alias: existing.name, key: agencyNameKey(existing.name) }]);
    outcome = "updated";
  }
  if (existing.kind !== entry.kind) {
    await setAgencyKind(db, existing.id, entry.kind, now);
    outcome = "updated";
  }
  return outcome;
}

async function createWithCode(db: Db, entry: LocalUnitEntry, code: string, key: string, now: Date) {
  await insertAgency(db, { code, name: entry.name, nameKey: key, kind: entry.kind, aliases: [] }, now);
}

/** Loads the entries; throws AgencyImportError listing every bad row, with nothing written. */
export function importLocalUnits(
  db: Kysely<Database>,
  entries: LocalUnitEntry[],
  options: { actor: string; now: Date; source: string },
): Promise<LocalUnitImport> {
  return writeTransaction(db, async (trx) => {
    const result: LocalUnitImport = { added: 0, updated: 0, unchanged: 0, assignmentsAdded: 0 };
    const problems: LocalUnitProblem[] = [];
    for (const entry of entries) {
      const outcome = await loadOne(trx, entry, options.now);
      if (typeof outcome === "string") result[outcome] += 1;
      else problems.push(outcome);
    }
    if (problems.length > 0) throw new AgencyImportError(problems);
    result.assignmentsAdded = await expandGroupLeads(trx, options.now);
    const details = { source: options.source, ...result };
    await recordAudit(
      trx,
      { actor: options.actor, action: "agency.import", subject: "communes", details },
      options.now,
    );
    return result;
  });
}

/** Rows the registry refused (a code of a department, …); the transaction is rolled back. */
export class AgencyImportError extends AgencyError {
  constructor(readonly problems: LocalUnitProblem[]) {
    super(problems[0]?.messageId ?? "agency-import-empty-name", problems[0]?.args ?? {});
  }
}
