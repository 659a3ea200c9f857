import type { Db } from "../db/database.ts";
import { type AgencyCandidate, type AgencyMatch, matchAgency } from "../domain/agency-match.ts";
import { sortByName } from "../domain/collation.ts";

/**
 * Every agency with the comparison keys of its name and aliases, in Vietnamese order (SQLite orders
 * by code point), so ambiguous matches and suggestions list them alphabetically.
 */
export async function agencyCandidates(db: Db): Promise<AgencyCandidate[]> {
  const [rows, aliases] = await Promise.all([
    db.selectFrom("agencies").select(["id", "name", "name_key"]).execute(),
    db.selectFrom("agency_aliases").select(["agency_id", "alias_key"]).execute(),
  ]);
  const agencies = sortByName(rows, (agency) => agency.name);
  const keys = new Map<number, string[]>(agencies.map((agency) => [agency.id, [agency.name_key]]));
  for (const alias of aliases) keys.get(alias.agency_id)?.push(alias.alias_key);
  return agencies.map((agency) => ({ id: agency.id, name: agency.name, keys: keys.get(agency.id) ?? [] }));
}

/** Finds an agency however loosely it is named, or says why not (ambiguous, unknown + suggestions). */
export async function lookUpAgency(db: Db, text: string): Promise<AgencyMatch> {
  return matchAgency(text, await agencyCandidates(db));
}
