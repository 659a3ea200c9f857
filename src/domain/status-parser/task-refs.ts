// Step 2: the tasks a segment names ("II.2", "nhiệm vụ 2 mục II", "nv3", "#3", "số 3"), and the segment cut
// into one group per task; tasks joined by "và" or "," share one group. A plan's short code may name the
// plan of a task code when two plans share it: "CDS2026 II.2", "II.2 (CDS)" (README: several plans).
import { MAX_SECTION, sectionNumber, tryTaskCode } from "../task-code.ts";
import { folded, isKnown, matchAny, PHRASE, WORD } from "./phrases.ts";
import { type Clause, smallInt, type Token, tokenize } from "./tokens.ts";

const MAX_LIST_ITEM = 99;

/** A task a message names: its code ("II.2", "#3") and the plan word typed with it ("CDS2026"), if any. */
export interface TaskRef {
  readonly code: string;
  /** Upper-cased as typed; which plan it means is the caller's to look up (a prefix counts). */
  readonly plan: string | null;
}

interface RefMatch extends TaskRef {
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
    if (code !== null) return { code, plan: null, start: i, end: j + 1 };
    n = smallInt(c.tokens[j], 1, MAX_LIST_ITEM);
    if (n === null) return null;
    j += 1;
  }
  const suffix = readSectionSuffix(c, j);
  const code = suffix === null ? null : tryTaskCode(suffix.section, n);
  return code !== null && suffix !== null
    ? { code, plan: null, start: i, end: suffix.end }
    : { code: `#${n}`, plan: null, start: i, end: j };
}

/** "mục II.2", "mục II nhiệm vụ 2". */
function readMucRef(c: Clause, i: number): RefMatch | null {
  const muc = matchAny(c, i, PHRASE.sectionWord);
  if (muc === 0) return null;
  const code = codeOf(c, i + muc);
  if (code !== null) return { code, plan: null, start: i, end: i + muc + 1 };
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
  return task === null ? null : { code: task, plan: null, start: i, end: k + 1 };
}

/** "#3", "#II.2". */
function readHashRef(c: Clause, i: number): RefMatch | null {
  if (folded(c, i) !== "#") return null;
  const code = codeOf(c, i + 1);
  if (code !== null) return { code, plan: null, start: i, end: i + 2 };
  const n = smallInt(c.tokens[i + 1], 1, MAX_LIST_ITEM);
  return n === null ? null : { code: `#${n}`, plan: null, start: i, end: i + 2 };
}

/** "số 3", but not "quyết định số 12". */
function readSoRef(c: Clause, i: number): RefMatch | null {
  if (matchAny(c, i, PHRASE.numberWord) === 0 || WORD.documentBeforeNumber.has(folded(c, i - 1))) return null;
  const n = smallInt(c.tokens[i + 1], 1, MAX_LIST_ITEM);
  return n === null ? null : { code: `#${n}`, plan: null, start: i, end: i + 2 };
}

function readCodeRef(c: Clause, i: number): RefMatch | null {
  const code = codeOf(c, i);
  return code === null ? null : { code, plan: null, start: i, end: i + 1 };
}

// Before a code, only letters then digits ("CDS2026", "nq17", "DA-06"): a bare word there is mostly
// a word of the message ("ok II.2 xong"). In brackets right after a code, also a short code's prefix
// typed in capitals ("II.2 (CDS)"), unless the lexicon knows the word ("II.2 (XONG)"); "(ok)" is a word.
const PLAN_BEFORE = /^[a-z]{2,8}-?\d{1,4}$/;
const PLAN_IN_BRACKETS = /^[a-z][a-z0-9-]{1,15}$/;
const HAS_DIGIT = /\d/;

function typedInCapitals(c: Clause, t: Token): boolean {
  const raw = c.text.slice(t.start, t.end);
  return raw === raw.toUpperCase();
}

