// The chat shorthand table (shorthand.ts) compiled: by each short form's fold, the words it stands for and
// when. phrases.ts files each in the word's lexicon entry, so a token finds it in the lookup it makes anyway.
import { foldWord } from "../vietnamese.ts";
import { SHORTHAND } from "./shorthand.ts";

export type Condition = "!afterNumber" | "!beforeNumber" | "?status";

export interface ShortForm {
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

/** By the short form's fold. */
export const SHORT_FORMS: ReadonlyMap<string, ShortForm> = compile(SHORTHAND);

/** Every short form the table holds, for its test. */
export function shortForms(): string[] {
  return [...SHORT_FORMS.keys()];
}
