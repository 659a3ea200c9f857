// Quick status updates in Vietnamese (SPEC §4): message text → ParsedUpdate[]. Pure and deterministic.
//
// How a message is read:
// 1. split into segments on newlines and ';', tokenise each (words, numbers, codes, dates, punctuation),
//    keeping per token how it was typed and its folded form (no diacritics);
// 2. find task references; cut the segment into one group per task (tasks joined by "và"/"," share one);
// 3. collect signals per group: obstacles (unless negated), done words (negated, future, partial, asked),
//    not-started and in-progress phrases, progress, the expected date;
// 4. resolve the status by SPEC §4 precedence; a segment naming no task continues the task before it.
//
// Words with diacritic-ambiguous folds ("tac" is tắc or tác, "ket" kẹt or kết, "cho" chờ or cho) match only
// when typed with the right diacritics, or, when typed bare, when the neighbouring words agree (CONTEXT_RULES).
//
// Choices beyond the SPEC's letter (kept here so they are easy to revisit):
// - A task code with nothing else ("II.2", "nhiệm vụ II.2 thế nào?") yields no update: it is a heading or a
//   question, and an update with every field null would store nothing; the caller answers with a hint.
// - An expected date must lie within a year before and ten years after the message; another ("1/1/1969") is
//   a typo and is not read as one. A figure with a minus sign ("-50%", "-1/3") is neither a progress nor a
//   date: it is left out and the rest of the message is read (nothing becomes a positive number).
// - An expected date with no other status ("II.2 dự kiến xong 30/6") means in_progress: not done yet.
// - A progress figure settles the status over the words, obstacles aside (progress-status.ts, shared with the
//   bot's storage): "hoàn thành 80% khối lượng" is in_progress, "xong 0%" not_started.
// - A progress over 100 ("đang làm 150%") cannot be a progress: it is carried as `progressOver100` so the
//   caller asks what was meant, and never changes the status by itself.
// - A date without its year is read as past when its last occurrence before the message is nearer than its
//   next one ("xong 30/6" sent on 5/7): like a past date written with its year, it says when something
//   happened, so with a done word it is a completion date, not an expected one. Only "dự kiến", "sẽ"…
//   make such a date expected (then its next occurrence). The message's own day counts as ahead.
// - An obstacle's text runs to the end of its segment, across commas and sentences, unless a later clause
//   states something else (a progress, a date, "đang làm", "đã xong", "dự kiến"…) or "nhưng" turns away.

import { statusWithProgress } from "./progress-status.ts";
import { MAX_SECTION, romanToInt, tryTaskCode } from "./task-code.ts";
import { foldWord, hasDiacritics, readNumberWords, type WordToken } from "./vietnamese.ts";

export type UpdateStatus = "done" | "in_progress" | "not_started" | "blocked";

export interface ParsedUpdate {
  /** Canonical task code ("II.2"), "#3" for the 3rd item of the list the bot last showed, or null. */
  taskRef: string | null;
  status: UpdateStatus | null;
  /** Integer 0–100. */
  progress: number | null;
  /** The obstacle's words as typed. */
  blocker: string | null;
  /** Expected completion date, YYYY-MM-DD. */
  eta: string | null;
  /** A progress figure over 100 as typed (150 for "150%"), which `progress` cannot hold; else null. */
  progressOver100: number | null;
}

// Caps keep the work bounded for pasted documents; real updates are far below them.
const MAX_INPUT_CHARS = 20_000;
const MAX_SEGMENTS = 50;
const MAX_SEGMENT_CHARS = 1_000;
const MAX_TOKENS = 200;
const MAX_UPDATES = 50;
const MAX_LIST_ITEM = 99;

// ---------------------------------------------------------------------------------------------------------
// Tokens and lexicon

interface Token extends WordToken {
  readonly start: number;
  readonly end: number;
  readonly bare: boolean;
  /** Numeric value of a plain number token ("80", "45,5"), else null. */
  readonly number: number | null;
  /** Has a letter or digit (not punctuation, not emoji). */
  readonly wordish: boolean;
  /** A figure typed with a minus sign ("-50%", "-1/3"): neither a progress nor a date. */
  readonly negative: boolean;
  /** Part of a task reference or a date: not a word of the update's meaning. */
  used: boolean;
  ref: boolean;
}

interface Context {
  /** The message is typed with diacritics, so a bare word means itself ("cho" is cho, not chờ). */
  readonly accented: boolean;
  readonly reference: Ymd | null;
}

/** A run of tokens being read, with the segment text they point into. */
interface Clause {
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly ctx: Context;
}

interface Lex {
  readonly folded: string;
  readonly form: string;
  readonly strict: boolean;
}

/** One list of alternatives per word position. */
type Phrase = readonly (readonly Lex[])[];

/** Phrases indexed by their first and last folded words, so a lookup only tries the plausible ones. */
interface PhraseList {
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
  readonly byLast: ReadonlyMap<string, readonly Phrase[]>;
}

// Folds that stand for several words in this domain: typed with diacritics, they must be spelled exactly.
const STRICT = new Set(
  (
    "tac ket cho dang vuong thieu so tam lam nam chan dung kho chua da dat gan muc den han thang ngay cuoi " +
    "trong quy phan tram the mac toi du doi"
  ).split(" "),
);

function lex(word: string): Lex {
  const form = word.normalize("NFC").toLowerCase();
  const folded = foldWord(form);
  return { folded, form, strict: STRICT.has(folded) };
}

/** "tạm dừng|ngừng": words separated by spaces, alternatives for one position by '|'. */
function phrases(...specs: string[]): PhraseList {
  const byFirst = new Map<string, Phrase[]>();
  const byLast = new Map<string, Phrase[]>();
  for (const spec of specs) {
    const phrase: Phrase = spec.split(" ").map((position) => position.split("|").map(lex));
    index(byFirst, phrase[0] ?? [], phrase);
    index(byLast, phrase.at(-1) ?? [], phrase);
  }
  return { byFirst, byLast };
}

