import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateOf } from "../../src/domain/calendar.ts";
import { dayNumberOf, localDayReader } from "../../src/domain/local-dates.ts";

// Zones with daylight saving (whole and half hours), odd offsets, and none.
const ZONES = [
  "Asia/Ho_Chi_Minh",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "America/St_Johns",
  "Pacific/Chatham",
  "Pacific/Apia",
];

describe("localDayReader", () => {
  it("dates every instant as localDateOf does, around daylight-saving switches too", () => {
    // One reader per zone for the whole run: what it keeps of one day must hold for the next instants.
    const readers = new Map(ZONES.map((zone) => [zone, localDayReader(zone)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse("1995-01-01T00:00:00Z"), max: Date.parse("2035-01-01T00:00:00Z") }),
        (zone, instant) => {
          expect(readers.get(zone)?.(instant)).toBe(dayNumberOf(localDateOf(new Date(instant), zone)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("dates the minutes around a switch right, read in any order from one reader", () => {
    // New York springs forward at 07:00Z on 8/3/2020 and falls back at 06:00Z on 1/11/2020.
    const reader = localDayReader("America/New_York");
    for (const switchAt of ["2020-03-08T07:00:00Z", "2020-11-01T06:00:00Z", "2020-11-02T04:59:59Z"]) {
      for (const minutes of [-300, -61, -1, 0, 1, 59, 61, 300]) {
        const instant = Date.parse(switchAt) + minutes * 60_000;
        expect(reader(instant)).toBe(dayNumberOf(localDateOf(new Date(instant), "America/New_York")));
      }
    }
  });
});
