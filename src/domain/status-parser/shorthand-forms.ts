// The chat shorthand (shorthand.ts) and voice typing (voice-typing.ts) tables compiled: by each typed form's
// fold, the words it stands for and when. phrases.ts files each in the word's lexicon entry, so a token finds
// it in the lookup it makes anyway.
import { foldWord } from "../vietnamese.ts";
import { SHORTHAND } from "./shorthand.ts";
import { VOICE_TYPING } from "./voice-typing.ts";

export interface ShortForm {
  /** The spellings of the line, as typed (NFC, lower case), for "=exact". */
  readonly typed: readonly string[];
  readonly words: readonly { readonly lower: string; readonly folded: string }[];
  readonly notAfterNumber: boolean;
  readonly notBeforeNumber: boolean;
  readonly statusOnly: boolean;
  readonly exact: boolean;
  /** Folded: the word that must follow, or precede. */
  readonly before: string | null;
  readonly after: string | null;
}

const FLAGS = ["!afterNumber", "!beforeNumber", "?status", "=exact"];

function isCondition(word: string): boolean {
  return FLAGS.includes(word) || word.startsWith("before:") || word.startsWith("after:");
}

function argument(conditions: readonly string[], name: string): string | null {
  const found = conditions.find((c) => c.startsWith(`${name}:`));
  return found === undefined ? null : foldWord(found.slice(name.length + 1));
}

function readLine(line: string, file: string): { folded: string; form: ShortForm } | null {
  const entry = (line.split("//")[0] ?? "").trim();
  if (entry === "") return null;
  const equals = entry.indexOf(" = ");
  const short = equals < 0 ? "" : entry.slice(0, equals).trim();
  const parts = entry
    .slice(equals + 3)
    .split(/\s+/)
    .filter((word) => word !== "");
  const conditions = parts.filter(isCondition);
  const words = parts.filter((word) => !isCondition(word));
  const typed = short.split("|").map((form) => form.normalize("NFC").toLowerCase());
  const folds = new Set(typed.map(foldWord));
  const [folded] = folds;
  if (folded === undefined || folded === "" || folds.size !== 1 || words.length === 0)
    throw new Error(`${file}: cannot read the line «${line.trim()}»`);
  return {
    folded,
    form: {
      typed,
      words: words.map((word) => ({ lower: word.normalize("NFC"), folded: foldWord(word) })),
      notAfterNumber: conditions.includes("!afterNumber"),
      notBeforeNumber: conditions.includes("!beforeNumber"),
      statusOnly: conditions.includes("?status"),
      exact: conditions.includes("=exact"),
      before: argument(conditions, "before"),
      after: argument(conditions, "after"),
    },
  };
}

/** "k = không !afterNumber // why", by fold; a fold may have several lines, tried in order. A malformed line fails at load. */
function compile(tables: readonly (readonly [string, string])[]): Map<string, ShortForm[]> {
  const forms = new Map<string, ShortForm[]>();
  for (const [file, table] of tables) {
    for (const line of table.split("\n")) {
      const read = readLine(line, file);
      if (read !== null) forms.set(read.folded, [...(forms.get(read.folded) ?? []), read.form]);
    }
  }
  return forms;
}

/** By the typed form's fold. */
export const SHORT_FORMS: ReadonlyMap<string, readonly ShortForm[]> = compile([
  ["shorthand.ts", SHORTHAND],
  ["voice-typing.ts", VOICE_TYPING],
]);

/** A token typed `lower` may be one of the forms: "ạ" folds as "a" does, but no form "=exact" is "ạ". */
export function mayStandFor(forms: readonly ShortForm[], lower: string): boolean {
  return forms.some((form) => !form.exact || form.typed.includes(lower));
}

/** The typed forms of every line of a table, for its test. */
export function typedForms(table: "shorthand" | "voice"): string[] {
  const source = table === "shorthand" ? SHORTHAND : VOICE_TYPING;
  return source
    .split("\n")
    .map((line) => readLine(line, table))
    .flatMap((read) => read?.form.typed ?? []);
}