function index(map: Map<string, Phrase[]>, alternatives: readonly Lex[], phrase: Phrase): void {
  for (const folded of new Set(alternatives.map((l) => l.folded))) {
    const list = map.get(folded) ?? [];
    list.push(phrase);
    map.set(folded, list);
  }
}

/** Folded words, for cheap neighbour checks. */
function words(spec: string): ReadonlySet<string> {
  return new Set(spec.split(" ").map(foldWord));
}

type ContextRule = (prev: string, next: string, ctx: Context) => boolean;

function notBetween(before: string, after: string): ContextRule {
  const deniedBefore = words(before);
  const deniedAfter = words(after);
  return (prev, next) => !deniedBefore.has(prev) && !deniedAfter.has(next);
}

// Compounds where the fold belongs to another word, whatever the diacritics ("công tác", "kết nối").
const CONTEXT_RULES: Readonly<Record<string, ContextRule>> = {
  tac: notBetween("cong hop thao canh phan", "gia dong phong nghiep pham quyen nhan vu chien dung"),
  ket: notBetween(
    "tong so lien doan cam ky chung gan hoan ban",
    "noi qua luan thuc hop xuat toan cau nap tinh",
  ),
  vuong: notBetween("met m km hinh de", "quoc trieu"),
  thieu: notBetween("toi giam", "nhi nien so"),
  the: notBetween("cu", "hien thao loai che le thuc tich luc nghiem"),
};

const WAIT_BEFORE = words("dang con van dung ngoi");
const GIVE_BEFORE = words("gui giao bao noi cap danh tra ban chuyen de lam giup xin trinh ho nop phat");
const WAIT_AFTER = words(
  "phe ky duyet y huong xin tham ubnd cap doi xet ket thong bo so van nguon kinh quyet trinh lanh hop giai tinh",
);

// Only for words typed without diacritics.
const BARE_RULES: Readonly<Record<string, ContextRule>> = {
  // "cho" is chờ (waiting) only in an unaccented message and next to waiting words: "dang cho", "cho phe duyet".
  cho: (prev, next, ctx) =>
    !ctx.accented && (WAIT_BEFORE.has(prev) || (!GIVE_BEFORE.has(prev) && WAIT_AFTER.has(next))),
  // "dang ky", "dang tai" are đăng ký, đăng tải.
  dang: notBetween("hinh", "ky tai nhap bai tin vien uy bo ke"),
};

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
function matchAny(c: Clause, i: number, list: PhraseList): number {
  let best = 0;
  for (const p of list.byFirst.get(folded(c, i)) ?? [])
    if (p.length > best && matchPhrase(c, i, p)) best = p.length;
  return best;
}

/** Length of a phrase ending at j, 0 if none. */
function endsWith(c: Clause, j: number, list: PhraseList): number {
  for (const p of list.byLast.get(folded(c, j)) ?? []) {
    if (j - p.length + 1 >= 0 && matchPhrase(c, j - p.length + 1, p)) return p.length;
  }
  return 0;
}

function folded(c: Clause, i: number): string {
  return c.tokens[i]?.folded ?? "";
}

// Task references
const NV = phrases("nhiệm vụ", "nv", "nvụ", "nhiemvu", "task");
const MUC = phrases("mục", "phần");
const SO = phrases("số");
/** After "nhiệm vụ" only: alone, "thứ 3" is Tuesday. */
const ORDINAL = phrases("số", "thứ");
const CODE_LINK = words(", : - thuộc của ở tại trong");
const DOC_BEFORE_SO = words(
  "định bản văn tư quyết thông nghị hoạch qđ cv tt nđ nq kh hiệu điện thoại phòng nhà tờ hồ",
);
const ARABIC_CODE_DENY_BEFORE = words(
  "ngày trước đến tới hạn khoảng tầm vào dk kiến được dc đạt bản version v lên từ",
);
const UNIT_AFTER = words("tỷ tỉ triệu tr nghìn ngàn đồng k km m kg gb mb tb ha giờ lần");
const REF_CONNECTORS = words(", & + / - . và với cùng and");
const DEPENDENCY_BEFORE = words("chờ đợi của thuộc như giống theo từ sau vào với cho");

// Status words
const NEGATORS = words("không ko k kh khg kg hk hông hok chẳng chả chưa");
const OBSTACLES = phrases(
  "vướng",
  "khó khăn",
  "kẹt",
  "tắc",
  "bị chặn|chắn|dừng|ngừng|treo|lỗi|hỏng",
  "tạm dừng|ngừng|ngưng|hoãn",
  "ngừng triển khai|thực",
  "chưa|không|ko|k|kh|khg|chẳng thể",
  "không|ko|k|chưa|chẳng đủ",
  "thiếu",
  "trục trặc",
  "trở ngại",
  "sự cố",
  "gặp vấn đề",
);
const OBSTACLE_SKIP = words("có gặp còn bị hề thấy phát sinh gì xong được đc vấn đề nào");
const OBSTACLE_RESOLVED = words("hết quyết phục gỡ nếu");
const OBSTACLE_QUESTION_SKIP = words("gì mắc");
const DONE = phrases(
  "xong",
  "hoàn thành",
  "hoàn tất",
  "hoànthành",
  "ht",
  "done",
  "finish",
  "finished",
  "completed",
);
const DONE_NEG_SKIP = words("làm được đc triển khai thực hiện hẳn hoàn toàn kịp xử lý");
const PAST = phrases("đã", "vừa", "mới");
const SOON = phrases("sắp", "gần", "gần như");
const FUTURE = phrases(
  "dự kiến",
  "dk",
  "dự định",
  "sẽ",
  "định",
  "phấn đấu",
  "cố gắng",
  "mai",
  "phải",
  "cần",
  "tuần sau|tới",
  "tháng sau|tới",
);
const HYPOTHETICAL = phrases("khi", "nếu", "bao giờ", "khi nào", "lúc nào", "để", "chờ", "đợi", "mong");
const NOT_A_PART = words("mềm cứng");
const HT_AFTER = words("đã da được dc đc");
const DUOC = words("được đc dc");
const PARTIAL = phrases("phần", "giai đoạn", "bước", "một|1 phần", "một nửa", "nửa", "phân nửa", "đợt");
const QUESTION_TAIL = words("chưa không ko k");
const QUESTION_WORDS = words("đâu sao nào gì chưa không ko hả hông bao mấy");
const QUESTION_SKIP = words("hết rồi r được đc");
const NOT_STARTED = phrases(
  "chưa làm",
  "chưa triển khai",
  "chưa thực hiện",
  "chưa bắt đầu|tay",
  "chưa tiến hành",
  "chưa khởi động|công",
  "chưa động",
  "chưa có gì",
  "chưa được triển khai|thực|làm",
  "chưa xây dựng",
);
const DANG = phrases("đang");
const IN_PROGRESS = phrases(
  "chờ",
  "đợi",
  "tiếp tục",
  "làm|triển tiếp",
  "vẫn làm",
  "đã|mới|vừa triển khai",
  "đã|mới|vừa bắt đầu",
  "đã|mới|vừa khởi động",
  "bắt đầu triển khai|thực|làm",
  "đã trình",
  "trình ký",
  "in progress",
  "doing",
);

