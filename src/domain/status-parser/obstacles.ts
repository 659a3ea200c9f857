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

/** From k, past the rest of an obstacle heading: "Khó khăn, vướng mắc: …" (more obstacle words, "mắc", commas). */
function skipObstacleWords(c: Clause, k: number): number {
  let j = k;
  for (;;) {
    const length = matchAny(c, j, PHRASE.obstacle);
    if (length > 0) j += length;
    else if (WORD.obstacleChain.has(folded(c, j))) j++;
    else return j;
  }
}

/** Nothing of meaning from k to the clause's end: "Vướng mắc: (không) ạ." */
function endsClause(c: Clause, k: number): boolean {
  for (let j = k; j < c.tokens.length; j++) {
    const t = c.tokens[j] as Token;
    if (WORD.absentTail.has(t.folded)) continue;
    if (t.folded === "?") return false;
    if (WORD.clauseBreak.has(t.folded)) return true;
    if (!isTrailing(t)) return false;
  }
  return true;
}

/**
 * The obstacle word at i heads a stated absence: "Vướng mắc: không", "Khó khăn, vướng mắc - chưa phát sinh",
 * "khó khăn đã được tháo gỡ"; not "Khó khăn: không có kinh phí", which names one.
 */
function isAbsentAfter(c: Clause, i: number, length: number): boolean {
  let k = skipObstacleWords(c, i + length);
  let separated = false;
  while (WORD.headingSeparator.has(folded(c, k))) {
    separated = true;
    k++;
  }
  const absent = matchAny(c, k, separated ? PHRASE.absent : PHRASE.absentAfterWord);
  return absent > 0 && endsClause(c, k + absent);
}

/**
 * The obstacle noun at `to` is joined to the one denied before `from`: "không có khó khăn, vướng mắc gì"
 * shares its "không"; "không vướng, thiếu máy" does not (a shortage is stated).
 */
function isChained(c: Clause, from: number, to: number): boolean {
  if (!WORD.obstacleNoun.has(folded(c, to))) return false;
  let joined = false;
  for (let k = from; k < to; k++) {
    const word = folded(c, k);
    if (!WORD.obstacleChain.has(word)) return false;
    if (WORD.obstacleJoin.has(word)) joined = true;
  }
  return joined;
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

/** The first obstacle stated; a denied, absent or asked one is skipped, and a real one later still counts. */
export function findBlocker(c: Clause): string | null {
  // Where the last denied obstacle ended: one joined to it shares its negation.
  let deniedEnd = -1;
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, PHRASE.obstacle);
    if (length === 0) continue;
    const shared = deniedEnd >= 0 && isChained(c, deniedEnd, i);
    if (shared || isObstacleNegated(c, i) || isAbsentAfter(c, i, length)) {
      deniedEnd = i + length;
      i = deniedEnd - 1;
      continue;
    }
    if (isQuestionAfter(c, i + length, WORD.obstacleQuestionSkip)) continue;
    return blockerText(c, i);
  }
  return null;
}
