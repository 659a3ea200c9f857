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

/** The message's local day "YYYY-MM-DD" as numbers; null when it is no real day. */
export function parseReference(text: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof text === "string" ? text : "");
  if (m === null) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

export function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The written date as YYYY-MM-DD: a two-digit year is 20yy; a missing year is the first giving a date on or
 * after the reference. Null when no such day exists ("31/2", a year outside 1900–2199).
 */
export function resolveDate(parts: DateParts, reference: Ymd | null): string | null {
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
export function isPast(parts: DateParts, resolved: string | null, reference: Ymd | null): boolean {
  if (resolved === null || reference === null) return false;
  const today = iso(reference.year, reference.month, reference.day);
  if (parts.year !== null) return resolved < today;
  const before = lastBefore(parts, reference);
  return before !== null && dayNumber(today) - dayNumber(before) < dayNumber(resolved) - dayNumber(today);
}