// Progress
const PERCENT = phrases("%", "phần trăm", "phầntrăm");
const HALF = phrases("một|1 nửa", "phân nửa", "nửa");
const PROGRESS_CUES = phrases(
  "được",
  "đc",
  "dc",
  "đạt",
  "tiến độ",
  "tđ",
  "td",
  "hoàn thành",
  "xong",
  "tỷ|tỉ lệ",
  "lên",
);
const FRACTION_CUES = phrases("được", "đc", "dc", "đạt");
const PROGRESS_FILLER = words("khoảng tầm gần hơn trên cỡ chừng mới là lên tới hiện tại ước được dc đạt chỉ");
const NEGATABLE_CUES = words("được đc dc đạt tới đến lên");

// Expected dates
const ETA_STRONG = phrases("dự kiến", "dk", "dự định", "sẽ", "phấn đấu", "kế hoạch", "mục tiêu");
const ETA_WEAK = phrases(
  "trước",
  "đến",
  "tới",
  "hạn",
  "deadline",
  "khoảng",
  "tầm",
  "vào",
  "chậm nhất",
  "trong",
  "xong",
  "hoàn thành",
  "hoàn tất",
  "ht",
);
const FROM = phrases("từ");
const DATE_TO_DONE = words("là thì sẽ có thể mới chắc");
const DONE_TO_DATE = words("trước vào khoảng trong ngày đến tới tầm hạn");
const NGAY = phrases("ngày");
const THANG = phrases("tháng");
const NAM = phrases("năm");
const CUOI = phrases("cuối");
const QUY = phrases("quý");
const THIS = words("này nay");
const NEXT = words("sau tới");

// Shared
const CLAUSE_BREAK = words(", . ! ? : ( ) [ ]");
const FILLER = words(
  "ạ a à ah aj ak ha nhé nha nhe nhen nhá nghe nhỉ ne nè em e anh chị c ơi oi thôi rồi r rùi vậy đấy đó luôn " +
    "nhưng và mà ok oke bác sếp ad admin bạn",
);

// ---------------------------------------------------------------------------------------------------------
// Dates

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date as written; a null day means the month's last day, a null year the next one on or after the reference. */
interface DateParts {
  readonly day: number | null;
  readonly month: number;
  readonly year: number | null;
}

interface DateSpan {
  readonly start: number;
  readonly end: number;
  /** YYYY-MM-DD, null when not a real date ("31/2"). */
  readonly iso: string | null;
  /** Before the reference (see isPast): a date something happened, not an expected one. */
  readonly past: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1900 &&
    year <= 2199 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function parseReference(text: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof text === "string" ? text : "");
  if (m === null) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The written date as YYYY-MM-DD: a missing year is the first giving a date on or after the reference. */
function resolveDate(parts: DateParts, reference: Ymd | null): string | null {
  const { month } = parts;
  if (parts.year !== null) {
    const year = parts.year < 100 ? 2000 + parts.year : parts.year;
    if (month < 1 || month > 12 || year < 1900 || year > 2199) return null;
    const day = parts.day ?? daysInMonth(year, month);
    return isValidYmd(year, month, day) ? iso(year, month, day) : null;
  }
  if (reference === null || month < 1 || month > 12) return null;
  const floor = iso(reference.year, reference.month, reference.day);
  // Eight years always reach a 29 February.
  for (let year = reference.year; year <= reference.year + 8; year++) {
    const day = parts.day ?? daysInMonth(year, month);
    if (!isValidYmd(year, month, day)) continue;
    const candidate = iso(year, month, day);
    if (candidate >= floor) return candidate;
  }
  return null;
}

function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

/** The last occurrence of a date written without its year strictly before the reference. */
function lastBefore(parts: DateParts, reference: Ymd): string | null {
  const today = iso(reference.year, reference.month, reference.day);
  for (let year = reference.year; year >= reference.year - 8; year--) {
    const day = parts.day ?? daysInMonth(year, parts.month);
    if (!isValidYmd(year, parts.month, day)) continue;
    const candidate = iso(year, parts.month, day);
    if (candidate < today) return candidate;
  }
  return null;
}

/**
 * Whether a date lies behind the message: written with its year, before the reference day; without it,
 * when its last occurrence is nearer than its next one ("30/6" sent on 5/7). The reference day itself is ahead.
 */
function isPast(parts: DateParts, resolved: string | null, reference: Ymd | null): boolean {
  if (resolved === null || reference === null) return false;
  const today = iso(reference.year, reference.month, reference.day);
  if (parts.year !== null) return resolved < today;
  const before = lastBefore(parts, reference);
  return before !== null && dayNumber(today) - dayNumber(before) < dayNumber(resolved) - dayNumber(today);
}

function smallInt(t: Token | undefined, min: number, max: number): number | null {
  if (t === undefined || t.used || !/^\d{1,4}$/.test(t.folded)) return null;
  const value = Number(t.folded);
  return value >= min && value <= max ? value : null;
}

/** "30/6", "30-6-2021", "15.4.2020". */
function readNumericDate(c: Clause, i: number): (DateParts & { length: number }) | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  const m = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?$/.exec(t.folded);
  // "2.5%" and "1.5 tỷ" are amounts, "được 2/3" a fraction.
  if (m === null || matchAny(c, i + 1, PERCENT) > 0 || UNIT_AFTER.has(folded(c, i + 1))) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (m[3] === undefined && day <= month && hasCueBefore(c, i, FRACTION_CUES)) return null;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { day, month, year: m[3] === undefined ? null : Number(m[3]), length: 1 };
}

