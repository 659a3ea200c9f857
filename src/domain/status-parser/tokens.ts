// Step 1 of reading a message: its segments' words, numbers, codes, dates and punctuation, each kept as
// typed and folded (no diacritics), with where it stands in the segment.
import { foldWord, type WordToken } from "../vietnamese.ts";
import type { Ymd } from "./dates.ts";

// Caps keep the work bounded for pasted documents; real updates are far below them.
const MAX_TOKENS = 200;

export interface Token extends WordToken {
  readonly start: number;
  readonly end: number;
  readonly bare: boolean;
  /** Numeric value of a plain number token ("80", "45,5"), else null. */
  readonly number: number | null;
  /** Has a letter or digit (not punctuation, not emoji). */
  readonly wordish: boolean;
  /** A figure typed with a minus sign ("-50%", "-1/3"): neither a progress nor a date. */
  readonly negative: boolean;
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

const TOKEN_RE =
  /\d+,\d+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[./-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const NUMBER_RE = /^\d{1,6}(?:[.,]\d{1,3})?$/;
const WORDISH = /[\p{L}\p{N}]/u;
const MINUS = new Set(["-", "\u2212"]);
// Before a minus sign: nothing, a space or an opening mark. After a figure or '%' it is a range ("10%-20%").
const BEFORE_SIGN = /^$|^[\s(:=[]$/u;

/** "-50%", "(-1/3)": a sign glued to a figure; "- 50%" is a bullet, "50-60%" one token. */
function isNegative(text: string, start: number, raw: string): boolean {
  return /^\d/.test(raw) && MINUS.has(text.charAt(start - 1)) && BEFORE_SIGN.test(text.charAt(start - 2));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    if (tokens.length >= MAX_TOKENS) break;
    const raw = m[0];
    const start = m.index ?? 0;
    const lower = raw.toLowerCase();
    const fold = foldWord(raw);
    tokens.push({
      lower,
      folded: fold,
      start,
      end: start + raw.length,
      bare: lower === fold,
      number: NUMBER_RE.test(fold) ? Number(fold.replace(",", ".")) : null,
      wordish: WORDISH.test(raw),
      negative: isNegative(text, start, raw),
      used: false,
      ref: false,
    });
  }
  return tokens;
}

/** An unused whole number token within [min, max] ("30", "2021"), else null. */
export function smallInt(t: Token | undefined, min: number, max: number): number | null {
  if (t === undefined || t.used || !/^\d{1,4}$/.test(t.folded)) return null;
  const value = Number(t.folded);
  return value >= min && value <= max ? value : null;
}
