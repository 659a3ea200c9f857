// Step 2: the tasks a segment names ("II.2", "nhiệm vụ 2 mục II", "nv3", "#3", "số 3"), and the segment cut
// into one group per task; tasks joined by "và" or "," share one group.
import { MAX_SECTION, sectionNumber, tryTaskCode } from "../task-code.ts";
import { folded, matchAny, PHRASE, WORD } from "./phrases.ts";
import { type Clause, smallInt, type Token } from "./tokens.ts";

const MAX_LIST_ITEM = 99;

interface RefMatch {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

const ARABIC_SECTION = /^\d{1,2}$/;
const ROMAN_SECTION = /^[ivx]+$/;
const ROMAN_CODE = /^([ivx]+)[./-](\d{1,2})$/;
const ARABIC_CODE = /^(\d{1,2})\.(\d{1,2})$/;
const LIST_NUMBER = /^nvu?[.-]?(\d{1,2})$/;

function startsRoman(folded: string): boolean {
  const first = folded.charCodeAt(0);
  return first === 105 || first === 118 || first === 120; // i v x
}

/** A bare section: "II", "v", "3". */
function sectionOf(t: Token | undefined): number | null {
  if (t === undefined || t.used) return null;
  if (ARABIC_SECTION.test(t.folded)) return smallInt(t, 1, MAX_SECTION);
  return ROMAN_SECTION.test(t.folded) ? sectionNumber(t.folded) : null;
}

/** "2.2" is a code unless it reads as a percentage, an amount, a date or a version. */
function arabicCodeAllowed(c: Clause, i: number): boolean {
  const next = folded(c, i + 1);
  if (matchAny(c, i + 1, PHRASE.percent) > 0 || WORD.unitAfter.has(next)) return false;
  return !WORD.notCodeBefore.has(folded(c, i - 1));
}

/** A code in one token: "II.2", "ii-2", "II/2", "2.2". */
function codeOf(c: Clause, i: number): string | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  if (t.digitFirst) {
    const arabic = ARABIC_CODE.exec(t.folded);
    return arabic !== null && arabicCodeAllowed(c, i)
      ? tryTaskCode(Number(arabic[1]), Number(arabic[2]))
      : null;
  }
  const roman = startsRoman(t.folded) ? ROMAN_CODE.exec(t.folded) : null;
  return roman === null ? null : tryTaskCode(roman[1] ?? "", Number(roman[2]));
}

/** "nv3", "nv.3", "nv-3" in one token. */
function listNumberOf(t: Token | undefined): number | null {
  const m = t === undefined || t.used || !t.folded.startsWith("nv") ? null : LIST_NUMBER.exec(t.folded);
  const n = m === null ? 0 : Number(m[1]);
  return n >= 1 && n <= MAX_LIST_ITEM ? n : null;
}

/** "[,] [thuộc] mục II" after a task number. */
function readSectionSuffix(c: Clause, j: number): { section: number; end: number } | null {
  let k = j;
  for (let skipped = 0; skipped < 2 && WORD.codeLink.has(folded(c, k)); skipped++) k++;
  const muc = matchAny(c, k, PHRASE.sectionWord);
  if (muc === 0) return null;
  const section = sectionOf(c.tokens[k + muc]);
  return section === null ? null : { section, end: k + muc + 1 };
}

/** "nhiệm vụ II.2", "NV 2 mục II", "nhiệm vụ số 3", "nv3", "nv 3". */
function readNvRef(c: Clause, i: number): RefMatch | null {
  let j = i;
  let n = listNumberOf(c.tokens[j]);
  if (n !== null) {
    j += 1;
  } else {
    const nv = matchAny(c, j, PHRASE.taskWord);
    if (nv === 0) return null;
    j += nv;
    j += matchAny(c, j, PHRASE.ordinal);
    const code = codeOf(c, j);
    if (code !== null) return { code, start: i, end: j + 1 };
    n = smallInt(c.tokens[j], 1, MAX_LIST_ITEM);
    if (n === null) return null;
    j += 1;
  }
  const suffix = readSectionSuffix(c, j);
  const code = suffix === null ? null : tryTaskCode(suffix.section, n);
  return code !== null && suffix !== null
    ? { code, start: i, end: suffix.end }
    : { code: `#${n}`, start: i, end: j };
}