/** A month after "tháng": "6", "6/2021", "này" (this month), "sau"/"tới" (next month). */
function readMonth(c: Clause, i: number): { month: number; year: number | null; length: number } | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  const m = /^(\d{1,2})(?:[/-](\d{4}))?$/.exec(t.folded);
  if (m !== null) {
    const month = Number(m[1]);
    if (month < 1 || month > 12) return null;
    const explicit = m[2] === undefined ? null : Number(m[2]);
    const year = explicit ?? (matchAny(c, i + 1, NAM) > 0 ? smallInt(c.tokens[i + 2], 1900, 2199) : null);
    return { month, year, length: explicit === null && year !== null ? 3 : 1 };
  }
  const ref = c.ctx.reference;
  if (ref === null) return null;
  if (THIS.has(t.folded)) return { month: ref.month, year: ref.year, length: 1 };
  if (NEXT.has(t.folded)) {
    const next =
      ref.month === 12 ? { month: 1, year: ref.year + 1 } : { month: ref.month + 1, year: ref.year };
    return { ...next, length: 1 };
  }
  return null;
}

/** "ngày 30 tháng 6 [năm 2021]", "30 tháng 6". */
function readWordDate(c: Clause, i: number): (DateParts & { length: number }) | null {
  let k = i + matchAny(c, i, NGAY);
  const day = smallInt(c.tokens[k], 1, 31);
  if (day === null || matchAny(c, k + 1, THANG) === 0) return null;
  const month = readMonth(c, k + 2);
  if (month === null) return null;
  k += 2 + month.length;
  return { day, month: month.month, year: month.year, length: k - i };
}

/** "cuối tháng 6", "trong tháng này", "tháng 7": the month's last day. Not "3 tháng tới" (a duration). */
function readMonthEnd(c: Clause, i: number): (DateParts & { length: number }) | null {
  const k = i + matchAny(c, i, CUOI);
  if (matchAny(c, k, THANG) === 0 || c.tokens[k - 1]?.number != null) return null;
  const month = readMonth(c, k + 1);
  return month === null
    ? null
    : { day: null, month: month.month, year: month.year, length: k + 1 - i + month.length };
}

/** "cuối năm [2020]". */
function readYearEnd(c: Clause, i: number): (DateParts & { length: number }) | null {
  if (matchAny(c, i, CUOI) === 0 || matchAny(c, i + 1, NAM) === 0) return null;
  const year = smallInt(c.tokens[i + 2], 1900, 2199);
  return { day: 31, month: 12, year, length: year === null ? 2 : 3 };
}

/** "quý 3", "quý III/2020": the quarter's last day. */
function readQuarterEnd(c: Clause, i: number): (DateParts & { length: number }) | null {
  if (matchAny(c, i, QUY) === 0) return null;
  const m = /^(iv|i{1,3}|[1-4])(?:\/(\d{4}))?$/.exec(folded(c, i + 1));
  if (m === null || c.tokens[i + 1]?.used) return null;
  const quarter = /^\d$/.test(m[1] ?? "") ? Number(m[1]) : (romanToInt(m[1] ?? "") ?? 0);
  return { day: null, month: quarter * 3, year: m[2] === undefined ? null : Number(m[2]), length: 2 };
}

function readDateAt(c: Clause, i: number): (DateParts & { length: number }) | null {
  return (
    readNumericDate(c, i) ??
    readWordDate(c, i) ??
    readMonthEnd(c, i) ??
    readYearEnd(c, i) ??
    readQuarterEnd(c, i)
  );
}

/** Every date in the clause; their tokens are marked used so their numbers are not read as progress. */
function findDates(c: Clause): DateSpan[] {
  const spans: DateSpan[] = [];
  for (let i = 0; i < c.tokens.length; i++) {
    const date = readDateAt(c, i);
    if (date === null) continue;
    const resolved = resolveDate(date, c.ctx.reference);
    spans.push({
      start: i,
      end: i + date.length,
      iso: resolved,
      past: isPast(date, resolved, c.ctx.reference),
    });
    for (let k = i; k < i + date.length; k++) {
      const t = c.tokens[k];
      if (t !== undefined) t.used = true;
    }
    i += date.length - 1;
  }
  return spans;
}

/** Scans at most `limit` tokens back from j, stopping at a clause break. */
function* backwards(c: Clause, j: number, limit: number): Generator<number> {
  for (let k = j, steps = 0; k >= 0 && steps < limit; k--, steps++) {
    if (CLAUSE_BREAK.has(folded(c, k))) return;
    yield k;
  }
}

/**
 * "dự kiến xong 30/3", "trước 15/4", "30/6 là xong"; not "đã xong trước 15/3", not "từ 15/3".
 * Only "dự kiến" and the like make a past date expected.
 */
function isEtaContext(c: Clause, span: DateSpan): boolean {
  if (endsWith(c, span.start - 1, FROM) > 0) return false;
  let weak = false;
  let past = false;
  for (const k of backwards(c, span.start - 1, 5)) {
    if (endsWith(c, k, ETA_STRONG) > 0) return true;
    if (endsWith(c, k, PAST) > 0) past = true;
    else if (endsWith(c, k, ETA_WEAK) > 0) weak = true;
  }
  if (span.past) return false;
  if (weak && !past) return true;
  for (let k = span.end, steps = 0; k < c.tokens.length && steps < 3; k++, steps++) {
    if (matchAny(c, k, DONE) > 0) return true;
    if (!DATE_TO_DONE.has(folded(c, k))) break;
  }
  return false;
}

// An expected date more than a year behind the message or ten ahead is a typo, not a plan ("1/1/1969").
const ETA_YEARS_BEHIND = 1;
const ETA_YEARS_AHEAD = 10;

