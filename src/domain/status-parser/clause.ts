// Looking around a word in its clause: back to the clause's start, ahead to a question, before a figure.
import { endsWith, folded, type PhraseList, WORD } from "./phrases.ts";
import type { Clause, Token } from "./tokens.ts";

/** Scans at most `limit` tokens back from j, stopping at a clause break. */
export function* backwards(c: Clause, j: number, limit: number): Generator<number> {
  for (let k = j, steps = 0; k >= 0 && steps < limit; k--, steps++) {
    if (WORD.clauseBreak.has(folded(c, k))) return;
    yield k;
  }
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
  const rest = c.tokens.slice(tail ? j + 1 : j);
  return (tail || rest.some((t) => t.folded === "?")) && rest.every(isTrailing);
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
