// Chat shorthand (shorthand.ts) and voice-typing slips (voice-typing.ts) read as the words they stand for: "đag lm đc 60%" is read as "đang làm được
// 60%". A short form becomes one token per word, each spanning the short form as typed (so an obstacle's text
// keeps what the person wrote) and spelled exactly (so no ambiguous fold is left to guess).
import { WORD } from "./phrases.ts";
import type { ShortForm } from "./shorthand-forms.ts";
import { asWord, type Token } from "./tokens.ts";

function isFigure(t: Token | undefined): boolean {
  return t?.digitFirst === true;
}

const DIGIT = /\d/;

/** "ht r", "V.7 ht", "ht 30/6", "V.7 ht IV.4 …", "đã ht bc": a status, not the start of a noun. */
function isStatusPosition(prev: Token | undefined, next: Token | undefined): boolean {
  if (next === undefined || !next.wordish || WORD.filler.has(next.folded)) return true;
  // A figure or a task code ("IV.4"): nouns have no digits.
  if (next.digitFirst || DIGIT.test(next.folded)) return true;
  return prev !== undefined && WORD.statusAfter.has(prev.folded);
}

function applies(form: ShortForm, t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (form.exact && !form.typed.includes(t.lower)) return false;
  if (form.notAfterNumber && isFigure(prev)) return false;
  if (form.notBeforeNumber && (isFigure(next) || next?.folded === "so")) return false;
  if (form.statusOnly && !isStatusPosition(prev, next)) return false;
  if (form.before !== null && next?.folded !== form.before) return false;
  return form.after === null || prev?.folded === form.after;
}

/** The first of the word's forms that applies where it stands. */
function formAt(tokens: readonly Token[], i: number): ShortForm | undefined {
  const t = tokens[i] as Token;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  return t.entry.short?.find((form) => applies(form, t, prev, tokens[i + 1]));
}

/** The tokens with each short form that applies replaced by the words it stands for; the same array if none. */
export function expandShorthand(tokens: Token[]): Token[] {
  let first = 0;
  while (first < tokens.length && (tokens[first] as Token).entry.short === undefined) first++;
  if (first === tokens.length) return tokens;
  const out: Token[] = tokens.slice(0, first);
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const form = formAt(tokens, i);
    if (form === undefined) {
      out.push(t);
      continue;
    }
    for (const word of form.words) {
      out.push(asWord(t, word.lower, word.folded));
    }
  }
  return out;
}