function isPlausibleEta(isoDate: string, reference: Ymd | null): boolean {
  if (reference === null) return true;
  const { year, month, day } = reference;
  return (
    isoDate >= iso(year - ETA_YEARS_BEHIND, month, day) && isoDate <= iso(year + ETA_YEARS_AHEAD, month, day)
  );
}

function findEta(c: Clause, dates: readonly DateSpan[]): string | null {
  for (const span of dates) {
    if (span.iso !== null && isPlausibleEta(span.iso, c.ctx.reference) && isEtaContext(c, span))
      return span.iso;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Task references

interface RefMatch {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** A bare section: "II", "v", "3". */
function sectionOf(t: Token | undefined): number | null {
  if (t === undefined || t.used) return null;
  if (/^\d{1,2}$/.test(t.folded)) return smallInt(t, 1, MAX_SECTION);
  if (!/^[ivx]+$/.test(t.folded)) return null;
  const value = romanToInt(t.folded);
  return value !== null && value <= MAX_SECTION ? value : null;
}

/** "2.2" is a code unless it reads as a percentage, an amount, a date or a version. */
function arabicCodeAllowed(c: Clause, i: number): boolean {
  const next = folded(c, i + 1);
  if (matchAny(c, i + 1, PERCENT) > 0 || UNIT_AFTER.has(next)) return false;
  return !ARABIC_CODE_DENY_BEFORE.has(folded(c, i - 1));
}

/** A code in one token: "II.2", "ii-2", "II/2", "2.2". */
function codeOf(c: Clause, i: number): string | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  const roman = /^([ivx]+)[./-](\d{1,2})$/.exec(t.folded);
  if (roman !== null) return tryTaskCode(roman[1] ?? "", Number(roman[2]));
  const arabic = /^(\d{1,2})\.(\d{1,2})$/.exec(t.folded);
  if (arabic !== null && arabicCodeAllowed(c, i)) return tryTaskCode(Number(arabic[1]), Number(arabic[2]));
  return null;
}

/** "nv3", "nv.3", "nv-3" in one token. */
function listNumberOf(t: Token | undefined): number | null {
  const m = t === undefined || t.used ? null : /^nvu?[.-]?(\d{1,2})$/.exec(t.folded);
  const n = m === null ? 0 : Number(m[1]);
  return n >= 1 && n <= MAX_LIST_ITEM ? n : null;
}

/** "[,] [thuộc] mục II" after a task number. */
function readSectionSuffix(c: Clause, j: number): { section: number; end: number } | null {
  let k = j;
  for (let skipped = 0; skipped < 2 && CODE_LINK.has(folded(c, k)); skipped++) k++;
  const muc = matchAny(c, k, MUC);
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
    const nv = matchAny(c, j, NV);
    if (nv === 0) return null;
    j += nv;
    j += matchAny(c, j, ORDINAL);
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
  const muc = matchAny(c, i, MUC);
  if (muc === 0) return null;
  const code = codeOf(c, i + muc);
  if (code !== null) return { code, start: i, end: i + muc + 1 };
  const section = sectionOf(c.tokens[i + muc]);
  if (section === null) return null;
  let k = i + muc + 1;
  for (let skipped = 0; skipped < 2 && CODE_LINK.has(folded(c, k)); skipped++) k++;
  const nv = matchAny(c, k, NV);
  if (nv === 0) return null;
  k += nv;
  k += matchAny(c, k, ORDINAL);
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
  if (matchAny(c, i, SO) === 0 || DOC_BEFORE_SO.has(folded(c, i - 1))) return null;
  const n = smallInt(c.tokens[i + 1], 1, MAX_LIST_ITEM);
  return n === null ? null : { code: `#${n}`, start: i, end: i + 2 };
}

function readCodeRef(c: Clause, i: number): RefMatch | null {
  const code = codeOf(c, i);
  return code === null ? null : { code, start: i, end: i + 1 };
}

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

interface Group {
  readonly refs: string[];
  readonly from: number;
  to: number;
}

/**
 * One group per task: "II.6 xong, II.7 đang làm" is two; "II.6 và II.7 xong" one group of two tasks;
 * "II.3 chờ II.2 xong" one group for II.3 (II.2 is what it waits on).
 */
function groupByRefs(c: Clause, refs: readonly RefMatch[]): Group[] {
  const [first, ...rest] = refs;
  if (first === undefined) return [{ refs: [], from: 0, to: c.tokens.length }];
  const groups: Group[] = [];
  let current: Group = { refs: [first.code], from: 0, to: c.tokens.length };
  let lastEnd = first.end;
  for (const ref of rest) {
    const between = c.tokens.slice(lastEnd, ref.start);
    if (between.every((t) => REF_CONNECTORS.has(t.folded))) {
      if (!current.refs.includes(ref.code)) current.refs.push(ref.code);
    } else if (!DEPENDENCY_BEFORE.has(folded(c, ref.start - 1))) {
      current.to = ref.start;
      groups.push(current);
      current = { refs: [ref.code], from: ref.start, to: c.tokens.length };
    }
    lastEnd = ref.end;
  }
  groups.push(current);
  return groups;
}

// ---------------------------------------------------------------------------------------------------------
// Signals

interface Signals {
  blocker: string | null;
  done: boolean;
  negatedDone: boolean;
  notStarted: boolean;
  inProgress: boolean;
  progress: number | null;
  progressOver100: number | null;
  eta: string | null;
}

function hasSignal(s: Signals): boolean {
  return (
    s.blocker !== null ||
    s.done ||
    s.negatedDone ||
    s.notStarted ||
    s.inProgress ||
    s.progress !== null ||
    s.progressOver100 !== null ||
    s.eta !== null
  );
}

function isTrailing(t: Token): boolean {
  return !t.wordish || FILLER.has(t.folded);
}

/** "có vướng gì không?", "xong chưa anh?": asked, not stated. */
function isQuestionAfter(c: Clause, k: number, skip: ReadonlySet<string>): boolean {
  let j = k;
  while (j < c.tokens.length && skip.has(folded(c, j))) j++;
  const tail = QUESTION_TAIL.has(folded(c, j));
  const rest = c.tokens.slice(tail ? j + 1 : j);
  return (tail || rest.some((t) => t.folded === "?")) && rest.every(isTrailing);
}

/** "không vướng gì", "không có khó khăn", "chưa gặp vướng mắc", "đã tháo gỡ khó khăn". */
function isObstacleNegated(c: Clause, i: number): boolean {
  for (const k of backwards(c, i - 1, 4)) {
    const word = folded(c, k);
    if (NEGATORS.has(word) || OBSTACLE_RESOLVED.has(word)) return true;
    if (!OBSTACLE_SKIP.has(word)) return false;
  }
  return false;
}

/** "nhưng" (but) turns away from the obstacle; "những" (plural) is part of it. */
function isBut(t: Token): boolean {
  return t.folded === "nhung" && (t.bare || t.lower === "nhưng");
}

const STATUS_OPENERS = [DANG, DONE, NOT_STARTED, IN_PROGRESS, PROGRESS_CUES, ETA_STRONG];

/** The clause starting at k states a status of its own: "đạt 40%", "đang làm", "đã xong", "dự kiến 30/6". */
function statesStatus(c: Clause, k: number): boolean {
  let m = k;
  while (m < c.tokens.length && FILLER.has(folded(c, m))) m++;
  const opens = (j: number) => STATUS_OPENERS.some((list) => matchAny(c, j, list) > 0);
  if (opens(m) || (matchAny(c, m, PAST) > 0 && opens(m + 1))) return true;
  for (let j = m; j < c.tokens.length && !CLAUSE_BREAK.has(folded(c, j)); j++) {
    const t = c.tokens[j] as Token;
    if ((t.used && !t.ref) || matchAny(c, j, PERCENT) > 0) return true;
  }
  return false;
}

/**
 * The obstacle as typed, whole: from the obstacle word to the end of the segment, across commas and
 * sentences, unless "nhưng" or a clause stating a status ends it; without trailing particles.
 */
function blockerText(c: Clause, i: number): string {
  let end = i;
  for (let j = i + 1; j < c.tokens.length; j++) {
    const t = c.tokens[j] as Token;
    if (t.ref || isBut(t) || (CLAUSE_BREAK.has(t.folded) && statesStatus(c, j + 1))) break;
    end = j;
  }
  while (end > i && c.tokens[end] !== undefined && isTrailing(c.tokens[end] as Token)) end--;
  const first = c.tokens[i];
  const last = c.tokens[end];
  if (first === undefined || last === undefined) return "?";
  return c.text.slice(first.start, last.end).replace(/\s+/g, " ").trim();
}

function findBlocker(c: Clause): string | null {
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, OBSTACLES);
    if (length === 0 || isObstacleNegated(c, i) || isQuestionAfter(c, i + length, OBSTACLE_QUESTION_SKIP))
      continue;
    return blockerText(c, i);
  }
  return null;
}

