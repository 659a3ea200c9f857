import type { Kysely } from "kysely";
import { writeTransaction } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { agencyNameKey, inferAgencyKind } from "../domain/agency-name.ts";
import { GROUP_KINDS, groupMembersAt } from "../domain/lead-cell.ts";
import { AGENCY_GROUPS, type AgencyGroup, type AgencyKind } from "../domain/vocabulary.ts";
import { LocalizedError } from "../i18n/localized-error.ts";
import {
  BUILTIN_AGENCIES,
  BUILTIN_DISTRICT_NAME_KEYS,
  type BuiltinAgency,
} from "../plan-import/builtin/agencies.ts";
import { slugify } from "../plan-import/catalogue.ts";
import {
  type AgencyRow,
  addAliases,
  agenciesOfKinds,
  allAgencyCodes,
  ensureAgencyGroup,
  findAgencyByCode,
  findAgencyByKey,
  insertAgency,
  renameAgency,
} from "../store/agencies.ts";
import { assignmentsOfTask, insertAssignment } from "../store/assignments.ts";
import { recordAudit } from "../store/audit.ts";
import { liveTasksWithLeadGroups } from "../store/plans.ts";

const GROUP_NAMES: Record<AgencyGroup, string> = {
  departments_sectors_localities: "Các sở, ngành, địa phương",
  departments_sectors: "Các sở, ngành",
  districts: "UBND cấp huyện",
  communes: "UBND cấp xã",
};

/** Inserts the built-in agencies and collective names that are missing; never overwrites edits. */
export async function seedRegistry(db: Db, now: Date): Promise<number> {
  for (const code of AGENCY_GROUPS) {
    await ensureAgencyGroup(db, { code, name: GROUP_NAMES[code], kinds: GROUP_KINDS[code] });
  }
  return (await registerBuiltinAgencies(db, BUILTIN_AGENCIES, now)).length;
}

/**
 * Registers the entries the registry lacks (by code, then by name: a known name only gains the
 * entry's aliases) and returns those it inserted; never overwrites edits.
 */
export async function registerBuiltinAgencies(
  db: Db,
  entries: readonly BuiltinAgency[],
  now: Date,
): Promise<AgencyRow[]> {
  const added: AgencyRow[] = [];
  for (const entry of entries) {
    if (await findAgencyByCode(db, entry.code)) continue;
    const key = agencyNameKey(entry.name);
    const existing = await findAgencyByKey(db, key);
    const aliases = entry.aliases.map((alias) => ({ alias, key: agencyNameKey(alias) }));
    if (existing) {
      await addAliases(db, existing.id, aliases);
      continue;
    }
    added.push(
      await insertAgency(
        db,
        { code: entry.code, name: entry.name, nameKey: key, kind: entry.kind, aliases },
        now,
      ),
    );
  }
  return added;
}

/** The agencies, not merged or dissolved, that a collective name written in a plan stands for. */
export async function agenciesOfGroup(db: Db, group: AgencyGroup): Promise<AgencyRow[]> {
  return agenciesOfKinds(db, GROUP_KINDS[group]);
}