function planBefore(c: Clause, i: number): Token | null {
  const t = i > 0 ? c.tokens[i - 1] : undefined;
  return t !== undefined && !t.used && PLAN_BEFORE.test(t.lower) ? t : null;
}

function planInBrackets(c: Clause, i: number): Token | null {
  const t = c.tokens[i + 1];
  if (t === undefined || t.used || folded(c, i) !== "(" || folded(c, i + 2) !== ")") return null;
  if (!PLAN_IN_BRACKETS.test(t.lower)) return null;
  return HAS_DIGIT.test(t.lower) || (typedInCapitals(c, t) && !isKnown(t)) ? t : null;
}

/** The ref with the plan word typed before it or in brackets after it; list items ("#3") name none. */
function withPlan(c: Clause, ref: RefMatch): RefMatch {
  if (ref.code.startsWith("#")) return ref;
  const before = planBefore(c, ref.start);
  if (before !== null) return { ...ref, plan: before.lower.toUpperCase(), start: ref.start - 1 };
  const after = planInBrackets(c, ref.end);
  return after === null ? ref : { ...ref, plan: after.lower.toUpperCase(), end: ref.end + 3 };
}

/** The task references in order; their tokens are marked used and `ref`. */
function findRefs(c: Clause): RefMatch[] {
  const refs: RefMatch[] = [];
  for (let i = 0; i < c.tokens.length; i++) {
    const found =
      readNvRef(c, i) ?? readMucRef(c, i) ?? readHashRef(c, i) ?? readCodeRef(c, i) ?? readSoRef(c, i);
    if (found === null) continue;
    const ref = withPlan(c, found);
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
  readonly refs: TaskRef[];
  readonly from: number;
  to: number;
}

/** "CDS2026 II.6 và II.7 xong": the one plan a group names is every task's of the group. */
function sharePlan(group: TaskGroup): TaskGroup {
  const named = new Set(group.refs.map((ref) => ref.plan).filter((plan) => plan !== null));
  if (named.size !== 1 || group.refs.every((ref) => ref.plan !== null)) return group;
  const [plan = null] = named;
  return { ...group, refs: group.refs.map((ref) => (ref.plan === null ? { ...ref, plan } : ref)) };
}

function taskRefOf(ref: RefMatch): TaskRef {
  return { code: ref.code, plan: ref.plan };
}

/**
 * One group per task: "II.6 xong, II.7 đang làm" is two; "II.6 và II.7 xong" one group of two tasks;
 * "II.3 chờ II.2 xong" one group for II.3 (II.2 is what it waits on). A segment naming none is one group.
 */
export function groupByTask(c: Clause): TaskGroup[] {
  const [first, ...rest] = findRefs(c);
  if (first === undefined) return [{ refs: [], from: 0, to: c.tokens.length }];
  const groups: TaskGroup[] = [];
  let current: TaskGroup = { refs: [taskRefOf(first)], from: 0, to: c.tokens.length };
  let lastEnd = first.end;
  for (const ref of rest) {
    const between = c.tokens.slice(lastEnd, ref.start);
    if (between.every((t) => WORD.refConnector.has(t.folded))) {
      if (!current.refs.some((known) => known.code === ref.code && known.plan === ref.plan)) {
        current.refs.push(taskRefOf(ref));
      }
    } else if (!WORD.dependencyBefore.has(folded(c, ref.start - 1))) {
      current.to = ref.start;
      groups.push(sharePlan(current));
      current = { refs: [taskRefOf(ref)], from: ref.start, to: c.tokens.length };
    }
    lastEnd = ref.end;
  }
  groups.push(sharePlan(current));
  return groups;
}

/** The first task a short answer names ("CDS2026 II.2", "II.2 (CDS)"), or null: for a typed choice. */
export function firstTaskRef(text: string): TaskRef | null {
  const [first] = findRefs({ tokens: tokenize(text), text, ctx: { accented: false, reference: null } });
  return first === undefined ? null : taskRefOf(first);
}
