import type { Db } from "../db/database.ts";
import { type AgencyCandidate, type AgencyMatch, matchAgency } from "../domain/agency-match.ts";

/** Every agency with the comparison keys of its name and aliases. */
export async function agencyCandidates(db: Db): Promise<AgencyCandidate[]> {
  const [agencies, aliases] = await Promise.all([
    db.selectFrom("agencies").select(["id", "name", "name_key"]).orderBy("name").execute(),
    db.selectFrom("agency_aliases").select(["agency_id", "alias_key"]).execute(),
  ]);
  const keys = new Map<number, string[]>(agencies.map((agency) => [agency.id, [agency.name_key]]));
  for (const alias of aliases) keys.get(alias.agency_id)?.push(alias.alias_key);
  return agencies.map((agency) => ({ id: agency.id, name: agency.name, keys: keys.get(agency.id) ?? [] }));
}

/** Finds an agency however loosely it is named, or says why not (ambiguous, unknown + suggestions). */
export async function lookUpAgency(db: Db, text: string): Promise<AgencyMatch> {
  return matchAgency(text, await agencyCandidates(db));
}
