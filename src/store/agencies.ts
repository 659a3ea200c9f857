import type { Db } from "../db/database.ts";
import { agencyGroupKinds } from "../db/json-columns.ts";
import { byVietnamese } from "../domain/collation.ts";
import { AGENCY_KINDS, type AgencyGroup, type AgencyKind } from "../domain/vocabulary.ts";

export interface AgencyRow {
  id: number;
  code: string;
  name: string;
  kind: AgencyKind;
}

export interface NewAgency {
  code: string;
  name: string;
  nameKey: string;
  kind: AgencyKind;
  aliases: { alias: string; key: string }[];
}

const agencyColumns = ["agencies.id", "agencies.code", "agencies.name", "agencies.kind"] as const;

export async function findAgencyByCode(db: Db, code: string): Promise<AgencyRow | null> {
  const row = await db
    .selectFrom("agencies")
    .select(agencyColumns)
    .where("code", "=", code)
    .executeTakeFirst();
  return row ?? null;
}

export async function findAgencyById(db: Db, id: number): Promise<AgencyRow | null> {
  const row = await db.selectFrom("agencies").select(agencyColumns).where("id", "=", id).executeTakeFirst();
  return row ?? null;
}

/**
 * Finds an agency by the comparison key of its name or of one of its aliases. A merged agency's name
 * is its successor's alias (README: mergers), so an alias wins over a merged agency's own name.
 */
export async function findAgencyByKey(db: Db, key: string): Promise<AgencyRow | null> {
  const byName = await db
    .selectFrom("agencies")
    .select(agencyColumns)
    .select("merged_into_id")
    .where("name_key", "=", key)
    .executeTakeFirst();
  if (byName && byName.merged_into_id === null) return withoutMerge(byName);
  const byAlias = await db
    .selectFrom("agency_aliases")
    .innerJoin("agencies", "agencies.id", "agency_aliases.agency_id")
    .select(agencyColumns)
    .where("agency_aliases.alias_key", "=", key)
    .executeTakeFirst();
  return byAlias ?? (byName ? withoutMerge(byName) : null);
}

function withoutMerge({
  merged_into_id: _,
  ...agency
}: AgencyRow & { merged_into_id: number | null }): AgencyRow {
  return agency;
}

export interface AgencyEnding {
  endedAt: string;
  mergedInto: { code: string; name: string } | null;
}

/** When an agency was merged (and into which) or dissolved; null while it exists. */
export async function agencyEnding(db: Db, id: number): Promise<AgencyEnding | null> {
  const row = await db
    .selectFrom("agencies")
    .leftJoin("agencies as successor", "successor.id", "agencies.merged_into_id")
    .select(["agencies.ended_at", "successor.code", "successor.name"])
    .where("agencies.id", "=", id)
    .executeTakeFirst();
  if (!row?.ended_at) return null;
  const mergedInto = row.code && row.name ? { code: row.code, name: row.name } : null;
  return { endedAt: row.ended_at, mergedInto };
}

