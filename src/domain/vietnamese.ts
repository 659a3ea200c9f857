// Vietnamese text helpers (README: status updates): folding for diacritic-insensitive matching, and number words
// ("sáu mươi lăm" → 65). Pure.

/** A word as typed (lower case, NFC) and its folded form. */
export interface WordToken {
  readonly lower: string;
  readonly folded: string;
}

const COMBINING_MARKS = /\p{M}/gu;
const D_STROKE = /[đĐ]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/g;
const DIGITS = /^\d{1,15}$/;

/** The fold by its definition: NFKD, no combining marks, đ→d, lower case, one kind of dash. */
function foldByDefinition(text: string): string {
  return text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(D_STROKE, "d")
    .toLowerCase()
    .replace(DASHES, "-");
}

function lowerAsTyped(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(DASHES, "-");
}

// The characters of Vietnamese words beyond ASCII: Latin letters with diacritics, combining marks, dashes.
const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x0300, 0x036f],
  [0x1e00, 0x1eff],
  [0x2010, 0x2015],
  [0x2212, 0x2212],
];

const TABLE_END = 0x2213;

/**
 * Each character up to the last of those folded once, at load, by its code: FOLDED_CODE is the code of its
 * one-character fold, or -1 (a character outside the ranges, or one folding to none or two, as a lone
 * combining mark or "ǆ"); DIACRITIC is 1 when its fold differs from its lower case (it carries a diacritic,
 * or is đ), 0 when not, -1 outside the ranges. Folding character by character gives the word's fold, since
 * NFKD and lower case act on each Latin letter alone.
 */
const FOLDED_CODE = new Int32Array(TABLE_END).fill(-1);
const DIACRITIC = new Int8Array(TABLE_END).fill(-1);
const ASCII: readonly [number, number] = [0, 0x7f];
for (const [from, to] of [ASCII, ...LATIN_RANGES]) {
  for (let code = from; code <= to; code++) {
    const ch = String.fromCharCode(code);
    const folded = foldByDefinition(ch);
    FOLDED_CODE[code] = folded.length === 1 ? folded.charCodeAt(0) : -1;
    DIACRITIC[code] = folded === lowerAsTyped(ch) ? 0 : 1;
  }
}

// Which of the first 8,192 code points change in lower case (capitals), computed once.
const CAPITALS = Uint8Array.from({ length: 0x2000 }, (_, code) => {
  const ch = String.fromCharCode(code);
  return ch.toLowerCase() === ch ? 0 : 1;
});

// Longer text (foldText of a whole title) goes the general way: String.fromCharCode takes each code as an argument.
const MAX_BY_CODES = 64;

/**
 * ASCII text in lower case, built as one-byte text: the engine's toLowerCase is slow on two-byte text, and a
 * word cut from a Vietnamese message is two-byte even where it is ASCII ("II.2").
 */
function lowerAscii(word: string): string {
  if (word.length > MAX_BY_CODES) return word.toLowerCase();
  const codes: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    codes.push(code >= 65 && code <= 90 ? code + 32 : code);
  }
  return String.fromCharCode(...codes);
}

/** The text with its first letter a capital ("hoàn thành đúng hạn" → "Hoàn thành đúng hạn"). */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** The word in lower case, as toLowerCase gives it; most chat words have no capital, and come back as they are. */
export function lowerCase(word: string): string {
  let capital = false;
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) ascii = false;
    if (code >= CAPITALS.length || CAPITALS[code] === 1) capital = true;
  }
  if (!capital) return word;
  return ascii ? lowerAscii(word) : word.toLowerCase();
}

/**
 * Lower case, no diacritics, đ→d, unified dashes, single spaces, trimmed.
 * NFKD first so both precomposed (NFC) and decomposed (NFD) input, and full-width forms, fold alike.
 */
export function foldText(text: string): string {
  return foldWord(text).replace(SPACES, " ").trim();
}