type DoneKind = "claim" | "negated" | "pending" | "ignored";

/** "chưa xong", "chưa làm xong", "k kịp hoàn thành". */
function isDoneNegated(c: Clause, i: number): boolean {
  for (const k of backwards(c, i - 1, 3)) {
    const word = folded(c, k);
    if (NEGATORS.has(word)) return true;
    if (!DONE_NEG_SKIP.has(word)) return false;
  }
  return false;
}

type Mood = "claim" | "soon" | "future" | "hypothetical" | null;

/** What the nearest word before a done word makes of it: "đã xong", "sắp xong", "dự kiến xong", "khi xong". */
function moodBefore(c: Clause, i: number): Mood {
  for (const k of backwards(c, i - 1, 4)) {
    if (endsWith(c, k, PAST) > 0) return "claim";
    if (endsWith(c, k, HYPOTHETICAL) > 0) return "hypothetical";
    if (endsWith(c, k, SOON) > 0) return "soon";
    if (endsWith(c, k, FUTURE) > 0) return "future";
  }
  return null;
}

function onlyWordsIn(c: Clause, from: number, to: number, allowed: ReadonlySet<string>): boolean {
  return to - from <= 2 && c.tokens.slice(from, to).every((t) => allowed.has(t.folded));
}

/** "30/6 là xong", "xong trước 30/6": the done word belongs to an expected date. */
function isNearDate(c: Clause, i: number, length: number, dates: readonly DateSpan[]): boolean {
  return dates.some(
    (d) =>
      !d.past &&
      ((d.end <= i && onlyWordsIn(c, d.end, i, DATE_TO_DONE)) ||
        (d.start >= i + length && onlyWordsIn(c, i + length, d.start, DONE_TO_DATE))),
  );
}

/** "xong phần máy chủ", "hoàn thành giai đoạn 1": part of the task ("phần mềm" is software). */
function isPartialAfter(c: Clause, k: number): boolean {
  const length = matchAny(c, k, PARTIAL);
  if (length === 0) return false;
  return !(length === 1 && folded(c, k) === "phan" && NOT_A_PART.has(folded(c, k + 1)));
}

/** "ht" is hoàn thành only as a status ("ht r", "đã ht", "V.7 ht"); before a noun it is hệ thống. */
function isHtStatus(c: Clause, i: number): boolean {
  const next = c.tokens[i + 1];
  if (next === undefined || isTrailing(next) || next.number !== null) return true;
  return HT_AFTER.has(folded(c, i - 1));
}

function classifyDone(c: Clause, i: number, length: number, dates: readonly DateSpan[]): DoneKind {
  if (folded(c, i) === "ht" && !isHtStatus(c, i)) return "ignored";
  if (isDoneNegated(c, i)) return "negated";
  if (isQuestionAfter(c, i + length, QUESTION_SKIP)) return "ignored";
  const mood = moodBefore(c, i);
  if (mood === "hypothetical") return "ignored";
  if (mood === "soon" || mood === "future") return "pending";
  if (mood !== "claim" && isNearDate(c, i, length, dates)) return "pending";
  return isPartialAfter(c, i + length) ? "pending" : "claim";
}

