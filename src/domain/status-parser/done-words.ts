// Done words ("xong", "hoàn thành") and what their clause makes of them: a claim ("đã xong"), negated
// ("chưa xong"), pending ("sắp xong", "dự kiến xong 30/6", "xong phần 1"), or nothing ("khi xong", "xong chưa?").
import { isQuestionAfter, lookBackStart } from "./clause.ts";
import type { DateSpan } from "./date-mentions.ts";
import { endsWith, folded, matchAny, PHRASE, WORD } from "./phrases.ts";
import type { Clause } from "./tokens.ts";

type DoneKind = "claim" | "negated" | "pending" | "ignored";

export interface DoneWords {
  /** Stated as done. */
  readonly done: boolean;
  /** "chưa xong": not done, so in progress. */
  readonly negated: boolean;
  /** "sắp xong", "dự kiến xong": in progress. */
  readonly pending: boolean;
}

/** "chưa xong", "chưa làm xong", "k kịp hoàn thành". */
function isDoneNegated(c: Clause, i: number): boolean {
  for (let k = i - 1, start = lookBackStart(c, i - 1, 3); k >= start; k--) {
    const word = folded(c, k);
    if (WORD.negator.has(word)) return true;
    if (!WORD.doneNegationSkip.has(word)) return false;
  }
  return false;
}

type Mood = "claim" | "soon" | "future" | "hypothetical" | null;

/** What the nearest word before a done word makes of it: "đã xong", "sắp xong", "dự kiến xong", "khi xong". */
function moodBefore(c: Clause, i: number): Mood {
  for (let k = i - 1, start = lookBackStart(c, i - 1, 4); k >= start; k--) {
    if (endsWith(c, k, PHRASE.past) > 0) return "claim";
    if (endsWith(c, k, PHRASE.hypothetical) > 0) return "hypothetical";
    if (endsWith(c, k, PHRASE.soon) > 0) return "soon";
    if (endsWith(c, k, PHRASE.future) > 0) return "future";
  }
  return null;
}

function onlyWordsIn(c: Clause, from: number, to: number, allowed: ReadonlySet<string>): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) if (!allowed.has(folded(c, k))) return false;
  return true;
}

/**
 * "30/6 là xong", "khoảng 20/7 mới xong" ("mới" there is "only then", not "just"): a done word after an expected
 * date; but not "đã trình 12/12 xong", claimed before the date.
 */
function followsDate(c: Clause, i: number, dates: readonly DateSpan[]): boolean {
  for (const d of dates) {
    if (!d.past && d.end <= i && onlyWordsIn(c, d.end, i, WORD.dateToDone))
      return moodBefore(c, d.start) !== "claim";
  }
  return false;
}

/** "xong trước 30/6": the done word before an expected date. */
function precedesDate(c: Clause, i: number, length: number, dates: readonly DateSpan[]): boolean {
  for (const d of dates) {
    if (!d.past && d.start >= i + length && onlyWordsIn(c, i + length, d.start, WORD.doneToDate)) return true;
  }
  return false;
}

/** "xong phần máy chủ", "hoàn thành giai đoạn 1": part of the task ("phần mềm" is software). */
function isPartialAfter(c: Clause, k: number): boolean {
  const length = matchAny(c, k, PHRASE.partial);
  if (length === 0) return false;
  return !(length === 1 && folded(c, k) === "phan" && WORD.notAPart.has(folded(c, k + 1)));
}

function classifyDone(c: Clause, i: number, length: number, dates: readonly DateSpan[]): DoneKind {
  if (isDoneNegated(c, i)) return "negated";
  if (isQuestionAfter(c, i + length, WORD.questionSkip)) return "ignored";
  const mood = moodBefore(c, i);
  if (mood === "hypothetical") return "ignored";
  if (mood === "soon" || mood === "future" || followsDate(c, i, dates)) return "pending";
  if (mood !== "claim" && precedesDate(c, i, length, dates)) return "pending";
  return isPartialAfter(c, i + length) ? "pending" : "claim";
}

export function readDoneWords(c: Clause, dates: readonly DateSpan[]): DoneWords {
  let done = false;
  let negated = false;
  let pending = false;
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, PHRASE.done);
    if (length === 0) continue;
    const kind = classifyDone(c, i, length, dates);
    if (kind === "claim") done = true;
    else if (kind === "negated") negated = true;
    else if (kind === "pending") pending = true;
    i += length - 1;
  }
  return { done, negated, pending };
}
