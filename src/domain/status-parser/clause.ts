// Looking around a word in its clause: back to the clause's start, ahead to a question, before a figure.
import { endsWith, folded, type PhraseList, WORD } from "./phrases.ts";
import type { Clause, Token } from "./tokens.ts";

/**
 * Where a look back from j over at most `limit` tokens stops: at the clause's start. The caller scans
 * k = j down to it (a loop, not a generator: this runs for every status word).
 */
export function lookBackStart(c: Clause, j: number, limit: number): number {
  let k = j;
  while (k >= 0 && j - k < limit && !WORD.clauseBreak.has(folded(c, k))) k--;
  return k + 1;
}

/** Punctuation, emoji or a particle: nothing of the update's meaning. */
export function isTrailing(t: Token): boolean {
  return !t.wordish || WORD.filler.has(t.folded);
}

/** "có vướng gì không?", "xong chưa anh?": asked, not stated. */
export function isQuestionAfter(c: Clause, k: number, skip: ReadonlySet<string>): boolean {
  let j = k;
  while (j < c.tokens.length && skip.has(folded(c, j))) j++;
  const tail = WORD.questionTail.has(folded(c, j));
  let asked = tail;
  for (let m = tail ? j + 1 : j; m < c.tokens.length; m++) {
    const t = c.tokens[m] as Token;
    if (!isTrailing(t)) return false;
    if (t.folded === "?") asked = true;
  }
  return asked;
}

/** "được 80", "đạt khoảng 80", "tiến độ hiện tại 70". */
export function hasCueBefore(c: Clause, i: number, cues: PhraseList): boolean {
  let j = i - 1;
  for (let skipped = 0; skipped < 3 && WORD.progressFiller.has(folded(c, j)); skipped++) {
    if (endsWith(c, j, cues) > 0) return true;
    j--;
  }
  return endsWith(c, j, cues) > 0;
}