/** Folds one word without touching whitespace (cheaper; used per token). */
export function foldWord(word: string): string {
  let i = 0;
  let capital = false;
  while (i < word.length) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) break;
    if (code >= 65 && code <= 90) capital = true;
    i++;
  }
  // Most chat words are plain ASCII: no Unicode work for them.
  if (i === word.length) return capital ? lowerAscii(word) : word;
  if (word.length > MAX_BY_CODES) return foldByDefinition(word);
  const codes: number[] = [];
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    const folded = code < TABLE_END ? (FOLDED_CODE[code] ?? -1) : -1;
    // Other scripts, symbols and emoji are rare in a status message: the definition does them.
    if (folded === -1) return foldByDefinition(word);
    codes.push(folded);
  }
  // One flat string at once, not a chain of pieces: cheaper to build, to hash and to compare.
  return String.fromCharCode(...codes);
}

/** True when the text carries at least one Vietnamese diacritic (or đ): its fold differs from its lower case. */
export function hasDiacritics(text: string): boolean {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) continue;
    const known = code < TABLE_END ? (DIACRITIC[code] ?? -1) : -1;
    if (known === -1 ? foldByDefinition(ch) !== lowerAsTyped(ch) : known === 1) return true;
  }
  return false;
}

export function toWordToken(word: string): WordToken {
  return { lower: lowerCase(word.normalize("NFC")), folded: foldWord(word) };
}

/** A token typed without any diacritic is ambiguous: "tac" may be tắc or tác. */
export function isBare(token: WordToken): boolean {
  return token.lower === token.folded;
}

type NumberRole = "unit" | "tail" | "clipped" | "zero" | "ten" | "tens" | "hundred" | "link";

interface NumberWord {
  readonly forms: readonly string[];
  readonly value: number;
  readonly roles: readonly NumberRole[];
}

// "tail" words only follow mươi/mười: mốt (1), tư (4), lăm/nhăm (5). The "clipped" ones may also follow a unit
// alone, mươi dropped ("sáu lăm" 65, "bảy tư" 74, "tám mốt" 81): only they, since "hai ba" is two or three.
const NUMBER_WORDS: readonly NumberWord[] = [
  { forms: ["không"], value: 0, roles: ["zero"] },
  { forms: ["một"], value: 1, roles: ["unit", "tail"] },
  { forms: ["mốt"], value: 1, roles: ["tail", "clipped"] },
  { forms: ["hai"], value: 2, roles: ["unit", "tail"] },
  { forms: ["ba"], value: 3, roles: ["unit", "tail"] },
  { forms: ["bốn"], value: 4, roles: ["unit", "tail"] },
  { forms: ["tư"], value: 4, roles: ["tail", "clipped"] },
  { forms: ["năm"], value: 5, roles: ["unit", "tail"] },
  { forms: ["lăm", "nhăm"], value: 5, roles: ["tail", "clipped"] },
  { forms: ["sáu"], value: 6, roles: ["unit", "tail"] },
  { forms: ["bảy", "bẩy"], value: 7, roles: ["unit", "tail"] },
  { forms: ["tám"], value: 8, roles: ["unit", "tail"] },
  { forms: ["chín"], value: 9, roles: ["unit", "tail"] },
  { forms: ["mười"], value: 10, roles: ["ten"] },
  { forms: ["mươi", "chục"], value: 10, roles: ["tens"] },
  { forms: ["trăm"], value: 100, roles: ["hundred"] },
  { forms: ["linh", "lẻ"], value: 0, roles: ["link"] },
];

const NUMBER_INDEX: ReadonlyMap<string, readonly NumberWord[]> = indexNumberWords();

/** By folded form; each word's forms in NFC, to compare with a token as typed. */
function indexNumberWords(): Map<string, NumberWord[]> {
  const index = new Map<string, NumberWord[]>();
  for (const word of NUMBER_WORDS) {
    const normalized = { ...word, forms: word.forms.map((form) => form.normalize("NFC")) };
    for (const key of new Set(normalized.forms.map(foldWord)))
      index.set(key, [...(index.get(key) ?? []), normalized]);
  }
  return index;
}

/** Value of the token in the given role; accented tokens must be spelled exactly ("tầm" is not "tám"). */
function roleValue(token: WordToken | undefined, role: NumberRole): number | null {
  if (token === undefined) return null;
  const candidates = NUMBER_INDEX.get(token.folded);
  if (candidates === undefined) return null;
  const bare = isBare(token);
  for (const word of candidates) {
    if (word.roles.includes(role) && (bare || word.forms.includes(token.lower))) return word.value;
  }
  return null;
}

export interface NumberMatch {
  readonly value: number;
  /** How many tokens the number spans. */
  readonly length: number;
}

