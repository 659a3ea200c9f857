// Report times are local wall times; the per-day offset cache must agree with Intl on every instant,
// across daylight-saving changes too.
import { describe, expect, it } from "vitest";
import { localDateTimeOf } from "../../src/domain/calendar.ts";
import { localTimesIn } from "../../src/reports/local-times.ts";

describe("local times of many instants", () => {
  it.each([["Asia/Ho_Chi_Minh"], ["America/New_York"], ["Australia/Lord_Howe"], ["Europe/Dublin"]])(
    "agree with Intl through a year in %s, changes of offset included",
    (zone) => {
      const localTime = localTimesIn(zone);
      const start = Date.parse("2020-01-01T00:00:00Z");
      const end = Date.parse("2021-01-01T00:00:00Z");
      const differing: string[] = [];
      // Every 47 minutes and 13 seconds: all times of day over the year, the hours of each change too.
      for (let instant = start; instant < end; instant += 47 * 60_000 + 13_000) {
        const cached = JSON.stringify(localTime(new Date(instant)));
        if (cached !== JSON.stringify(localDateTimeOf(new Date(instant), zone))) {
          differing.push(new Date(instant).toISOString());
        }
      }
      expect(differing).toEqual([]);
    },
  );
});
