// Loose agency lookup for chat questions ("Sở TTTT", "CA tỉnh", "so y te", "y tế"): exact key, then
// whole-word containment, then every word present; otherwise close names to suggest. Pure.
import { agencyNameKey } from "./agency-name.ts";

export interface AgencyCandidate {
  id: number;
  name: string;
  /** agencyNameKey of the name and of every alias. */
  keys: readonly string[];
}

export type AgencyMatch =
  | { outcome: "found"; agency: AgencyCandidate }
  | { outcome: "ambiguous"; candidates: AgencyCandidate[] }
  | { outcome: "unknown"; suggestions: AgencyCandidate[] };

const MAX_LISTED = 5;
const MIN_SIMILARITY = 0.35;

function bigrams(text: string): string[] {
  const compact = text.replace(/\s+/g, " ");
  return Array.from({ length: Math.max(0, compact.length - 1) }, (_, i) => compact.slice(i, i + 2));
}

/** Dice coefficient over character bigrams: 1 for equal keys, near 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const gram of right) pool.set(gram, (pool.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const count = pool.get(gram) ?? 0;
    if (count > 0) {
      shared += 1;
      pool.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function decide(candidates: AgencyCandidate[]): AgencyMatch | null {
  const [only] = candidates;
  if (candidates.length === 1 && only) return { outcome: "found", agency: only };
  if (candidates.length > 1) return { outcome: "ambiguous", candidates: candidates.slice(0, MAX_LISTED) };
  return null;
}

export function matchAgency(text: string, agencies: readonly AgencyCandidate[]): AgencyMatch {
  const query = agencyNameKey(text);
  if (query === "") return { outcome: "unknown", suggestions: [] };
  const exact = agencies.filter((agency) => agency.keys.includes(query));
  const words = query.split(" ");
  const passes = [
    exact,
    agencies.filter((agency) => agency.keys.some((key) => ` ${key} `.includes(` ${query} `))),
    agencies.filter((agency) =>
      agency.keys.some((key) => words.every((word) => key.split(" ").includes(word))),
    ),
  ];
  for (const candidates of passes) {
    const decided = decide(candidates);
    if (decided) return decided;
  }
  return {
    outcome: "unknown",
    suggestions: bySimilarity(query, agencies)
      .slice(0, 3)
      .map((e) => e.agency),
  };
}

/** Agencies at least loosely similar to a name key, most similar first. */
function bySimilarity(query: string, agencies: readonly AgencyCandidate[]) {
  return agencies
    .map((agency) => ({ agency, score: Math.max(...agency.keys.map((key) => similarity(query, key))) }))
    .filter((entry) => entry.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score);
}

// A suggestion this much less similar than the best one is noise beside it ("Sở Tài chánh" is
// Sở Tài chính at 0.82; the next name scores 0.45).
const SUGGESTION_SPREAD = 0.2;

/** Up to `max` registered agencies an unknown name most likely meant: loose matches, else similar names. */
export function closestAgencies(
  text: string,
  agencies: readonly AgencyCandidate[],
  max = 3,
): AgencyCandidate[] {
  const match = matchAgency(text, agencies);
  if (match.outcome === "found") return [match.agency];
  if (match.outcome === "ambiguous") return match.candidates.slice(0, max);
  const scored = bySimilarity(agencyNameKey(text), agencies);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((entry) => entry.score >= best - SUGGESTION_SPREAD)
    .slice(0, max)
    .map((entry) => entry.agency);
}
