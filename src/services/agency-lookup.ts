import type { Db } from "../db/database.ts";
import { type AgencyCandidate, type AgencyMatch, matchAgency } from "../domain/agency-match.ts";
import { sortByName } from "../domain/collation.ts";
import { agenciesWithNameKeys } from "../store/agencies.ts";

/**
 * Every agency with the comparison keys of its name and aliases, in Vietnamese order (SQLite orders
 * by code point), so ambiguous matches and suggestions list them alphabetically.
 */
export async function agencyCandidates(db: Db): Promise<AgencyCandidate[]> {
  return sortByName(await agenciesWithNameKeys(db), (agency) => agency.name);
}

/** Finds an agency however loosely it is named, or says why not (ambiguous, unknown + suggestions). */
export async function lookUpAgency(db: Db, text: string): Promise<AgencyMatch> {
  return matchAgency(text, await agencyCandidates(db));
}
