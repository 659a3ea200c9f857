import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { addDays, formatLocalDate } from "../../src/domain/calendar.ts";
import {
  FIRST_LUNAR_YEAR,
  HUNG_KINGS_AFTER_TET,
  LAST_LUNAR_YEAR,
  TET_DAY_OF_YEAR,
} from "../../src/domain/lunar-dates.ts";

// The table replaces date-holidays at run time (scripts/lunar-dates.mjs writes it); the library stays
// the reference. Every year would take seconds, so: the table's ends, every 25th year, and the years
// around the built-in plan.
const YEARS = [
  ...Array.from({ length: 10 }, (_, i) => FIRST_LUNAR_YEAR + 25 * i),
  ...Array.from({ length: 13 }, (_, i) => 2018 + i),
  LAST_LUNAR_YEAR,
];

const TET = "vietnamese 1-0-1";
const HUNG_KINGS = "vietnamese 3-0-10";
const library = new Holidays("VN");
// Only the two rules the table holds: each of the other lunar rules (observances) costs as much again.
for (const { rule } of library.getHolidays(2000, "en")) {
  if (rule !== TET && rule !== HUNG_KINGS) library.unsetRule(rule);
}

function libraryDate(year: number, rule: string): string | undefined {
  return library
    .getHolidays(year)
    .find((holiday) => holiday.rule === rule)
    ?.date.slice(0, 10);
}

describe("the lunar table", () => {
  it("has one entry a year from the first year to the last", () => {
    const years = LAST_LUNAR_YEAR - FIRST_LUNAR_YEAR + 1;
    expect([TET_DAY_OF_YEAR.length, HUNG_KINGS_AFTER_TET.length]).toEqual([years, years]);
  });

  it.each(YEARS)("gives date-holidays' Tết and Giỗ Tổ Hùng Vương in %i", (year) => {
    const tet = addDays(formatLocalDate(year, 1, 1), TET_DAY_OF_YEAR[year - FIRST_LUNAR_YEAR] ?? Number.NaN);
    const hungKings = addDays(tet, HUNG_KINGS_AFTER_TET[year - FIRST_LUNAR_YEAR] ?? Number.NaN);
    expect({ tet, hungKings }).toEqual({
      tet: libraryDate(year, TET),
      hungKings: libraryDate(year, HUNG_KINGS),
    });
  });
});
