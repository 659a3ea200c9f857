// The lexicon (lexicon.ts) compiled for matching against a clause's tokens, and the matching itself:
// diacritics count only for ambiguous folds, whose neighbours must also agree.
import { foldWord } from "../vietnamese.ts";
import { AMBIGUOUS_FOLDS, BARE_COMPOUNDS, COMPOUNDS, PHRASES, WAITING, WORDS } from "./lexicon.ts";
import { SHORT_FORMS, type ShortForm } from "./shorthand-forms.ts";
import type { Clause, Context, Token } from "./tokens.ts";

type ContextRule = (prev: string, next: string, ctx: Context) => boolean;

interface Lex {
  readonly folded: string;
  readonly form: string;
  /** An ambiguous fold: typed with diacritics, it must be spelled as `form`; its neighbours must agree. */
  readonly strict: boolean;
  readonly rule: ContextRule | undefined;
  /** Only for the word typed without diacritics. */
  readonly bareRule: ContextRule | undefined;
}

/** One list of alternatives per word position. */
type Phrase = readonly (readonly Lex[])[];

/** A compiled phrase list: its index in every word's entry. */
export interface PhraseList {
  readonly id: number;
}

/**
 * What the lexicon knows of one folded word, looked up once per token (tokens.ts): per phrase list (by its
 * id), the phrases that start and that end with the word. A lookup of a list is then an array index.
 */
export interface WordEntry {
  readonly first: readonly (readonly Phrase[] | undefined)[];
  readonly last: readonly (readonly Phrase[] | undefined)[];
  /** The word is chat shorthand or a voice-typing slip (shorthand-forms.ts): what it may stand for. */
  readonly short: readonly ShortForm[] | undefined;
}

/** Folded words, for cheap neighbour checks. */
function words(spec: string): ReadonlySet<string> {
  return new Set(spec.split(" ").map(foldWord));
}

function compileEach<K extends string, V, R>(
  source: Readonly<Record<K, V>>,
  compile: (value: V, index: number) => R,
): Record<K, R> {
  const entries = Object.entries<V>(source).map(([key, value], index) => [key, compile(value, index)]);
  // Object.entries forgets the key type; the keys are the source's own.
  return Object.fromEntries(entries) as Record<K, R>;
}

/** The lexicon's word sets, folded. */
export const WORD = compileEach(WORDS, words);

function notBetween(spec: { before: string; after: string }): ContextRule {
  const deniedBefore = words(spec.before);
  const deniedAfter = words(spec.after);
  return (prev, next) => !deniedBefore.has(prev) && !deniedAfter.has(next);
}

const CONTEXT_RULES: Readonly<Record<string, ContextRule>> = compileEach(COMPOUNDS, notBetween);

const WAIT_BEFORE = words(WAITING.before);
const GIVE_BEFORE = words(WAITING.giveBefore);
const WAIT_AFTER = words(WAITING.after);

// Only for words typed without diacritics.
const BARE_RULES: Readonly<Record<string, ContextRule>> = {
  ...compileEach(BARE_COMPOUNDS, notBetween),
  cho: (prev, next, ctx) =>
    !ctx.accented && (WAIT_BEFORE.has(prev) || (!GIVE_BEFORE.has(prev) && WAIT_AFTER.has(next))),
};

const STRICT = new Set(AMBIGUOUS_FOLDS.split(" "));

function lex(word: string): Lex {
  const form = word.normalize("NFC").toLowerCase();
  const folded = foldWord(form);
  const strict = STRICT.has(folded);
  return {
    folded,
    form,
    strict,
    rule: strict ? CONTEXT_RULES[folded] : undefined,
    bareRule: strict ? BARE_RULES[folded] : undefined,
  };
}

interface MutableEntry {
  first: (Phrase[] | undefined)[];
  last: (Phrase[] | undefined)[];
  short: readonly ShortForm[] | undefined;
}

const LIST_COUNT = Object.keys(PHRASES).length;
const ENTRIES = new Map<string, MutableEntry>();

