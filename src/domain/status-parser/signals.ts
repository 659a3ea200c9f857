// Step 3 and 4: what one task's group of tokens states (an obstacle, done words, not-started and
// in-progress phrases, a progress figure, an expected date), and the status that follows (README: status updates).
import { statusWithProgress } from "../progress-status.ts";
import type { UpdateStatus } from "../vocabulary.ts";
import { isTrailing } from "./clause.ts";
import { findDates } from "./date-mentions.ts";
import { readDoneWords } from "./done-words.ts";
import { findEta } from "./expected-date.ts";
import { findBlocker } from "./obstacles.ts";
import { folded, matchAny, PHRASE, WORD } from "./phrases.ts";
import { findProgress } from "./progress.ts";
import type { Clause, Token } from "./tokens.ts";

export interface Signals {
  blocker: string | null;
  done: boolean;
  negatedDone: boolean;
  notStarted: boolean;
  inProgress: boolean;
  progress: number | null;
  progressOver100: number | null;
  eta: string | null;
}

export function hasSignal(s: Signals): boolean {
  return (
    s.blocker !== null ||
    s.done ||
    s.negatedDone ||
    s.notStarted ||
    s.inProgress ||
    s.progress !== null ||
    s.progressOver100 !== null ||
    s.eta !== null
  );
}

/** "chưa làm", "chưa triển khai được"; but "chưa làm xong" is a negated done. */
function hasNotStarted(c: Clause): boolean {
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, PHRASE.notStarted);
    if (length === 0) continue;
    let k = i + length;
    while (WORD.able.has(folded(c, k))) k++;
    if (matchAny(c, k, PHRASE.done) === 0) return true;
  }
  return false;
}

function hasInProgress(c: Clause): boolean {
  for (let i = 0; i < c.tokens.length; i++) {
    if (matchAny(c, i, PHRASE.inProgress) > 0) return true;
    const next = c.tokens[i + 1];
    if (matchAny(c, i, PHRASE.ongoing) > 0 && next !== undefined && next.wordish) {
      if (matchAny(c, i + 1, PHRASE.busy) === 0) return true;
    }
  }
  return false;
}

/** "II.2 đang làm tới đâu rồi?": a final clause that asks carries no status. */
function muteQuestion(c: Clause): void {
  let end = c.tokens.length - 1;
  while (end >= 0 && folded(c, end) !== "?" && isTrailing(c.tokens[end] as Token)) end--;
  if (folded(c, end) !== "?") return;
  let start = end;
  while (start > 0 && !WORD.clauseBreak.has(folded(c, start - 1))) start--;
  const clause = c.tokens.slice(start, end);
  if (clause.some((t) => WORD.questionWord.has(t.folded))) for (const t of clause) t.used = true;
}

/** A negative figure is no progress and no date; task codes are read before it ("-2.2 xong" is a bullet). */
function muteNegatives(c: Clause): void {
  for (const t of c.tokens) if (t.negative) t.used = true;
}

export function readSignals(c: Clause): Signals {
  muteQuestion(c);
  muteNegatives(c);
  const dates = findDates(c);
  const blocker = findBlocker(c);
  const notStarted = hasNotStarted(c);
  const inProgress = hasInProgress(c);
  const eta = findEta(c, dates);
  const done = readDoneWords(c, dates);
  const figure = findProgress(c);
  return {
    blocker,
    done: done.done,
    negatedDone: done.negated,
    notStarted,
    inProgress: inProgress || done.pending || figure.negated,
    progress: figure.progress,
    progressOver100: figure.progressOver100,
    eta,
  };
}

function wordStatus(s: Signals): UpdateStatus | null {
  if (s.blocker !== null) return "blocked";
  if (s.done) return "done";
  if (s.notStarted) return "not_started";
  if (s.inProgress || s.negatedDone || s.eta !== null) return "in_progress";
  return null;
}

/** The words state it done and not done: "xong rồi, chưa làm", "đã xong … chưa xong". */
export function isUnsure(s: Signals): boolean {
  return s.done && (s.notStarted || s.negatedDone);
}

/** README: status updates precedence of the words (blocked > done > not_started > in_progress), then the one progress rule. */
export function resolveStatus(s: Signals): UpdateStatus | null {
  return statusWithProgress(wordStatus(s), s.progress);
}

/** One task's signals from two segments: the first obstacle and date, the last figure. */
export function mergeSignals(a: Signals, b: Signals): Signals {
  return {
    blocker: a.blocker ?? b.blocker,
    done: a.done || b.done,
    negatedDone: a.negatedDone || b.negatedDone,
    notStarted: a.notStarted || b.notStarted,
    inProgress: a.inProgress || b.inProgress,
    // The last figure stated wins, whether it fits in 0–100 or not.
    ...(b.progress !== null || b.progressOver100 !== null
      ? { progress: b.progress, progressOver100: b.progressOver100 }
      : { progress: a.progress, progressOver100: a.progressOver100 }),
    eta: a.eta ?? b.eta,
  };
}
