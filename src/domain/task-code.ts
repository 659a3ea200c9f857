// Canonical task codes (README: the report calendar; status updates): a Roman section and a number inside it, "II.2". Pure.

import { foldText } from "./vietnamese.ts";

/** Plans have sections I..VII; allow some headroom, but keep "30.6" (a date) from reading as a code. */
export const MAX_SECTION = 20;
/** Tasks inside a section. */
export const MAX_TASK_NUMBER = 99;

const ROMAN_DIGITS: readonly (readonly [number, string])[] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/**
 * The sections a plan may have, "I" … "XX", and back: a section is looked up, not computed. Lower case too
 * ("ii", as the status parser folds it), so the usual spellings need no case conversion.
 */
const SECTION_NAMES: readonly string[] = Array.from({ length: MAX_SECTION }, (_, k) => intToRoman(k + 1));
const SECTION_BY_NAME: ReadonlyMap<string, number> = new Map(
  SECTION_NAMES.flatMap((name, k) => [
    [name, k + 1],
    [name.toLowerCase(), k + 1],
  ]),
);
const ARABIC_SECTION = /^\s*\d+\s*$/;
const ROMAN_NUMERAL = /^[IVXLCDM]{1,15}$/;
const TRAILING_MARK = /[:.]$/;

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** 1..3999 in canonical Roman numerals; throws RangeError outside that range. */
export function intToRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) {
    throw new RangeError(`no Roman numeral for ${value}`);
  }
  let rest = value;
  let out = "";
  for (const [amount, letters] of ROMAN_DIGITS) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** Value of a canonical Roman numeral, case-insensitive ("ii" → 2); null for anything else ("IIII", "VX"). */
export function romanToInt(text: string): number | null {
  const upper = text.trim().toUpperCase();
  if (!ROMAN_NUMERAL.test(upper)) return null;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const current = ROMAN_VALUES[upper.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[upper.charAt(i + 1)] ?? 0;
    total += current < next ? -current : current;
  }
  // Round-tripping rejects non-canonical spellings that the additive rule would accept.
  return total >= 1 && total <= 3999 && intToRoman(total) === upper ? total : null;
}

/** Section as a number: Roman ("II", "ii") or Arabic ("2", 2); null when not a valid section. */
export function sectionNumber(section: string | number): number | null {
  const value =
    typeof section === "number"
      ? section
      : ARABIC_SECTION.test(section)
        ? Number(section)
        : (SECTION_BY_NAME.get(section) ?? SECTION_BY_NAME.get(section.trim().toUpperCase()) ?? null);
  return value !== null && Number.isInteger(value) && value >= 1 && value <= MAX_SECTION ? value : null;
}

function isTaskNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_TASK_NUMBER;
}

/** "II.2" from ("II", 2), ("ii", 2), ("2", 2) or (2, 2); throws RangeError for an invalid section or number. */
export function canonicalTaskCode(section: string | number, number: number): string {
  const value = sectionNumber(section);
  if (value === null || !isTaskNumber(number)) {
    throw new RangeError(`not a task code: ${String(section)}.${number}`);
  }
  return `${intToRoman(value)}.${number}`;
}

/** Like canonicalTaskCode, but null instead of throwing. */
export function tryTaskCode(section: string | number, number: number): string | null {
  const value = sectionNumber(section);
  return value === null || !isTaskNumber(number) ? null : `${SECTION_NAMES[value - 1]}.${number}`;
}

const PREFIX = /^(?:muc|nhiem vu|nv|task)\s*(?:so\s*)?/;
const ROMAN_CODE = /^([ivxlcdm]+)\s*[.\-/]\s*(\d{1,2})$/;
const ARABIC_CODE = /^(\d{1,2})\.(\d{1,2})$/;
const NUMBER_IN_SECTION =
  /^(?:nhiem vu|nv)\s*(?:so\s*)?(\d{1,2})\s*[,:]?\s*(?:thuoc\s+)?muc\s*([ivxlcdm]+|\d{1,2})$/;

/**
 * The canonical code of a text that is just a task code: "II.2", "ii.2", "II-2", "II/2", "2.2",
 * "mục II.2", "nhiệm vụ II.2", "NV II.2", "nhiệm vụ 2 mục II". Null for anything else
 * (free text that merely contains a code is the status parser's job).
 */
export function parseTaskCode(text: string): string | null {
  if (typeof text !== "string" || text.length > 100) return null;
  const folded = foldText(text).replace(TRAILING_MARK, "");
  const inSection = NUMBER_IN_SECTION.exec(folded);
  if (inSection !== null) return tryTaskCode(inSection[2] ?? "", Number(inSection[1]));
  const bare = folded.replace(PREFIX, "");
  const roman = ROMAN_CODE.exec(bare);
  if (roman !== null) return tryTaskCode(roman[1] ?? "", Number(roman[2]));
  const arabic = ARABIC_CODE.exec(bare);
  if (arabic !== null) return tryTaskCode(arabic[1] ?? "", Number(arabic[2]));
  return null;
}
