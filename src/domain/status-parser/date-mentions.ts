// The dates a clause mentions: "30/6", "30-6-2021", "ngày 30 tháng 6", "cuối tháng 6", "tháng này",
// "cuối năm", "quý III/2020". Their tokens are marked used, so their numbers are not read as progress.
import { romanToInt } from "../task-code.ts";
import { hasCueBefore } from "./clause.ts";
import { type DateParts, iso, isPast, resolveDay } from "./dates.ts";
import { folded, isKnown, matchAny, PHRASE, tokenAt, WORD } from "./phrases.ts";
import { type Clause, smallInt } from "./tokens.ts";

export interface DateSpan {
  readonly start: number;
  readonly end: number;
  /** YYYY-MM-DD, null when not a real date ("31/2"). */
  readonly iso: string | null;
  /** Before the reference (see isPast): a date something happened, not an expected one. */
  readonly past: boolean;
}

type DateAt = DateParts & { length: number };

const NUMERIC_DATE = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/;
const MONTH = /^(\d{1,2})(?:[/-](\d{4}))?$/;
const QUARTER = /^(iv|i{1,3}|[1-4])(?:\/(\d{4}))?$/;

/** "30/6", "30-6-2021", "15.4.2020". */
function readNumericDate(c: Clause, i: number): DateAt | null {
  const t = c.tokens[i];
  if (t === undefined || t.used || !t.digitFirst) return null;
  const m = NUMERIC_DATE.exec(t.folded);
  // "2.5%" and "1.5 tỷ" are amounts, "được 2/3" a fraction.
  if (m === null || matchAny(c, i + 1, PHRASE.percent) > 0 || WORD.unitAfter.has(folded(c, i + 1)))
    return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] === undefined && day <= month && hasCueBefore(c, i, PHRASE.fractionCue)) return null;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  if (m[3] !== undefined) return { day, month, year: Number(m[3]), length: 1 };
  const next = nextYearAt(c, i + 1);
  return { day, month, year: next?.year ?? null, length: 1 + (next?.length ?? 0) };
}

/** "năm sau", "năm tới" at i: the year after the message's. */
function nextYearAt(c: Clause, i: number): { year: number; length: number } | null {
  const length = matchAny(c, i, PHRASE.nextYear);
  const ref = c.ctx.reference;
  return length === 0 || ref === null ? null : { year: ref.year + 1, length };
}

/** A month after "tháng": "6", "6/2021", "này" (this month), "sau"/"tới" (next month). */
function readMonth(c: Clause, i: number): { month: number; year: number | null; length: number } | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  const m = MONTH.exec(t.folded);
  if (m !== null) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    const explicit = m[2] === undefined ? null : Number(m[2]);
    if (explicit !== null) return { month, year: explicit, length: 1 };
    const next = nextYearAt(c, i + 1);
    if (next !== null) return { month, year: next.year, length: 1 + next.length };
    const year = matchAny(c, i + 1, PHRASE.year) > 0 ? smallInt(c.tokens[i + 2], 1900, 2199) : null;
    return { month, year, length: year !== null ? 3 : 1 };
  }
  const ref = c.ctx.reference;
  if (ref === null) return null;
  if (WORD.thisMonth.has(t.folded)) return { month: ref.month, year: ref.year, length: 1 };
  if (WORD.nextMonth.has(t.folded)) {
    const next =
      ref.month === 12 ? { month: 1, year: ref.year + 1 } : { month: ref.month + 1, year: ref.year };
    return { ...next, length: 1 };
  }
  return null;
}

/** "ngày 30 tháng 6 [năm 2021]", "30 tháng 6". */
function readWordDate(c: Clause, i: number): DateAt | null {
  let k = i + matchAny(c, i, PHRASE.day);
  const day = smallInt(c.tokens[k], 1, 31);
  if (day === null || matchAny(c, k + 1, PHRASE.month) === 0) return null;
  const month = readMonth(c, k + 2);
  if (month === null) return null;
  k += 2 + month.length;
  return { day, month: month.month, year: month.year, length: k - i };
}

/** The day "đầu" and "giữa" put a date on; "cuối" is the month's last (a null day). */
const DAY_OF_PART: Readonly<Record<string, number>> = { dau: 1, giua: 15 };

/**
 * "cuối tháng 6", "trong tháng này", "tháng 7": the month's last day; "đầu tháng 8" its first, "giữa tháng 8"
 * its 15th. Not "3 tháng tới" (a duration).
 */
function readMonthEnd(c: Clause, i: number): DateAt | null {
  const part = matchAny(c, i, PHRASE.partOfMonth);
  const k = i + part;
  if (matchAny(c, k, PHRASE.month) === 0 || tokenAt(c, k - 1)?.number != null) return null;
  const month = readMonth(c, k + 1);
  const day = part === 0 ? null : (DAY_OF_PART[folded(c, i)] ?? null);
  return month === null
    ? null
    : { day, month: month.month, year: month.year, length: k + 1 - i + month.length };
}

/** "cuối năm [2020]". */
function readYearEnd(c: Clause, i: number): DateAt | null {
  if (matchAny(c, i, PHRASE.end) === 0 || matchAny(c, i + 1, PHRASE.year) === 0) return null;
  const year = smallInt(c.tokens[i + 2], 1900, 2199);
  return { day: 31, month: 12, year, length: year === null ? 2 : 3 };
}

/** "quý 3", "quý III/2020": the quarter's last day. */
function readQuarterEnd(c: Clause, i: number): DateAt | null {
  if (matchAny(c, i, PHRASE.quarter) === 0) return null;
  const m = QUARTER.exec(folded(c, i + 1));
  if (m === null || c.tokens[i + 1]?.used) return null;
  const quarter = romanToInt(m[1] ?? "") ?? Number(m[1]);
  return { day: null, month: quarter * 3, year: m[2] === undefined ? null : Number(m[2]), length: 2 };
}

function readDateAt(c: Clause, i: number): DateAt | null {
  const t = c.tokens[i];
  // A date starts with a figure or a word of the lexicon ("ngày", "tháng", "cuối", "quý"): skip the others.
  if (t === undefined || (!t.digitFirst && !isKnown(t))) return null;
  return (
    readNumericDate(c, i) ??
    readWordDate(c, i) ??
    readMonthEnd(c, i) ??
    readYearEnd(c, i) ??
    readQuarterEnd(c, i)
  );
}

/** Every date in the clause; their tokens are marked used so their numbers are not read as progress. */
export function findDates(c: Clause): DateSpan[] {
  const spans: DateSpan[] = [];
  for (let i = 0; i < c.tokens.length; i++) {
    const date = readDateAt(c, i);
    if (date === null) continue;
    const resolved = resolveDay(date, c.ctx.reference);
    spans.push({
      start: i,
      end: i + date.length,
      iso: resolved === null ? null : iso(resolved.year, resolved.month, resolved.day),
      past: isPast(date, resolved, c.ctx.reference),
    });
    for (let k = i; k < i + date.length; k++) {
      const t = c.tokens[k];
      if (t !== undefined) t.used = true;
    }
    i += date.length - 1;
  }
  return spans;
}
