// Vietnamese public holidays (Labor Code 2012 art. 115, Labor Code 2019 art. 112), solar and lunar.
// Lunar dates (Tết, Giỗ Tổ Hùng Vương) come from a table generated from date-holidays (lunar-dates.ts:
// the library's astronomy would cost ~20 MiB and tens of milliseconds a year in the running bot); this
// module adds what the law adds. Pure: no I/O, no clock.
import { addDays, dayOfWeek, formatLocalDate, isWeekend } from "./calendar.ts";
import { FIRST_LUNAR_YEAR, HUNG_KINGS_AFTER_TET, LAST_LUNAR_YEAR, TET_DAY_OF_YEAR } from "./lunar-dates.ts";

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
/** The statutory days of the Labor Code, one entry per day (Tết spans 5 days). */
function statutoryDays(year: number): Map<string, string> {
  const index = year - FIRST_LUNAR_YEAR;
  const tet = addDays(formatLocalDate(year, 1, 1), TET_DAY_OF_YEAR[index] ?? 0);
  const days = new Map<string, string>([[formatLocalDate(year, 1, 1), HOLIDAY_NAMES.newYear]]);
  // The last day of the lunar year and the first four of the new one.
  for (let i = -1; i < 4; i++) days.set(addDays(tet, i), HOLIDAY_NAMES.lunarNewYear);
  days.set(addDays(tet, HUNG_KINGS_AFTER_TET[index] ?? 0), HOLIDAY_NAMES.hungKings);
  days.set(formatLocalDate(year, 4, 30), HOLIDAY_NAMES.reunification);
  days.set(formatLocalDate(year, 5, 1), HOLIDAY_NAMES.labour);
  days.set(formatLocalDate(year, 9, 2), HOLIDAY_NAMES.national);
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
 * government decides each year are not computable and are not included. Memoised.
 */
export function vietnamHolidays(year: number): VietnamHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`year out of range ${FIRST_LUNAR_YEAR}-${LAST_LUNAR_YEAR}: ${year}`);
  }
  let list = cache.get(year);
  if (!list) {
    const statutory = statutoryDays(year);
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
    if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) return false;
    return load(year).has(localDate);
  };
}