/** "mục II.2", "mục II nhiệm vụ 2". */
function readMucRef(c: Clause, i: number): RefMatch | null {
  const muc = matchAny(c, i, PHRASE.sectionWord);
  if (muc === 0) return null;
  const code = codeOf(c, i + muc);
  if (code !== null) return { code, start: i, end: i + muc + 1 };
  const section = sectionOf(c.tokens[i + muc]);
  if (section === null) return null;
  let k = i + muc + 1;
  for (let skipped = 0; skipped < 2 && WORD.codeLink.has(folded(c, k)); skipped++) k++;
  const nv = matchAny(c, k, PHRASE.taskWord);
  if (nv === 0) return null;
  k += nv;
  k += matchAny(c, k, PHRASE.ordinal);
  const n = smallInt(c.tokens[k], 1, MAX_LIST_ITEM);
  const task = n === null ? null : tryTaskCode(section, n);
  return task === null ? null : { code: task, start: i, end: k + 1 };
}

/** "#3", "#II.2". */
function readHashRef(c: Clause, i: number): RefMatch | null {
  if (folded(c, i) !== "#") return null;
  const code = codeOf(c, i + 1);
  if (code !== null) return { code, start: i, end: i + 2 };
  const n = smallInt(c.tokens[i + 1], 1, MAX_LIST_ITEM);
  return n === null ? null : { code: `#${n}`, start: i, end: i + 2 };
}

/** "số 3", but not "quyết định số 12". */
function readSoRef(c: Clause, i: number): RefMatch | null {
  if (matchAny(c, i, PHRASE.numberWord) === 0 || WORD.documentBeforeNumber.has(folded(c, i - 1))) return null;
  const n = smallInt(c.tokens[i + 1], 1, MAX_LIST_ITEM);
  return n === null ? null : { code: `#${n}`, start: i, end: i + 2 };
}

function readCodeRef(c: Clause, i: number): RefMatch | null {
  const code = codeOf(c, i);
  return code === null ? null : { code, start: i, end: i + 1 };
}

/** The task references in order; their tokens are marked used and `ref`. */
function findRefs(c: Clause): RefMatch[] {
  const refs: RefMatch[] = [];
  for (let i = 0; i < c.tokens.length; i++) {
    const ref =
      readNvRef(c, i) ?? readMucRef(c, i) ?? readHashRef(c, i) ?? readCodeRef(c, i) ?? readSoRef(c, i);
    if (ref === null) continue;
    refs.push(ref);
    for (let k = ref.start; k < ref.end; k++) {
      const t = c.tokens[k];
      if (t !== undefined) {
        t.used = true;
        t.ref = true;
      }
    }
    i = ref.end - 1;
  }
  return refs;
}

/** The tasks a run of tokens [from, to) speaks of: canonical codes ("II.2") or list items ("#3"). */
export interface TaskGroup {
  readonly refs: string[];
  readonly from: number;
  to: number;
}

/**
 * One group per task: "II.6 xong, II.7 đang làm" is two; "II.6 và II.7 xong" one group of two tasks;
 * "II.3 chờ II.2 xong" one group for II.3 (II.2 is what it waits on). A segment naming none is one group.
 */
export function groupByTask(c: Clause): TaskGroup[] {
  const [first, ...rest] = findRefs(c);
  if (first === undefined) return [{ refs: [], from: 0, to: c.tokens.length }];
  const groups: TaskGroup[] = [];
  let current: TaskGroup = { refs: [first.code], from: 0, to: c.tokens.length };
  let lastEnd = first.end;
  for (const ref of rest) {
    const between = c.tokens.slice(lastEnd, ref.start);
    if (between.every((t) => WORD.refConnector.has(t.folded))) {
      if (!current.refs.includes(ref.code)) current.refs.push(ref.code);
    } else if (!WORD.dependencyBefore.has(folded(c, ref.start - 1))) {
      current.to = ref.start;
      groups.push(current);
      current = { refs: [ref.code], from: ref.start, to: c.tokens.length };
    }
    lastEnd = ref.end;
  }
  groups.push(current);
  return groups;
}
