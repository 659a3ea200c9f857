// Calendar dates as people write them, without the year or the day ("30/6", "tháng 6"), placed relative to
// the day a message was sent. Shared by the status parser and the away-message reader (../away-message.ts).
// Plain arithmetic on numbers: this runs for every date in every message, so no date library.

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date as written; a null day means the month's last day, a null year the next one on or after the reference. */
export interface DateParts {
  readonly day: number | null;
  readonly month: number;
  readonly year: number | null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
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

/** A number that orders days as their YYYY-MM-DD text does. */
function order(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

function dayNumber(d: Ymd): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

/** The number the ASCII digits text[from, to) write; NaN when another character is among them. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** The message's local day "YYYY-MM-DD" (anything may follow) as numbers; null when it is no real day. */
export function parseReference(text: string): Ymd | null {
  if (typeof text !== "string" || text.charAt(4) !== "-" || text.charAt(7) !== "-") return null;
  const ymd = { year: digitsAt(text, 0, 4), month: digitsAt(text, 5, 7), day: digitsAt(text, 8, 10) };
  return isValidYmd(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

export function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The written date as a day: a two-digit year is 20yy; a missing year is the first giving a date on or after
 * the reference. Null when no such day exists ("31/2", a year outside 1900–2199).
 */
export function resolveDay(parts: DateParts, reference: Ymd | null): Ymd | null {
  const { month } = parts;
  if (parts.year !== null) {
    const year = parts.year < 100 ? 2000 + parts.year : parts.year;
    if (month < 1 || month > 12 || year < 1900 || year > 2199) return null;
    const day = parts.day ?? daysInMonth(year, month);
    return isValidYmd(year, month, day) ? { year, month, day } : null;
  }
  if (reference === null || month < 1 || month > 12) return null;
  const floor = order(reference.year, reference.month, reference.day);
  // Eight years always reach a 29 February.
  for (let year = reference.year; year <= reference.year + 8; year++) {
    const day = parts.day ?? daysInMonth(year, month);
    if (isValidYmd(year, month, day) && order(year, month, day) >= floor) return { year, month, day };
  }
  return null;
}

/** resolveDay as YYYY-MM-DD. */
export function resolveDate(parts: DateParts, reference: Ymd | null): string | null {
  const day = resolveDay(parts, reference);
  return day === null ? null : iso(day.year, day.month, day.day);
}

/** The last occurrence of a date written without its year strictly before the reference. */
function lastBefore(parts: DateParts, reference: Ymd): Ymd | null {
  const today = order(reference.year, reference.month, reference.day);
  for (let year = reference.year; year >= reference.year - 8; year--) {
    const day = parts.day ?? daysInMonth(year, parts.month);
    if (isValidYmd(year, parts.month, day) && order(year, parts.month, day) < today)
      return { year, month: parts.month, day };
  }
  return null;
}

/**
 * Whether a date lies behind the message: written with its year, before the reference day; without it,
 * when its last occurrence is nearer than its next one ("30/6" sent on 5/7). The reference day itself is ahead.
 */
export function isPast(parts: DateParts, resolved: Ymd | null, reference: Ymd | null): boolean {
  if (resolved === null || reference === null) return false;
  const today = dayNumber(reference);
  if (parts.year !== null) return dayNumber(resolved) < today;
  const before = lastBefore(parts, reference);
  return before !== null && today - dayNumber(before) < dayNumber(resolved) - today;
}