/** Marks an agency merged into another or (mergedIntoId null) dissolved, from `at`. */
export async function endAgency(db: Db, id: number, at: Date, mergedIntoId: number | null, now: Date) {
  await db
    .updateTable("agencies")
    .set({ ended_at: at.toISOString(), merged_into_id: mergedIntoId, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/**
 * A merger's names: the merged agency's name and aliases become the successor's aliases (its own
 * name key stays on its row, for history; findAgencyByKey prefers the alias).
 */
export async function passNamesOn(
  db: Db,
  from: { id: number; name: string },
  nameKey: string,
  intoId: number,
) {
  await db
    .updateTable("agency_aliases")
    .set({ agency_id: intoId })
    .where("agency_id", "=", from.id)
    .execute();
  const taken = await db
    .selectFrom("agency_aliases")
    .select("id")
    .where("alias_key", "=", nameKey)
    .executeTakeFirst();
  if (taken) return;
  await db
    .insertInto("agency_aliases")
    .values({ agency_id: intoId, alias: from.name, alias_key: nameKey })
    .execute();
}

/** The people linked to an agency (officials and coordinators), by name. */
export async function peopleOfAgency(db: Db, agencyId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom("people")
    .select(["id", "name"])
    .where("agency_id", "=", agencyId)
    .orderBy("id")
    .execute();
}

/** Moves an agency's people and its unused invites to another agency (a merger). */
export async function movePeopleAndInvites(db: Db, fromId: number, intoId: number): Promise<void> {
  await db.updateTable("people").set({ agency_id: intoId }).where("agency_id", "=", fromId).execute();
  await db
    .updateTable("invites")
    .set({ agency_id: intoId })
    .where("agency_id", "=", fromId)
    .where("used_at", "is", null)
    .execute();
}

/** Departments first, then sectors, districts, communes and others; names in Vietnamese order. */
export async function listAgencies(db: Db): Promise<AgencyRow[]> {
  const rows = await db.selectFrom("agencies").select(agencyColumns).execute();
  return rows.sort(
    (a, b) => AGENCY_KINDS.indexOf(a.kind) - AGENCY_KINDS.indexOf(b.kind) || byVietnamese(a.name, b.name),
  );
}

/** The agencies of some kinds that still exist (not merged or dissolved). */
export async function agenciesOfKinds(db: Db, kinds: readonly AgencyKind[]): Promise<AgencyRow[]> {
  if (kinds.length === 0) return [];
  return db
    .selectFrom("agencies")
    .select(agencyColumns)
    .where("kind", "in", kinds)
    .where("ended_at", "is", null)
    .execute();
}

export async function isKeyTaken(db: Db, key: string): Promise<boolean> {
  return (await findAgencyByKey(db, key)) !== null;
}

export async function insertAgency(db: Db, agency: NewAgency, now: Date): Promise<AgencyRow> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto("agencies")
    .values({
      code: agency.code,
      name: agency.name,
      name_key: agency.nameKey,
      kind: agency.kind,
      created_at: at,
      updated_at: at,
    })
    .returning(["id", "code", "name", "kind"])
    .executeTakeFirstOrThrow();
  await addAliases(db, inserted.id, agency.aliases);
  return inserted;
}

/** Adds aliases whose key no agency uses yet; a key already taken is left to its owner. */
export async function addAliases(
  db: Db,
  agencyId: number,
  aliases: { alias: string; key: string }[],
): Promise<void> {
  for (const { alias, key } of aliases) {
    if (await isKeyTaken(db, key)) continue;
    await db.insertInto("agency_aliases").values({ agency_id: agencyId, alias, alias_key: key }).execute();
  }
}

export async function renameAgency(
  db: Db,
  id: number,
  name: string,
  nameKey: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("agencies")
    .set({ name, name_key: nameKey, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function setAgencyKind(db: Db, id: number, kind: AgencyKind, now: Date): Promise<void> {
  await db
    .updateTable("agencies")
    .set({ kind, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function aliasesOf(db: Db, agencyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("agency_aliases")
    .select("alias")
    .where("agency_id", "=", agencyId)
    .execute();
  return rows.map((row) => row.alias);
}

export async function allAgencyCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom("agencies").select("code").execute();
  return new Set(rows.map((row) => row.code));
}

/** Every agency with the comparison keys of its name and aliases, in no particular order. */
export async function agenciesWithNameKeys(db: Db): Promise<{ id: number; name: string; keys: string[] }[]> {
  // A merged agency's names are its successor's aliases now: listing both would make them ambiguous.
  const [rows, aliases] = await Promise.all([
    db
      .selectFrom("agencies")
      .select(["id", "name", "name_key"])
      .where("merged_into_id", "is", null)
      .execute(),
    db.selectFrom("agency_aliases").select(["agency_id", "alias_key"]).execute(),
  ]);
  const keys = new Map<number, string[]>(rows.map((agency) => [agency.id, [agency.name_key]]));
  for (const alias of aliases) keys.get(alias.agency_id)?.push(alias.alias_key);
  return rows.map((agency) => ({ id: agency.id, name: agency.name, keys: keys.get(agency.id) ?? [] }));
}

/** Adds a collective name ("Các sở, ngành") unless it is there; never overwrites an edit. */
export async function ensureAgencyGroup(
  db: Db,
  group: { code: AgencyGroup; name: string; kinds: AgencyKind[] },
): Promise<void> {
  const exists = await db
    .selectFrom("agency_groups")
    .select("id")
    .where("code", "=", group.code)
    .executeTakeFirst();
  if (exists) return;
  await db
    .insertInto("agency_groups")
    .values({ code: group.code, name: group.name, kinds: agencyGroupKinds.encode(group.kinds) })
    .execute();
}