// Every entry of one shape, arrays of one kind, a slot for every list: the lookup in matchAny stays monomorphic.
function emptyEntry(): MutableEntry {
  return {
    first: new Array(LIST_COUNT).fill(undefined),
    last: new Array(LIST_COUNT).fill(undefined),
    short: undefined,
  };
}

const NO_ENTRY: WordEntry = emptyEntry();

function entryFor(folded: string): MutableEntry {
  let entry = ENTRIES.get(folded);
  if (entry === undefined) {
    entry = emptyEntry();
    ENTRIES.set(folded, entry);
  }
  return entry;
}

/** Files the phrase under each alternative of one of its positions. */
function index(side: "first" | "last", alternatives: readonly Lex[], id: number, phrase: Phrase): void {
  for (const folded of new Set(alternatives.map((l) => l.folded))) {
    const entry = entryFor(folded);
    const list = entry[side][id] ?? [];
    list.push(phrase);
    entry[side][id] = list;
  }
}

/** "tạm dừng|ngừng": words separated by spaces, alternatives for one position by '|'. */
function phrases(specs: readonly string[], id: number): PhraseList {
  for (const spec of specs) {
    const phrase: Phrase = spec.split(" ").map((position) => position.split("|").map(lex));
    index("first", phrase[0] ?? [], id, phrase);
    index("last", phrase.at(-1) ?? [], id, phrase);
  }
  return { id };
}

/** The lexicon's phrase lists, ready for matchAny and endsWith. */
export const PHRASE = compileEach(PHRASES, phrases);

for (const [folded, forms] of SHORT_FORMS) entryFor(folded).short = forms;

/** The lexicon's entry for a folded word; an empty one for a word it does not know. */
export function wordEntry(folded: string): WordEntry {
  return ENTRIES.get(folded) ?? NO_ENTRY;
}

/** The token is a word of some phrase of the lexicon. */
export function isKnown(t: Token): boolean {
  return t.entry !== NO_ENTRY;
}

/**
 * The token at i; undefined outside the clause. A negative index is never looked up: on an array it is a slow
 * property lookup, and the rules look one token back from the first.
 */
export function tokenAt(c: Clause, i: number): Token | undefined {
  return i >= 0 ? c.tokens[i] : undefined;
}

export function folded(c: Clause, i: number): string {
  return tokenAt(c, i)?.folded ?? "";
}

function matchLex(c: Clause, i: number, l: Lex): boolean {
  const t = tokenAt(c, i);
  if (t === undefined || t.used || t.folded !== l.folded) return false;
  if (!l.strict) return true;
  if (!t.bare && t.lower !== l.form) return false;
  const prev = folded(c, i - 1);
  const next = folded(c, i + 1);
  if (l.rule !== undefined && !l.rule(prev, next, c.ctx)) return false;
  return !t.bare || l.bareRule === undefined || l.bareRule(prev, next, c.ctx);
}

function matchPhrase(c: Clause, i: number, p: Phrase): boolean {
  for (let k = 0; k < p.length; k++) if (!matchPosition(c, i + k, p[k] as readonly Lex[])) return false;
  return true;
}

function matchPosition(c: Clause, i: number, alternatives: readonly Lex[]): boolean {
  for (const l of alternatives) if (matchLex(c, i, l)) return true;
  return false;
}

/** Length of the longest phrase starting at i, 0 if none. */
export function matchAny(c: Clause, i: number, list: PhraseList): number {
  const candidates = tokenAt(c, i)?.entry.first[list.id];
  if (candidates === undefined) return 0;
  let best = 0;
  for (const p of candidates) if (p.length > best && matchPhrase(c, i, p)) best = p.length;
  return best;
}

/** Length of a phrase ending at j, 0 if none. */
export function endsWith(c: Clause, j: number, list: PhraseList): number {
  const candidates = tokenAt(c, j)?.entry.last[list.id];
  if (candidates === undefined) return 0;
  for (const p of candidates) {
    if (j - p.length + 1 >= 0 && matchPhrase(c, j - p.length + 1, p)) return p.length;
  }
  return 0;
}