function applyDoneWords(c: Clause, dates: readonly DateSpan[], s: Signals): void {
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, DONE);
    if (length === 0) continue;
    const kind = classifyDone(c, i, length, dates);
    if (kind === "claim") s.done = true;
    else if (kind === "negated") s.negatedDone = true;
    else if (kind === "pending") s.inProgress = true;
    i += length - 1;
  }
}

/** "chưa làm", "chưa triển khai được"; but "chưa làm xong" is a negated done. */
function hasNotStarted(c: Clause): boolean {
  for (let i = 0; i < c.tokens.length; i++) {
    const length = matchAny(c, i, NOT_STARTED);
    if (length === 0) continue;
    let k = i + length;
    while (DUOC.has(folded(c, k))) k++;
    if (matchAny(c, k, DONE) === 0) return true;
  }
  return false;
}

function hasInProgress(c: Clause): boolean {
  for (let i = 0; i < c.tokens.length; i++) {
    if (matchAny(c, i, IN_PROGRESS) > 0) return true;
    const next = c.tokens[i + 1];
    if (matchAny(c, i, DANG) > 0 && next !== undefined && next.wordish) return true;
  }
  return false;
}

interface NumberAt {
  readonly value: number;
  readonly length: number;
  readonly digits: boolean;
  /** "2/3": a share of the work, in percent. */
  readonly fraction: boolean;
}

function readNumberAt(c: Clause, i: number): NumberAt | null {
  const t = c.tokens[i];
  if (t === undefined || t.used) return null;
  if (t.number !== null) return { value: t.number, length: 1, digits: true, fraction: false };
  const share = /^(\d{1,3})\/(\d{1,3})$/.exec(t.folded);
  if (share !== null && Number(share[1]) <= Number(share[2]) && Number(share[2]) > 0) {
    return { value: (Number(share[1]) * 100) / Number(share[2]), length: 1, digits: true, fraction: true };
  }
  const half = matchAny(c, i, HALF);
  if (half > 0) return { value: 50, length: half, digits: false, fraction: false };
  const spoken = readNumberWords(c.tokens, i);
  if (spoken === null) return null;
  for (let k = i; k < i + spoken.length; k++) if (c.tokens[k]?.used) return null;
  return { value: spoken.value, length: spoken.length, digits: false, fraction: false };
}

/** "được 80", "đạt khoảng 80", "tiến độ hiện tại 70". */
function hasCueBefore(c: Clause, i: number, cues: PhraseList): boolean {
  let j = i - 1;
  for (let skipped = 0; skipped < 3 && PROGRESS_FILLER.has(folded(c, j)); skipped++) {
    if (endsWith(c, j, cues) > 0) return true;
    j--;
  }
  return endsWith(c, j, cues) > 0;
}

/** A number without '%' counts only at the end of its clause: "được 30", not "được 30 người". */
function endsProgress(c: Clause, k: number): boolean {
  const t = c.tokens[k];
  return t === undefined || isTrailing(t) || CLAUSE_BREAK.has(t.folded);
}

/** "chưa đạt 100%", "chưa được 50". */
function isProgressNegated(c: Clause, i: number): boolean {
  const prev = folded(c, i - 1);
  return NEGATORS.has(prev) || (NEGATABLE_CUES.has(prev) && NEGATORS.has(folded(c, i - 2)));
}

function isProgressFuture(c: Clause, i: number): boolean {
  for (const k of backwards(c, i - 1, 5)) if (endsWith(c, k, ETA_STRONG) > 0) return true;
  return false;
}

function isProgressCandidate(c: Clause, i: number, n: NumberAt): boolean {
  if (n.fraction) return hasCueBefore(c, i, FRACTION_CUES);
  const after = i + n.length;
  if (matchAny(c, after, PERCENT) > 0) return true;
  if (!endsProgress(c, after)) return false;
  // Spoken numbers without '%' only from ten up, so "làm được không" is not 0%.
  if (hasCueBefore(c, i, PROGRESS_CUES)) return n.digits || n.value >= 10;
  return n.digits && c.tokens[i - 1]?.ref === true;
}

/**
 * The last progress figure stated as fact; a negated one ("chưa đạt 100%") only says in progress. A percentage
 * over 100 is kept apart, for the caller to ask about; over 100 without '%' ("đạt 150") is a count, not progress.
 */
function findProgress(c: Clause, s: Signals): void {
  for (let i = 0; i < c.tokens.length; i++) {
    const n = readNumberAt(c, i);
    if (n === null) continue;
    const value = Math.round(n.value);
    const fits = value <= 100 || matchAny(c, i + n.length, PERCENT) > 0;
    if (fits && isProgressCandidate(c, i, n)) {
      if (isProgressNegated(c, i)) s.inProgress = true;
      else if (!isProgressFuture(c, i)) {
        s.progress = value <= 100 ? value : null;
        s.progressOver100 = value <= 100 ? null : value;
      }
    }
    i += n.length - 1;
  }
}

/** "II.2 đang làm tới đâu rồi?": a final clause that asks carries no status. */
function muteQuestion(c: Clause): void {
  let end = c.tokens.length - 1;
  while (end >= 0 && folded(c, end) !== "?" && isTrailing(c.tokens[end] as Token)) end--;
  if (folded(c, end) !== "?") return;
  let start = end;
  while (start > 0 && !CLAUSE_BREAK.has(folded(c, start - 1))) start--;
  const clause = c.tokens.slice(start, end);
  if (clause.some((t) => QUESTION_WORDS.has(t.folded))) for (const t of clause) t.used = true;
}

/** A negative figure is no progress and no date; task codes are read before it ("-2.2 xong" is a bullet). */
function muteNegatives(c: Clause): void {
  for (const t of c.tokens) if (t.negative) t.used = true;
}

function readSignals(c: Clause): Signals {
  muteQuestion(c);
  muteNegatives(c);
  const dates = findDates(c);
  const s: Signals = {
    blocker: findBlocker(c),
    done: false,
    negatedDone: false,
    notStarted: hasNotStarted(c),
    inProgress: hasInProgress(c),
    progress: null,
    progressOver100: null,
    eta: findEta(c, dates),
  };
  applyDoneWords(c, dates, s);
  findProgress(c, s);
  return s;
}

