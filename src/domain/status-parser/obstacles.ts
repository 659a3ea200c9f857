// The obstacle a clause states ("vướng kinh phí", "thiếu nhân lực"), with its words as typed; not one that
// is denied ("không vướng gì"), resolved ("đã tháo gỡ khó khăn") or asked about ("có vướng gì không?").
import { isQuestionAfter, isTrailing, lookBackStart } from "./clause.ts";
import { folded, matchAny, PHRASE, WORD } from "./phrases.ts";
import type { Clause, Token } from "./tokens.ts";

/** "không vướng gì", "không có khó khăn", "chưa gặp vướng mắc", "đã tháo gỡ khó khăn". */
function isObstacleNegated(c: Clause, i: number): boolean {
  for (let k = i - 1, start = lookBackStart(c, i - 1, 4); k >= start; k--) {
    const word = folded(c, k);
    if (WORD.negator.has(word) || WORD.obstacleResolved.has(word)) return true;
    if (!WORD.obstacleSkip.has(word)) return false;
  }
  return false;
}

/** "nhưng" (but) turns away from the obstacle; "những" (plural) is part of it. */
function isBut(t: Token): boolean {
  return t.folded === "nhung" && (t.bare || t.lower === "nhưng");
}

const SPACES = /\s+/g;

const STATUS_OPENERS = [
  PHRASE.ongoing,
  PHRASE.done,
  PHRASE.notStarted,
  PHRASE.inProgress,
  PHRASE.progressCue,
  PHRASE.etaStrong,
];

function opensStatus(c: Clause, j: number): boolean {
  for (const list of STATUS_OPENERS) if (matchAny(c, j, list) > 0) return true;
  return false;
}

/** The clause starting at k states a status of its own: "đạt 40%", "đang làm", "đã xong", "dự kiến 30/6". */
function statesStatus(c: Clause, k: number): boolean {
  let m = k;
  while (m < c.tokens.length && WORD.filler.has(folded(c, m))) m++;
  if (opensStatus(c, m) || (matchAny(c, m, PHRASE.past) > 0 && opensStatus(c, m + 1))) return true;
  for (let j = m; j < c.tokens.length && !WORD.clauseBreak.has(folded(c, j)); j++) {
    const t = c.tokens[j] as Token;
    if ((t.used && !t.ref) || matchAny(c, j, PHRASE.percent) > 0) return true;
  }
  return false;
}

/**
 * The obstacle as typed, whole: from the obstacle word to the end of the segment, across commas and
 * sentences, unless "nhưng" or a clause stating a status ends it; without trailing particles.
 */
function blockerText(c: Clause, i: number): string {
  let end = i;
  for (let j = i + 1; j < c.tokens.length; j++) {
    const t = c.tokens[j] as Token;
    if (t.ref || isBut(t) || (WORD.clauseBreak.has(t.folded) && statesStatus(c, j + 1))) break;
    end = j;
  }
  while (end > i && c.tokens[end] !== undefined && isTrailing(c.tokens[end] as Token)) end--;
  const first = c.tokens[i];
  const last = c.tokens[end];
  if (first === undefined || last === undefined) return "?";
  return c.text.slice(first.start, last.end).replace(SPACES, " ").trim();
}

export function findBlocker(c: Clause): string | null {
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, PHRASE.obstacle);
    if (length === 0 || isObstacleNegated(c, i) || isQuestionAfter(c, i + length, WORD.obstacleQuestionSkip))
      continue;
    return blockerText(c, i);
  }
  return null;
}
