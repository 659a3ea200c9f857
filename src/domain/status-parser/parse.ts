// Quick status updates in Vietnamese (README: status updates): message text → ParsedUpdate[]. Pure and deterministic.
//
// How a message is read (one file a step):
// 1. sanitize the text (plain-text.ts lets most skip it), split it into segments on newlines and ';', tokenise
//    each (scanner.ts cuts, tokens.ts reads: words, numbers, codes, dates, punctuation), keeping per token how it
//    was typed, its folded form (no diacritics) and its lexicon entry, each computed once;
// 2. find task references; cut the segment into one group per task (task-refs.ts);
// 3. collect signals per group (signals.ts): obstacles (obstacles.ts), done words (done-words.ts), not-started
//    and in-progress phrases, progress (progress.ts), the expected date (date-mentions.ts, expected-date.ts);
// 4. resolve the status by README: status updates precedence; a segment naming no task continues the task before it (here).
// Every word it knows is in lexicon.ts, chat shorthand in shorthand.ts and voice-typing slips in voice-typing.ts
// (read as the words they stand for while tokenising); phrases.ts matches them, with diacritics where a fold is
// ambiguous. A message with no update may be an excuse or a question about a task (not-an-update.ts).
// It is fast (issue 12: bench/parser.bench.ts, ≥ 100,000 messages per CPU-second): tables built once at load
// (character classes and folds, each word's entry in every phrase list), no regular expression over whole
// words where a table lookup does, no closures or generators where the rules look around a word.
//
// Choices beyond the README's rules (kept here so they are easy to revisit):
// - A task code with nothing else ("II.2", "nhiệm vụ II.2 thế nào?") yields no update: it is a heading or a
//   question, and an update with every field null would store nothing; the caller answers with a hint.
// - An expected date must lie within a year before and ten years after the message; another ("1/1/1969") is
//   a typo and is not read as one. A figure with a minus sign ("-50%", "-1/3") is neither a progress nor a
//   date: it is left out and the rest of the message is read (nothing becomes a positive number).
// - An expected date with no other status ("II.2 dự kiến xong 30/6") means in_progress: not done yet.
// - A progress figure settles the status over the words, obstacles aside (progress-status.ts, shared with the
//   bot's storage): "hoàn thành 80% khối lượng" is in_progress, "xong 0%" not_started.
// - A progress over 100 ("đang làm 150%") cannot be a progress: it is carried as `progressOver100` so the
//   caller asks what was meant, and never changes the status by itself.
// - A date without its year is read as past when its last occurrence before the message is nearer than its
//   next one ("xong 30/6" sent on 5/7): like a past date written with its year, it says when something
//   happened, so with a done word it is a completion date, not an expected one. Only "dự kiến", "sẽ"…
//   make such a date expected (then its next occurrence). The message's own day counts as ahead.
// - An obstacle's text runs to the end of its segment, across commas and sentences, unless a later clause
//   states something else (a progress, a date, "đang làm", "đã xong", "dự kiến"…) or "nhưng" turns away.
// - The rules are total over any text. Should one throw all the same (a bug), the exception reaches the
//   channel, which logs it and answers that something went wrong: never a silent "not understood".

import { hasDiacritics } from "../vietnamese.ts";
import { parseReference } from "./dates.ts";
import { isPlainText } from "./plain-text.ts";
import { hasSignal, isUnsure, mergeSignals, readSignals, resolveStatus, type Signals } from "./signals.ts";
import { groupByTask, type TaskRef } from "./task-refs.ts";
import { type Clause, type Context, tokenize } from "./tokens.ts";
import type { ParsedUpdate } from "./update.ts";

// Caps keep the work bounded for pasted documents; real updates are far below them.
const MAX_INPUT_CHARS = 20_000;
const MAX_SEGMENTS = 50;
const MAX_SEGMENT_CHARS = 1_000;
const MAX_UPDATES = 50;

interface SegmentPart {
  readonly refs: readonly TaskRef[];
  signals: Signals;
}

function readSegment(text: string, ctx: Context): SegmentPart[] {
  const whole: Clause = { tokens: tokenize(text), text, ctx };
  return groupByTask(whole).map((group) => ({
    refs: group.refs,
    signals: readSignals({ tokens: whole.tokens.slice(group.from, group.to), text, ctx }),
  }));
}

