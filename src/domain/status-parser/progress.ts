// The progress figure a clause states: "80%", "được 80", "tiến độ sáu mươi lăm phần trăm", "đạt sáu lăm %",
// "đạt 2/3", "được khoảng 3/4", "ba phần tư", "một nửa". A figure over 100 with '%' is kept apart for the caller to ask about.
import { readFractionWords, readNumberWords } from "../vietnamese.ts";
import { hasCueBefore, isTrailing, lookBackStart } from "./clause.ts";
import { endsWith, folded, matchAny, PHRASE, tokenAt, WORD } from "./phrases.ts";
import type { Clause } from "./tokens.ts";

export interface ProgressFigure {
  /** 0–100, the last figure stated as fact; null when none. */
  readonly progress: number | null;
  /** A percentage over 100 as typed, in place of `progress`. */
  readonly progressOver100: number | null;
  /** "chưa đạt 100%": a negated figure, which only says in progress. */
  readonly negated: boolean;
}

interface NumberAt {
  readonly value: number;
  readonly length: number;
  readonly digits: boolean;
  /** "2/3": a share of the work, in percent. */
  readonly fraction: boolean;
}

const SHARE = /^(\d{1,3})\/(\d{1,3})$/;

function readNumberAt(c: Clause, i: number): NumberAt | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  if (t.number !== null) return { value: t.number, length: 1, digits: true, fraction: false };
  const share = t.digitFirst ? SHARE.exec(t.folded) : null;
  if (share !== null && Number(share[1]) <= Number(share[2]) && Number(share[2]) > 0) {
    return { value: (Number(share[1]) * 100) / Number(share[2]), length: 1, digits: true, fraction: true };
  }
  const half = matchAny(c, i, PHRASE.half);
  if (half > 0) return { value: 50, length: half, digits: false, fraction: false };
  const number = readNumberWords(c.tokens, i);
  // A share in words starts with a number word: most tokens are none, and cost one lookup.
  const spoken = number === null ? null : (readFractionWords(c.tokens, i) ?? number);
  if (spoken === null) return null;
  for (let k = i; k < i + spoken.length; k++) if (c.tokens[k]?.used) return null;
  return { value: spoken.value, length: spoken.length, digits: false, fraction: false };
}

/** A number without '%' counts only at the end of its clause: "được 30", not "được 30 người". */
function endsProgress(c: Clause, k: number): boolean {
  const t = c.tokens[k];
  return t === undefined || isTrailing(t) || WORD.clauseBreak.has(t.folded);
}

/** "chưa đạt 100%", "chưa được 50". */
function isProgressNegated(c: Clause, i: number): boolean {
  const prev = folded(c, i - 1);
  return WORD.negator.has(prev) || (WORD.negatableCue.has(prev) && WORD.negator.has(folded(c, i - 2)));
}

function isProgressFuture(c: Clause, i: number): boolean {
  for (let k = i - 1, start = lookBackStart(c, i - 1, 5); k >= start; k--)
    if (endsWith(c, k, PHRASE.etaStrong) > 0) return true;
  return false;
}

function isProgressCandidate(c: Clause, i: number, n: NumberAt): boolean {
  if (n.fraction) return hasCueBefore(c, i, PHRASE.fractionCue);
  const after = i + n.length;
  if (matchAny(c, after, PHRASE.percent) > 0) return true;
  if (!endsProgress(c, after)) return false;
  // Spoken numbers without '%' only from ten up, so "làm được không" is not 0%.
  if (hasCueBefore(c, i, PHRASE.progressCue)) return n.digits || n.value >= 10;
  return n.digits && tokenAt(c, i - 1)?.ref === true;
}

/**
 * The last progress figure stated as fact; a negated one ("chưa đạt 100%") only says in progress. A percentage
 * over 100 is kept apart, for the caller to ask about; over 100 without '%' ("đạt 150") is a count, not progress.
 */
export function findProgress(c: Clause): ProgressFigure {
  let progress: number | null = null;
  let progressOver100: number | null = null;
  let negated = false;
  for (let i = 0; i < c.tokens.length; i++) {
    const n = readNumberAt(c, i);
    if (n === null) continue;
    const value = Math.round(n.value);
    const fits = value <= 100 || matchAny(c, i + n.length, PHRASE.percent) > 0;
    if (fits && isProgressCandidate(c, i, n)) {
      if (isProgressNegated(c, i)) negated = true;
      else if (!isProgressFuture(c, i)) {
        progress = value <= 100 ? value : null;
        progressOver100 = value <= 100 ? null : value;
      }
    }
    i += n.length - 1;
  }
  return { progress, progressOver100, negated };
}
