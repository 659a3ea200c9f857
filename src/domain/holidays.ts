// Vietnamese public holidays (Labor Code 2012 art. 115, Labor Code 2019 art. 112), solar and lunar.
// Lunar dates (Tết, Giỗ Tổ Hùng Vương) come from date-holidays; this module adds what the law adds and
// the library lacks. Pure: a library computation, no I/O, no clock.
import Holidays from "date-holidays";
import { addDays, dayOfWeek, formatLocalDate, isWeekend } from "./calendar.ts";

export type HolidayKind = "statutory" | "compensatory";

export interface VietnamHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
}

export const HOLIDAY_NAMES = {
  newYear: "Tết Dương lịch",
  lunarNewYear: "Tết Nguyên Đán",
  hungKings: "Giỗ Tổ Hùng Vương",
  reunification: "Ngày Giải phóng miền Nam",
  labour: "Quốc tế Lao động",
  national: "Quốc khánh",
} as const;

// The extra national-day holiday (one day next to 2/9) exists since the Labor Code 2019 took effect.
const NATIONAL_DAY_EXTRA_FROM = 2021;
// date-holidays' lunar tables are reliable over this range; outside it we refuse rather than guess.
const MIN_YEAR = 1950;
const MAX_YEAR = 2199;

function nameOf(libraryName: string, rule: string): string | null {
  // date-holidays' VN rules, matched on the rule text (stable) rather than the display name.
  if (rule === "01-01") return HOLIDAY_NAMES.newYear;
  if (rule.includes("vietnamese 1-0-1")) return HOLIDAY_NAMES.lunarNewYear;
  if (rule === "vietnamese 3-0-10") return HOLIDAY_NAMES.hungKings;
  if (rule === "04-30") return HOLIDAY_NAMES.reunification;
  if (rule === "05-01") return HOLIDAY_NAMES.labour;
  if (rule === "09-02") return HOLIDAY_NAMES.national;
  // An unknown public holiday (a future library version): keep the library's name.
  return libraryName || null;
}

const DAY_MS = 86_400_000;

/** The statutory days date-holidays knows, one entry per day (Tết expands to its 5 days). */
function libraryDays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  const hd = new Holidays("VN");
  for (const h of hd.getHolidays(year)) {
    if (h.type !== "public") continue;
    const name = nameOf(h.name, h.rule);
    if (!name) continue;
    const first = h.date.slice(0, 10);
    // `date` is the local date in Vietnam; the span (Tết's "P5D") is end - start in whole days.
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < length; i++) {
      const d = addDays(first, i);
      if (!days.has(d)) days.set(d, name);
    }
  }
  return days;
}

/**
 * The day the government adds next to 2/9 (from 2021). The Prime Minister picks 1/9 or 3/9 every year;
 * the rule below (bridge to the weekend) reproduces every decision of 2021-2025:
 * Mon→3/9 (2024), Tue→1/9 (2025), Thu→3/9 (2021), Fri→1/9 (2022), Sat→1/9 (2023).
 * Wednesday and Sunday have no bridge: 1/9 for Wednesday and 3/9 for Sunday (a working day) are guesses.
 */
export function nationalDayExtra(year: number): string {
  const sept2 = formatLocalDate(year, 9, 2);
  switch (dayOfWeek(sept2)) {
    case 1: // Monday: 1/9 is a Sunday already
    case 4: // Thursday: bridge to the weekend
    case 0: // Sunday: 1/9 is a Saturday already
      return formatLocalDate(year, 9, 3);
    default: // Tuesday, Wednesday, Friday, Saturday
      return formatLocalDate(year, 9, 1);
  }
}

/**
 * Compensatory days (nghỉ bù, Labor Code 2019 art. 111(3)): a holiday on a weekly rest day gives a day off
 * on the following working day. Offices rest on Saturday and Sunday.
 */
function compensatoryDays(statutory: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const sorted = [...statutory.keys()].sort();
  for (const d of sorted) {
    if (!isWeekend(d)) continue;
    let c = addDays(d, 1);
    while (isWeekend(c) || statutory.has(c) || out.has(c)) c = addDays(c, 1);
    out.set(c, `Nghỉ bù ${statutory.get(d) ?? ""}`.trim());
  }
  return out;
}

const cache = new Map<number, readonly VietnamHoliday[]>();

/**
 * Public holidays of a year in Vietnam, sorted by date, one entry per day off:
 * statutory days (Tết spans 5 days: the last day of the lunar year and the first four of the new one,
 * as date-holidays places it), the extra 2/9 day from 2021, and the compensatory days the Labor Code
 * gives for holidays on a weekend. Swapped working days and the exact placement of Tết that the
 * government decides each year are not computable and are not included.
 * Memoised: date-holidays' lunar computation costs tens of milliseconds per year.
 */
export function vietnamHolidays(year: number): VietnamHoliday[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year out of range ${MIN_YEAR}-${MAX_YEAR}: ${year}`);
  }
  let list = cache.get(year);
  if (!list) {
    const statutory = libraryDays(year);
    if (year >= NATIONAL_DAY_EXTRA_FROM) {
      const extra = nationalDayExtra(year);
      if (!statutory.has(extra)) statutory.set(extra, HOLIDAY_NAMES.national);
    }
    const compensatory = compensatoryDays(statutory);
    const all: VietnamHoliday[] = [
      ...[...statutory].map(([date, name]) => ({ date, name, kind: "statutory" as const })),
      ...[...compensatory].map(([date, name]) => ({ date, name, kind: "compensatory" as const })),
    ];
    all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    list = Object.freeze(all.map((h) => Object.freeze(h)));
    cache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

export interface HolidayCheckerOptions {
  /** Extra days off the government decided (e.g. a Tết arrangement), "YYYY-MM-DD". */
  extraDays?: readonly string[];
  /** Days this module lists that are working days after all (e.g. a swapped day). */
  workingDays?: readonly string[];
}

/**
 * A fast `isHoliday(localDate)`: each year's holidays are computed once, on first use, and the years
 * given are computed up front. Dates that are not "YYYY-MM-DD" or outside the supported years are
 * not holidays.
 */
export function makeHolidayChecker(
  years?: Iterable<number>,
  options: HolidayCheckerOptions = {},
): (localDate: string) => boolean {
  const byYear = new Map<number, ReadonlySet<string>>();
  const extra = new Set(options.extraDays ?? []);
  const working = new Set(options.workingDays ?? []);
  const load = (year: number): ReadonlySet<string> => {
    let set = byYear.get(year);
    if (!set) {
      set = new Set(vietnamHolidays(year).map((h) => h.date));
      byYear.set(year, set);
    }
    return set;
  };
  for (const y of years ?? []) load(y);
  return (localDate: string): boolean => {
    if (working.has(localDate)) return false;
    if (extra.has(localDate)) return true;
    const m = /^(\d{4})-\d{2}-\d{2}$/.exec(localDate);
    if (!m) return false;
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return false;
    return load(year).has(localDate);
  };
}