// Control and format characters but the newline, line and paragraph separators.
const CONTROL = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const CONTROLS = new RegExp(CONTROL.source, "gu");

function spaceOrNewline(ch: string): string {
  return ch === "\r" || ch === "\u2028" || ch === "\u2029" ? "\n" : " ";
}

/** Control and format characters become spaces (line separators newlines); NFKC unifies NFD and full-width input. */
function sanitize(text: string): string {
  const capped = text.slice(0, MAX_INPUT_CHARS);
  if (isPlainText(capped)) return capped;
  return (CONTROL.test(capped) ? capped.replace(CONTROLS, spaceOrNewline) : capped).normalize("NFKC");
}

/** The one update of a part that names no task. */
const NO_TASK: readonly (TaskRef | null)[] = [null];

const NEWLINE = 10;
const SEMICOLON = 59;

/** The message's lines and ';'-separated parts that are not blank, each cut to its cap. */
function segmentsOf(text: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length && segments.length < MAX_SEGMENTS; i++) {
    // The end closes the last segment; it is never read (an out-of-bounds read costs the loop its fast code).
    const code = i < text.length ? text.charCodeAt(i) : NEWLINE;
    if (code !== NEWLINE && code !== SEMICOLON) continue;
    const segment = text.slice(start, i);
    if (segment.trim() !== "") segments.push(segment.slice(0, MAX_SEGMENT_CHARS));
    start = i + 1;
  }
  return segments;
}

function continues(previous: Signals, next: Signals): boolean {
  const before = resolveStatus(previous);
  const after = resolveStatus(next);
  return before === null || after === null || after === "blocked" || before === after;
}

/** A segment naming no task continues the task before it, unless it states a different status. */
function attachTaskless(parts: readonly SegmentPart[]): SegmentPart[] {
  if (!parts.some((p) => p.refs.length > 0)) {
    const withSignal = parts.filter((p) => hasSignal(p.signals));
    const [first, ...rest] = withSignal;
    if (first === undefined) return [];
    return [{ refs: [], signals: rest.reduce((acc, p) => mergeSignals(acc, p.signals), first.signals) }];
  }
  const out: SegmentPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.refs.length > 0) out.push({ refs: part.refs, signals: part.signals });
    else if (!hasSignal(part.signals)) continue;
    else if (last !== undefined && last.refs.length > 0 && continues(last.signals, part.signals)) {
      last.signals = mergeSignals(last.signals, part.signals);
    } else out.push({ refs: [], signals: part.signals });
  }
  return out;
}

function toUpdate(ref: TaskRef | null, s: Signals): ParsedUpdate {
  const status = resolveStatus(s);
  const update: ParsedUpdate = {
    taskRef: ref?.code ?? null,
    status,
    progress: s.progress,
    blocker: status === "blocked" ? s.blocker : null,
    eta: s.eta,
    progressOver100: s.progressOver100,
  };
  // Only on the few unsure readings: every other update keeps its six fields.
  if (status !== "blocked" && isUnsure(s)) update.unsure = true;
  // Only when a plan is named, as `unsure`.
  if (ref?.plan) update.plan = ref.plan;
  return update;
}

/**
 * The status updates a message carries (README: status updates), in the order written; [] when it carries none
 * (a greeting, a question, thanks, a bare task code).
 * @param referenceDate local date "YYYY-MM-DD" the message was sent, for the year of an expected date.
 */
export function parseStatusMessage(text: string, referenceDate: string): ParsedUpdate[] {
  if (typeof text !== "string") return [];
  const clean = sanitize(text);
  const ctx: Context = { accented: hasDiacritics(clean), reference: parseReference(referenceDate) };
  // Plain loops: flatMap and split cost more than the parsing of a short message.
  const parts: SegmentPart[] = [];
  for (const segment of segmentsOf(clean)) for (const part of readSegment(segment, ctx)) parts.push(part);
  const updates: ParsedUpdate[] = [];
  for (const part of attachTaskless(parts)) {
    for (const ref of part.refs.length > 0 ? part.refs : NO_TASK) {
      const u = toUpdate(ref, part.signals);
      if (u.status !== null || u.progress !== null || u.eta !== null || u.progressOver100 !== null)
        updates.push(u);
    }
  }
  return updates.slice(0, MAX_UPDATES);
}
