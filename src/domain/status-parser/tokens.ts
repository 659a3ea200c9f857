// Step 1 of reading a message: its segments' words, numbers, codes, dates and punctuation, each kept as
// typed and folded (no diacritics), with where it stands in the segment.
import { foldWord, lowerCase, type WordToken } from "../vietnamese.ts";
import type { Ymd } from "./dates.ts";
import { expandShorthand } from "./expand-shorthand.ts";
import { type WordEntry, wordEntry } from "./phrases.ts";
import { isWordish, tokenEnd, tokenStart } from "./scanner.ts";
import { mayStandFor } from "./shorthand-forms.ts";

// Caps keep the work bounded for pasted documents; real updates are far below them.
const MAX_TOKENS = 200;

export interface Token extends WordToken {
  readonly start: number;
  readonly end: number;
  readonly bare: boolean;
  /** Numeric value of a plain number token ("80", "45,5"), else null. */
  readonly number: number | null;
  /** Starts with a digit: may be a number, a date, a fraction or a task code (regular expressions try only these). */
  readonly digitFirst: boolean;
  /** Has a letter or digit (not punctuation, not emoji). */
  readonly wordish: boolean;
  /** A figure typed with a minus sign ("-50%", "-1/3"): neither a progress nor a date. */
  readonly negative: boolean;
  /** What the lexicon knows of the word, looked up once. */
  readonly entry: WordEntry;
  /** Part of a task reference or a date: not a word of the update's meaning. */
  used: boolean;
  ref: boolean;
}

export interface Context {
  /** The message is typed with diacritics, so a bare word means itself ("cho" is cho, not chờ). */
  readonly accented: boolean;
  readonly reference: Ymd | null;
}

/** A run of tokens being read, with the segment text they point into. */
export interface Clause {
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly ctx: Context;
}

const NUMBER_RE = /^\d{1,6}(?:[.,]\d{1,3})?$/;
const SMALL_INT = /^\d{1,4}$/;
const MINUS = new Set(["-", "\u2212"]);
// Before a minus sign: nothing, a space or an opening mark. After a figure or '%' it is a range ("10%-20%").
const BEFORE_SIGN = /^$|^[\s(:=[]$/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** "-50%", "(-1/3)": a sign glued to a figure; "- 50%" is a bullet, "50-60%" one token. Reads nothing before the text. */
function isNegative(text: string, start: number): boolean {
  return (
    start >= 1 &&
    MINUS.has(text.charAt(start - 1)) &&
    BEFORE_SIGN.test(start >= 2 ? text.charAt(start - 2) : "")
  );
}

/** "80", "45,5", "1.5": a plain number. */
function numberOf(folded: string): number | null {
  return isDigit(folded.charCodeAt(0)) && NUMBER_RE.test(folded) ? Number(folded.replace(",", ".")) : null;
}

/** The segment's tokens, chat shorthand read as the words it stands for ("đc" is "được"). */
export function tokenize(text: string): Token[] {
  return cut(text, true);
}

/** The segment's tokens as typed, one per word, figure or mark (scanner.ts). */
export function cutTokens(text: string): Token[] {
  return cut(text, false);
}

function cut(text: string, readShorthand: boolean): Token[] {
  const tokens: Token[] = [];
  // Noted while cutting, so that a message without shorthand (most) is not walked again.
  let shorthand = false;
  for (let start = tokenStart(text, 0); start < text.length && tokens.length < MAX_TOKENS; ) {
    const end = tokenEnd(text, start);
    const raw = text.slice(start, end);
    const folded = foldWord(raw);
    // A word that folds to itself has no capital (most chat words): no second look at it.
    const lower = folded === raw ? raw : lowerCase(raw);
    const entry = wordEntry(folded);
    if (entry.short !== undefined && !shorthand) shorthand = mayStandFor(entry.short, lower);
    tokens.push({
      lower,
      folded,
      start,
      end,
      bare: lower === folded,
      number: numberOf(folded),
      digitFirst: isDigit(folded.charCodeAt(0)),
      wordish: isWordish(text, start, end),
      negative: isDigit(raw.charCodeAt(0)) && isNegative(text, start),
      entry,
      used: false,
      ref: false,
    });
    start = tokenStart(text, end);
  }
  return readShorthand && shorthand ? expandShorthand(tokens) : tokens;
}

/**
 * The token read as another word (chat shorthand, expand-shorthand.ts), spelled exactly. Built field by field in
 * tokenize's order: every token keeps one shape, so the rules' property reads stay monomorphic.
 */
export function asWord(t: Token, lower: string, folded: string): Token {
  return {
    lower,
    folded,
    start: t.start,
    end: t.end,
    bare: false,
    number: null,
    digitFirst: false,
    wordish: true,
    negative: false,
    entry: wordEntry(folded),
    used: false,
    ref: false,
  };
}

/** An unused whole number token within [min, max] ("30", "2021"), else null. */
export function smallInt(t: Token | undefined, min: number, max: number): number | null {
  // A number token first: most tokens are words.
  if (t === undefined || t.used || t.number === null || !SMALL_INT.test(t.folded)) return null;
  const value = Number(t.folded);
  return value >= min && value <= max ? value : null;
}