/** A stable, readable ASCII code for a new agency: "so-tai-chinh", then "-2", "-3" when taken. */
async function freshCode(db: Db, name: string): Promise<string> {
  const base = slugify(name).slice(0, 40).replace(/-+$/, "") || "agency";
  const taken = await allAgencyCodes(db);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function findOrCreateAgency(
  db: Db,
  name: string,
  now: Date,
  kind?: AgencyKind,
): Promise<{ agency: AgencyRow; created: boolean }> {
  const key = agencyNameKey(name);
  const existing = await findAgencyByKey(db, key);
  if (existing) return { agency: existing, created: false };
  const code = await freshCode(db, name);
  const agency = await insertAgency(
    db,
    {
      code,
      name: name.trim(),
      nameKey: key,
      kind: kind ?? inferAgencyKind(name, BUILTIN_DISTRICT_NAME_KEYS),
      aliases: [],
    },
    now,
  );
  return { agency, created: true };
}

/** Finds an agency by its code, its name or an alias, however it is spelled. */
export async function findAgency(db: Db, codeOrName: string): Promise<AgencyRow | null> {
  const text = codeOrName.trim();
  if (text === "") return null;
  return (await findAgencyByCode(db, text.toLowerCase())) ?? findAgencyByKey(db, agencyNameKey(text));
}

/** A refused change to the registry; its text is in locales/. */
export class AgencyError extends LocalizedError {}

/**
 * Registers an agency and, in the same transaction, gives it its share of the tasks its kind
 * leads collectively ("Các sở, ngành"), so a district added later still reports on them.
 */
export async function addAgency(
  db: Kysely<Database>,
  input: { name: string; kind?: AgencyKind; code?: string },
  actor: string,
  now: Date,
): Promise<AgencyRow> {
  return writeTransaction(db, async (trx) => {
    const agency = await insertNewAgency(trx, input, actor, now);
    await expandGroupLeads(trx, now);
    return agency;
  });
}

async function insertNewAgency(
  db: Db,
  input: { name: string; kind?: AgencyKind; code?: string },
  actor: string,
  now: Date,
): Promise<AgencyRow> {
  const key = agencyNameKey(input.name);
  if (key === "") throw new AgencyError("agency-error-empty-name");
  const existing = await findAgencyByKey(db, key);
  if (existing)
    throw new AgencyError("agency-error-exists", {
      name: input.name,
      code: existing.code,
      existing: existing.name,
    });
  if (input.code && (await findAgencyByCode(db, input.code))) {
    throw new AgencyError("agency-error-code-taken", { code: input.code });
  }
  const code = input.code ?? (await freshCode(db, input.name));
  const agency = await insertAgency(
    db,
    {
      code,
      name: input.name.trim(),
      nameKey: key,
      kind: input.kind ?? inferAgencyKind(input.name, BUILTIN_DISTRICT_NAME_KEYS),
      aliases: [],
    },
    now,
  );
  await recordAudit(db, { actor, action: "agency.add", subject: code, details: { name: agency.name } }, now);
  return agency;
}

/** Renames an agency in one transaction; the old name stays an alias. */
export async function renameAgencyTo(
  db: Kysely<Database>,
  codeOrName: string,
  newName: string,
  actor: string,
  now: Date,
): Promise<AgencyRow> {
  return writeTransaction(db, (trx) => renameOnce(trx, codeOrName, newName, actor, now));
}

async function renameOnce(
  db: Db,
  codeOrName: string,
  newName: string,
  actor: string,
  now: Date,
): Promise<AgencyRow> {
  const agency = await findAgency(db, codeOrName);
  if (!agency) throw new AgencyError("agency-error-unknown", { agency: codeOrName });
  const key = agencyNameKey(newName);
  if (key === "") throw new AgencyError("agency-error-empty-name");
  const holder = await findAgencyByKey(db, key);
  if (holder && holder.id !== agency.id) {
    throw new AgencyError("agency-error-name-taken", {
      name: newName,
      code: holder.code,
      existing: holder.name,
    });
  }
  // The old name stays an alias, so messages and files that still use it keep finding the agency.
  await renameAgency(db, agency.id, newName.trim(), key, now);
  await addAliases(db, agency.id, [{ alias: agency.name, key: agencyNameKey(agency.name) }]);
  await recordAudit(
    db,
    {
      actor,
      action: "agency.rename",
      subject: agency.code,
      details: { from: agency.name, to: newName.trim() },
    },
    now,
  );
  return { ...agency, name: newName.trim() };
}

/**
 * Gives every agency of a collective lead ("Các sở, ngành") its assignment; run after agencies are
 * added, inside their transaction, so a district registered later still reports on the tasks all
 * districts lead.
 */
export async function expandGroupLeads(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  let added = 0;
  for (const task of await liveTasksWithLeadGroups(db)) {
    const assigned = new Set((await assignmentsOfTask(db, task.id)).map((row) => row.agency_id));
    for (const group of task.leadGroups) {
      // By date: from 1/7/2025 "các sở, ngành, địa phương" reaches the communes and wards too.
      for (const { kind, from } of groupMembersAt(group, now)) {
        for (const agency of await agenciesOfKinds(db, [kind])) {
          if (assigned.has(agency.id)) continue;
          assigned.add(agency.id);
          await insertAssignment(
            db,
            { taskId: task.id, agencyId: agency.id, viaGroup: group, activeFrom: from },
            at,
          );
          added += 1;
        }
      }
    }
  }
  return added;
}
