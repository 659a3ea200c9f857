// Chat shorthand (shorthand.ts) read as the words it stands for: "đag lm đc 60%" is read as "đang làm được
// 60%". A short form becomes one token per word, each spanning the short form as typed (so an obstacle's text
// keeps what the person wrote) and spelled exactly (so no ambiguous fold is left to guess).
import { foldWord } from "../vietnamese.ts";
import { WORD, wordEntry } from "./phrases.ts";
import { SHORTHAND } from "./shorthand.ts";
import type { Token } from "./tokens.ts";

type Condition = "!afterNumber" | "!beforeNumber" | "?status";

interface ShortForm {
  readonly words: readonly { readonly lower: string; readonly folded: string }[];
  readonly condition: Condition | null;
}

const CONDITIONS: readonly string[] = ["!afterNumber", "!beforeNumber", "?status"];

function isCondition(word: string): word is Condition {
  return CONDITIONS.includes(word);
}

/** "k = không !afterNumber // why": by the short form's fold. A malformed line fails at load, in every test. */
function compile(table: string): Map<string, ShortForm> {
  const forms = new Map<string, ShortForm>();
  for (const line of table.split("\n")) {
    const entry = (line.split("//")[0] ?? "").trim();
    if (entry === "") continue;
    const [short, meaning] = entry.split("=").map((side) => side.trim());
    const words = (meaning ?? "").split(/\s+/).filter((word) => word !== "");
    const last = words.at(-1) ?? "";
    const condition = isCondition(last) ? last : null;
    if (condition !== null) words.pop();
    if (short === undefined || short === "" || words.length === 0 || words.some((w) => /^[!?]/.test(w)))
      throw new Error(`shorthand.ts: cannot read the line «${line.trim()}»`);
    forms.set(foldWord(short.toLowerCase()), {
      words: words.map((word) => ({ lower: word.normalize("NFC"), folded: foldWord(word) })),
      condition,
    });
  }
  return forms;
}

const FORMS = compile(SHORTHAND);
const LONGEST = Math.max(...[...FORMS.keys()].map((short) => short.length));

/** The shorthand entry of a folded word, if any (a cheap length test first: most words are longer). */
export function shortFormOf(folded: string): ShortForm | undefined {
  return folded.length <= LONGEST ? FORMS.get(folded) : undefined;
}

/** Every short form the table holds, for its test. */
export function shortForms(): string[] {
  return [...FORMS.keys()];
}

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

function applies(form: ShortForm, prev: Token | undefined, next: Token | undefined): boolean {
  switch (form.condition) {
    case "!afterNumber":
      return !isFigure(prev);
    case "!beforeNumber":
      return !isFigure(next) && next?.folded !== "so";
    case "?status":
      return isStatusPosition(prev, next);
    default:
      return true;
  }
}

/** The tokens with each short form that applies replaced by the words it stands for; the same array if none. */
export function expandShorthand(tokens: Token[]): Token[] {
  let first = 0;
  while (first < tokens.length && shortFormOf((tokens[first] as Token).folded) === undefined) first++;
  if (first === tokens.length) return tokens;
  const out: Token[] = tokens.slice(0, first);
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const form = shortFormOf(t.folded);
    if (form === undefined || !applies(form, i > 0 ? tokens[i - 1] : undefined, tokens[i + 1])) {
      out.push(t);
      continue;
    }
    for (const word of form.words) {
      out.push({ ...t, lower: word.lower, folded: word.folded, bare: false, entry: wordEntry(word.folded) });
    }
  }
  return out;
}
