// Plan timeframes (README: the report calendar): reading the "thời gian thực hiện" cells of a plan and deriving, per task,
// the years it is active and its due date. Pure.

export interface Timeframe {
  /** The cell text as written (trimmed). */
  text: string;
  fromYear: number;
  toYear: number;
  /** Last day of the timeframe, "YYYY-MM-DD". */
  dueDate: string;
}

export interface TaskSchedule {
  /** Sorted, distinct. */
  activeYears: number[];
  /** End of the task's last timeframe; null when it has none (or recurs every year). */
  dueDate: string | null;
  /** True when the task has no timeframe and waits on a condition ("Khi có ...", "Theo hiệu lực ..."). */
  conditional: boolean;
  /** Non-empty timeframe texts that could not be read, as written. */
  unreadable: string[];
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** Lower case, no diacritics, đ→d, single spaces, unified dashes: the form every pattern below matches. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one; UTC keeps the process zone out of it.
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function tf(text: string, fromYear: number, toYear: number, dueDate: string): Timeframe | null {
  if (!validYear(fromYear) || !validYear(toYear) || fromYear > toYear) return null;
  return { text, fromYear, toYear, dueDate };
}

type Reader = (m: RegExpExecArray, text: string) => Timeframe | null;

// Patterns over the folded text; each reads one timeframe.
const READERS: readonly [RegExp, Reader][] = [
  // "2019 - 2020", "2019-2020", "giai đoạn 2021-2025", "từ 2019 đến 2020", "năm 2019 - 2020", "2021-25"
  [
    /^(?:giai doan |thoi ky |nam |cac nam |tu nam |tu )?(\d{4}) ?(?:-|den|toi|\/) ?(?:nam )?(\d{4}|\d{2})$/,
    (m, text) => {
      const from = Number(m[1]);
      const rawTo = m[2] ?? "";
      const to = rawTo.length === 2 ? Math.floor(from / 100) * 100 + Number(rawTo) : Number(rawTo);
      return tf(text, from, to, `${to}-12-31`);
    },
  ],
  // "2020", "Năm 2020", "trong năm 2020", "cuối năm 2020"
  [
    /^(?:trong |cuoi |ca )?(?:nam )?(\d{4})$/,
    (m, text) => {
      const y = Number(m[1]);
      return tf(text, y, y, `${y}-12-31`);
    },
  ],
  // "Tháng 12/2019", "12/2019", "tháng 12 năm 2019", "trong tháng 12/2019", "12-2019"
  [
    /^(?:trong |cuoi |truoc |het )?(?:thang )?(\d{1,2}) ?(?:\/|-|nam) ?(\d{4})$/,
    (m, text) => {
      const month = Number(m[1]);
      const y = Number(m[2]);
      if (month < 1 || month > 12) return null;
      return tf(text, y, y, lastDayOfMonth(y, month));
    },
  ],
  // "Quý II/2020", "quý 2 năm 2020", "Q2/2020"
  [
    /^(?:trong |truoc |het )?(?:quy|q) ?(iv|iii|ii|i|[1-4]) ?(?:\/|-|nam) ?(\d{4})$/,
    (m, text) => {
      const q = ROMAN[m[1] ?? ""] ?? Number(m[1]);
      const y = Number(m[2]);
      return tf(text, y, y, lastDayOfMonth(y, q * 3));
    },
  ],
  // "6 tháng đầu năm 2020", "6 tháng cuối năm 2020", "9 tháng đầu năm 2020"
  [
    /^(\d{1,2}) thang (dau|cuoi) nam (\d{4})$/,
    (m, text) => {
      const months = Number(m[1]);
      const y = Number(m[3]);
      if (months < 1 || months > 12) return null;
      return tf(text, y, y, m[2] === "dau" ? lastDayOfMonth(y, months) : `${y}-12-31`);
    },
  ],
  // "30/6/2020", "trước ngày 30/6/2020", "trước 30/6/2020": a due day
  [
    /^(?:truoc |den |han |trong )?(?:ngay )?(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
    (m, text) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      const y = Number(m[3]);
      if (month < 1 || month > 12 || day < 1) return null;
      const last = lastDayOfMonth(y, month);
      if (day > Number(last.slice(8))) return null;
      return tf(text, y, y, `${y}-${pad2(month)}-${pad2(day)}`);
    },
  ],
];

/** Reads one timeframe ("2019 - 2020", "Tháng 12/2019", "Quý II/2020", ...); null when it is not one. */
export function parseTimeframe(text: string): Timeframe | null {
  const trimmed = text.trim();
  const folded = fold(trimmed).replace(/[.;,]+$/, "");
  if (!folded) return null;
  for (const [re, read] of READERS) {
    const m = re.exec(folded);
    if (m) return read(m, trimmed);
  }
  return null;
}

/**
 * Reads a cell that may list several timeframes ("2019; 2021 - 2025", "2019, 2020", "2019 và 2021").
 * Null unless every part is a timeframe.
 */
export function parseTimeframeList(text: string): Timeframe[] | null {
  const whole = parseTimeframe(text);
  if (whole) return [whole];
  const parts = text
    .split(/[;,\n]| và | and /)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length < 2) return null;
  const out: Timeframe[] = [];
  for (const p of parts) {
    const t = parseTimeframe(p);
    if (!t) return null;
    out.push(t);
  }
  return out;
}

