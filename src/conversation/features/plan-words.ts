// A plan named among the words of /cham, /baocao and /bieudo ("/cham CDS2026 2020-Q3", any order): the
// plan, and the words left for the period; or the reply that names an unknown plan and lists the plans.
import type { Reply } from "../../messages.ts";
import { resolvePlanReference } from "../../services/plan-reference.ts";
import { type LinkedTurn, say } from "../turn.ts";

export interface NamedPlan {
  id: number;
  shortCode: string;
}

// A word that may name a plan: letters, digits and hyphens, from a letter ("CDS2026", "nq17",
// "gia-lai-nq17-2019"). One holding a digit is taken for a plan's code, so a typo gets the list of
// plans; a word of letters only is a plan's only when one has it ("quý IV năm 2020" stays a period),
// as is a quarter written "Q3" or "Q3-2020".
const CODE_LIKE = /^\p{L}[\p{L}\d-]*$/u;
const QUARTER_LIKE = /^(?:q|qu[yýỳ])\.?(?:iv|iii|ii|i|[1-4])(?:[-/]\d{4})?$/iu;

function unknownPlan(turn: LinkedTurn, plan: string, codes: readonly string[]): Reply[] {
  return say(turn.deps.translator.t("behind-plan-unknown", { plan, codes: codes.join(", ") }));
}

/** The plan a button names by its short code, or the reply that it no longer exists. */
export async function planOfButton(
  turn: LinkedTurn,
  shortCode: string | null,
): Promise<NamedPlan | undefined | Reply[]> {
  if (shortCode === null) return undefined;
  const found = await resolvePlanReference(turn.deps.db, shortCode);
  return "plan" in found
    ? { id: found.plan.id, shortCode: found.plan.short_code }
    : unknownPlan(turn, found.unknown, found.codes);
}

export async function planAmong(
  turn: LinkedTurn,
  words: readonly string[],
): Promise<{ plan: NamedPlan | undefined; rest: string[] } | Reply[]> {
  let plan: NamedPlan | undefined;
  const rest: string[] = [];
  for (const word of words) {
    if (plan !== undefined || !CODE_LIKE.test(word) || QUARTER_LIKE.test(word)) {
      rest.push(word);
      continue;
    }
    const found = await resolvePlanReference(turn.deps.db, word);
    if ("plan" in found) plan = { id: found.plan.id, shortCode: found.plan.short_code };
    else if (/\d/.test(word)) return unknownPlan(turn, found.unknown, found.codes);
    else rest.push(word);
  }
  return { plan, rest };
}