/**
 * "lăm" after "sáu" with mươi dropped: only typed with its diacritics, since bare "sau lam" is also "sau làm"
 * (after doing) and "tu" is also "từ".
 */
function clippedValue(token: WordToken | undefined): number | null {
  return token === undefined || isBare(token) ? null : roleValue(token, "clipped");
}

/** 0–99: "mười [lăm]", "<unit> mươi [<tail>]", "<unit> <clipped tail>", "<unit>". */
function readBelowHundred(tokens: readonly WordToken[], start: number): NumberMatch | null {
  if (roleValue(tokens[start], "ten") !== null) {
    const tail = roleValue(tokens[start + 1], "tail");
    return tail === null ? { value: 10, length: 1 } : { value: 10 + tail, length: 2 };
  }
  const unit = roleValue(tokens[start], "unit");
  if (unit === null) return null;
  const clipped = unit >= 2 ? clippedValue(tokens[start + 1]) : null;
  if (clipped !== null) return { value: unit * 10 + clipped, length: 2 };
  if (roleValue(tokens[start + 1], "tens") === null) return { value: unit, length: 1 };
  const tail = roleValue(tokens[start + 2], "tail");
  return tail === null ? { value: unit * 10, length: 2 } : { value: unit * 10 + tail, length: 3 };
}

/** The rest after "<n> trăm": "linh <unit>", or a number below a hundred. */
function readAfterHundred(tokens: readonly WordToken[], start: number): NumberMatch | null {
  if (roleValue(tokens[start], "link") !== null) {
    const unit = roleValue(tokens[start + 1], "unit");
    return unit === null ? null : { value: unit, length: 2 };
  }
  return readBelowHundred(tokens, start);
}

/**
 * Reads a number written in words starting at `start` (0–999): "bốn mươi" 40, "sáu mươi lăm" 65,
 * "hai mươi mốt" 21, "năm mươi tư" 54, "mười" 10, "một trăm" 100, "trăm" 100, "không" 0.
 * Takes the longest reading; null when the token there is no number word.
 */
export function readNumberWords(tokens: readonly WordToken[], start: number): NumberMatch | null {
  const first = tokens[start];
  if (first === undefined || !NUMBER_INDEX.has(first.folded)) return null;
  if (roleValue(tokens[start], "zero") !== null) return { value: 0, length: 1 };
  let hundreds = 0;
  let length = 0;
  if (roleValue(tokens[start], "hundred") !== null) {
    hundreds = 100;
    length = 1;
  } else {
    const head = readBelowHundred(tokens, start);
    if (head === null) return null;
    const isSingleUnit = head.length === 1 && head.value < 10;
    if (!isSingleUnit || roleValue(tokens[start + 1], "hundred") === null) return head;
    hundreds = head.value * 100;
    length = 2;
  }
  const rest = readAfterHundred(tokens, start + length);
  return rest === null
    ? { value: hundreds, length }
    : { value: hundreds + rest.value, length: length + rest.length };
}

/** "phần" as typed, or bare. */
function isPart(token: WordToken | undefined): boolean {
  return token !== undefined && token.folded === "phan" && (isBare(token) || token.lower === "phần");
}

/** "ba phần tư" 75, "hai phần ba" 67 (percent, unrounded), "một phần hai" 50: a share of the work; not "một phần". */
export function readFractionWords(tokens: readonly WordToken[], start: number): NumberMatch | null {
  const numerator = roleValue(tokens[start], "unit");
  if (numerator === null || !isPart(tokens[start + 1])) return null;
  const next = tokens[start + 2];
  const denominator = roleValue(next, "unit") ?? (next?.lower === "tư" ? 4 : null);
  if (denominator === null || numerator >= denominator) return null;
  return { value: (numerator * 100) / denominator, length: 3 };
}

/** A whole string that is a number, in digits or words ("65", "sáu mươi lăm"); otherwise null. */
export function parseVietnameseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (DIGITS.test(trimmed)) return Number(trimmed);
  const tokens = trimmed
    .split(/\s+/)
    .filter((word) => word !== "")
    .map(toWordToken);
  if (tokens.length === 0) return null;
  const match = readNumberWords(tokens, 0);
  return match !== null && match.length === tokens.length ? match.value : null;
}
