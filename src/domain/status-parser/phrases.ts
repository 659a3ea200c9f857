// The lexicon (lexicon.ts) compiled for matching against a clause's tokens, and the matching itself:
// diacritics count only for ambiguous folds, whose neighbours must also agree.
import { foldWord } from "../vietnamese.ts";
import { AMBIGUOUS_FOLDS, BARE_COMPOUNDS, COMPOUNDS, PHRASES, WAITING, WORDS } from "./lexicon.ts";
import type { Clause, Context } from "./tokens.ts";

interface Lex {
  readonly folded: string;
  readonly form: string;
  readonly strict: boolean;
}

/** One list of alternatives per word position. */
type Phrase = readonly (readonly Lex[])[];

/** Phrases indexed by their first and last folded words, so a lookup only tries the plausible ones. */
export interface PhraseList {
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  readonly byLast: ReadonlyMap<string, readonly Phrase[]>;
}

const STRICT = new Set(AMBIGUOUS_FOLDS.split(" "));

function lex(word: string): Lex {
  const form = word.normalize("NFC").toLowerCase();
  const folded = foldWord(form);
  return { folded, form, strict: STRICT.has(folded) };
}

function index(map: Map<string, Phrase[]>, alternatives: readonly Lex[], phrase: Phrase): void {
  for (const folded of new Set(alternatives.map((l) => l.folded))) {
    const list = map.get(folded) ?? [];
    list.push(phrase);
    map.set(folded, list);
  }
}

/** "tạm dừng|ngừng": words separated by spaces, alternatives for one position by '|'. */
function phrases(specs: readonly string[]): PhraseList {
  const byFirst = new Map<string, Phrase[]>();
  const byLast = new Map<string, Phrase[]>();
  for (const spec of specs) {
    const phrase: Phrase = spec.split(" ").map((position) => position.split("|").map(lex));
    index(byFirst, phrase[0] ?? [], phrase);
    index(byLast, phrase.at(-1) ?? [], phrase);
  }
  return { byFirst, byLast };
}

/** Folded words, for cheap neighbour checks. */
function words(spec: string): ReadonlySet<string> {
  return new Set(spec.split(" ").map(foldWord));
}

function compileEach<K extends string, V, R>(
  source: Readonly<Record<K, V>>,
  compile: (value: V) => R,
): Record<K, R> {
  const entries = Object.entries<V>(source).map(([key, value]) => [key, compile(value)]);
  // Object.entries forgets the key type; the keys are the source's own.
  return Object.fromEntries(entries) as Record<K, R>;
}

/** The lexicon's phrase lists, ready for matchAny and endsWith. */
export const PHRASE = compileEach(PHRASES, phrases);
/** The lexicon's word sets, folded. */
export const WORD = compileEach(WORDS, words);

type ContextRule = (prev: string, next: string, ctx: Context) => boolean;

function notBetween(spec: { before: string; after: string }): ContextRule {
  const deniedBefore = words(spec.before);
  const deniedAfter = words(spec.after);
  return (prev, next) => !deniedBefore.has(prev) && !deniedAfter.has(next);
}

const CONTEXT_RULES = compileEach(COMPOUNDS, notBetween);

const WAIT_BEFORE = words(WAITING.before);
const GIVE_BEFORE = words(WAITING.giveBefore);
const WAIT_AFTER = words(WAITING.after);

// Only for words typed without diacritics.
const BARE_RULES: Readonly<Record<string, ContextRule>> = {
  ...compileEach(BARE_COMPOUNDS, notBetween),
  cho: (prev, next, ctx) =>
    !ctx.accented && (WAIT_BEFORE.has(prev) || (!GIVE_BEFORE.has(prev) && WAIT_AFTER.has(next))),
};

export function folded(c: Clause, i: number): string {
  return c.tokens[i]?.folded ?? "";
}

function matchLex(c: Clause, i: number, l: Lex): boolean {
  const t = c.tokens[i];
  if (t === undefined || t.used || t.folded !== l.folded) return false;
  if (!l.strict) return true;
  if (!t.bare && t.lower !== l.form) return false;
  const prev = c.tokens[i - 1]?.folded ?? "";
  const next = c.tokens[i + 1]?.folded ?? "";
  const rule = CONTEXT_RULES[l.folded];
  if (rule !== undefined && !rule(prev, next, c.ctx)) return false;
  const bareRule = t.bare ? BARE_RULES[l.folded] : undefined;
  return bareRule === undefined || bareRule(prev, next, c.ctx);
}

function matchPhrase(c: Clause, i: number, p: Phrase): boolean {
  return p.every((alternatives, k) => alternatives.some((l) => matchLex(c, i + k, l)));
}

/** Length of the longest phrase starting at i, 0 if none. */
export function matchAny(c: Clause, i: number, list: PhraseList): number {
  let best = 0;
  for (const p of list.byFirst.get(folded(c, i)) ?? [])
    if (p.length > best && matchPhrase(c, i, p)) best = p.length;
  return best;
}

/** Length of a phrase ending at j, 0 if none. */
export function endsWith(c: Clause, j: number, list: PhraseList): number {
  for (const p of list.byLast.get(folded(c, j)) ?? []) {
    if (j - p.length + 1 >= 0 && matchPhrase(c, j - p.length + 1, p)) return p.length;
  }
  return 0;
}