// "Hằng" and "Hàng" both fold to "hang".
const RECURRING =
  /^(?:thuc hien )?(?:lien tuc |thuong xuyen )?hang nam$|^(?:thuc hien )?(?:thuong xuyen|lien tuc)$/;

/** "Hằng năm", "Hàng năm", "Thường xuyên", "Thực hiện liên tục hàng năm": every year, no end. */
export function isRecurringTimeframe(text: string): boolean {
  return RECURRING.test(fold(text).replace(/[.;,]+$/, ""));
}

// Notes that make a task wait on an outside event or document rather than on a date.
const CONDITIONAL =
  /^(?:khi |sau khi |neu |tuy (?:theo|thuoc) |cho |theo hieu luc |theo huong dan |theo chi dao |theo yeu cau |theo de an )/;

/**
 * Whether a note (or a timeframe cell) states a condition instead of a date: "Theo hiệu lực của Văn bản",
 * "Khi có Nghị định thay thế của Chính phủ", "Theo hướng dẫn của Chính phủ", "Khi có hướng dẫn của các bộ,
 * ngành Trung ương". "Thực hiện liên tục hàng năm" is recurring, not conditional.
 */
export function isConditionalNote(text: string): boolean {
  const f = fold(text);
  return f !== "" && CONDITIONAL.test(`${f} `);
}

function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/**
 * A task's schedule from its timeframe cells and note.
 * - Active years: the union of its timeframes; a recurring cell adds every year of the plan span.
 * - Due date: the end of its last timeframe; none when it has no timeframe or recurs.
 * - No readable timeframe: active every year of the plan span, no due date; conditional when the note
 *   (or a timeframe cell) is a conditional note.
 * - Unreadable cells are reported and otherwise ignored (the task then falls back to the plan span).
 */
export function taskSchedule(
  timeframeTexts: (string | null)[],
  note: string | null,
  planSpan: { fromYear: number; toYear: number },
): TaskSchedule {
  const years = new Set<number>();
  const unreadable: string[] = [];
  let dueDate: string | null = null;
  let recurring = false;
  let conditionalCell = false;

  for (const raw of timeframeTexts) {
    const text = raw?.trim() ?? "";
    if (text === "") continue;
    const list = parseTimeframeList(text);
    if (list) {
      for (const t of list) {
        for (const y of yearsBetween(t.fromYear, t.toYear)) years.add(y);
        if (dueDate === null || t.dueDate > dueDate) dueDate = t.dueDate;
      }
    } else if (isRecurringTimeframe(text)) {
      recurring = true;
    } else if (isConditionalNote(text)) {
      conditionalCell = true;
    } else {
      unreadable.push(text);
    }
  }

  const spanYears = yearsBetween(planSpan.fromYear, planSpan.toYear);
  if (years.size === 0) {
    return {
      activeYears: spanYears,
      dueDate: null,
      conditional: !recurring && (conditionalCell || (note !== null && isConditionalNote(note))),
      unreadable,
    };
  }
  if (recurring) {
    for (const y of spanYears) years.add(y);
    dueDate = null;
  }
  return { activeYears: [...years].sort((a, b) => a - b), dueDate, conditional: false, unreadable };
}

/** The plan's span: the first to the last year named by any timeframe; null when none can be read. */
export function planSpanOf(
  allTimeframeTexts: (string | null)[],
): { fromYear: number; toYear: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const raw of allTimeframeTexts) {
    if (raw === null) continue;
    for (const t of parseTimeframeList(raw) ?? []) {
      from = Math.min(from, t.fromYear);
      to = Math.max(to, t.toYear);
    }
  }
  return Number.isFinite(from) ? { fromYear: from, toYear: to } : null;
}