/** SPEC §4 precedence of the words (blocked > done > not_started > in_progress), then the one progress rule. */
function resolveStatus(s: Signals): UpdateStatus | null {
  return statusWithProgress(wordStatus(s), s.progress);
}

function wordStatus(s: Signals): UpdateStatus | null {
  if (s.blocker !== null) return "blocked";
  if (s.done) return "done";
  if (s.notStarted) return "not_started";
  if (s.inProgress || s.negatedDone || s.eta !== null) return "in_progress";
  return null;
}

function mergeSignals(a: Signals, b: Signals): Signals {
  return {
    blocker: a.blocker ?? b.blocker,
    done: a.done || b.done,
    negatedDone: a.negatedDone || b.negatedDone,
    notStarted: a.notStarted || b.notStarted,
    inProgress: a.inProgress || b.inProgress,
    // The last figure stated wins, whether it fits in 0–100 or not.
    ...(b.progress !== null || b.progressOver100 !== null
      ? { progress: b.progress, progressOver100: b.progressOver100 }
      : { progress: a.progress, progressOver100: a.progressOver100 }),
    eta: a.eta ?? b.eta,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Messages

const TOKEN_RE =
  /\d+,\d+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[./-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const NUMBER_RE = /^\d{1,6}(?:[.,]\d{1,3})?$/;
const WORDISH = /[\p{L}\p{N}]/u;
const MINUS = new Set(["-", "\u2212"]);
// Before a minus sign: nothing, a space or an opening mark. After a figure or '%' it is a range ("10%-20%").
const BEFORE_SIGN = /^$|^[\s(:=[]$/u;

/** "-50%", "(-1/3)": a sign glued to a figure; "- 50%" is a bullet, "50-60%" one token. */
function isNegative(text: string, start: number, raw: string): boolean {
  return /^\d/.test(raw) && MINUS.has(text.charAt(start - 1)) && BEFORE_SIGN.test(text.charAt(start - 2));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    if (tokens.length >= MAX_TOKENS) break;
    const raw = m[0];
    const start = m.index ?? 0;
    const lower = raw.toLowerCase();
    const fold = foldWord(raw);
    tokens.push({
      lower,
      folded: fold,
      start,
      end: start + raw.length,
      bare: lower === fold,
      number: NUMBER_RE.test(fold) ? Number(fold.replace(",", ".")) : null,
      wordish: WORDISH.test(raw),
      negative: isNegative(text, start, raw),
      used: false,
      ref: false,
    });
  }
  return tokens;
}

interface SegmentPart {
  readonly refs: readonly string[];
  signals: Signals;
}

function readSegment(text: string, ctx: Context): SegmentPart[] {
  const whole: Clause = { tokens: tokenize(text), text, ctx };
  return groupByRefs(whole, findRefs(whole)).map((group) => ({
    refs: group.refs,
    signals: readSignals({ tokens: whole.tokens.slice(group.from, group.to), text, ctx }),
  }));
}

/** Control and format characters become spaces (line separators newlines); NFKC unifies NFD and full-width input. */
function sanitize(text: string): string {
  return text
    .slice(0, MAX_INPUT_CHARS)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (ch) =>
      ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029" ? "\n" : " ",
    )
    .normalize("NFKC");
}

/** A segment naming no task continues the task before it, unless it states a different status. */
function attachTaskless(parts: readonly SegmentPart[]): SegmentPart[] {
  if (!parts.some((p) => p.refs.length > 0)) {
    const withSignal = parts.filter((p) => hasSignal(p.signals));
    const [first, ...rest] = withSignal;
    if (first === undefined) return [];
    return [{ refs: [], signals: rest.reduce((acc, p) => mergeSignals(acc, p.signals), first.signals) }];
  }
  const out: SegmentPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.refs.length > 0) out.push({ refs: part.refs, signals: part.signals });
    else if (!hasSignal(part.signals)) continue;
    else if (last !== undefined && last.refs.length > 0 && continues(last.signals, part.signals)) {
      last.signals = mergeSignals(last.signals, part.signals);
    } else out.push({ refs: [], signals: part.signals });
  }
  return out;
}

function continues(previous: Signals, next: Signals): boolean {
  const before = resolveStatus(previous);
  const after = resolveStatus(next);
  return before === null || after === null || after === "blocked" || before === after;
}

function toUpdate(taskRef: string | null, s: Signals): ParsedUpdate {
  const status = resolveStatus(s);
  return {
    taskRef,
    status,
    progress: s.progress,
    blocker: status === "blocked" ? s.blocker : null,
    eta: s.eta,
    progressOver100: s.progressOver100,
  };
}

function parse(text: string, referenceDate: string): ParsedUpdate[] {
  const clean = sanitize(text);
  const ctx: Context = { accented: hasDiacritics(clean), reference: parseReference(referenceDate) };
  const segments = clean
    .split(/[\n;]+/)
    .filter((segment) => segment.trim() !== "")
    .slice(0, MAX_SEGMENTS);
  const parts = segments.flatMap((segment) => readSegment(segment.slice(0, MAX_SEGMENT_CHARS), ctx));
  return attachTaskless(parts)
    .flatMap((part) => (part.refs.length > 0 ? part.refs : [null]).map((ref) => toUpdate(ref, part.signals)))
    .filter((u) => u.status !== null || u.progress !== null || u.eta !== null || u.progressOver100 !== null)
    .slice(0, MAX_UPDATES);
}

/**
 * The status updates a message carries (SPEC §4), in the order written; [] when it carries none
 * (a greeting, a question, thanks, a bare task code). Never throws.
 * @param referenceDate local date "YYYY-MM-DD" the message was sent, for the year of an expected date.
 */
export function parseStatusMessage(text: string, referenceDate: string): ParsedUpdate[] {
  if (typeof text !== "string") return [];
  try {
    return parse(text, referenceDate);
  } catch {
    // The rules above are total; this guards the chat against a future regression, never hides input.
    return [];
  }
}
