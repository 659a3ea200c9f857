// localDateTimeOf asks Intl for a zone's offset once per UTC day (calendar.ts): it must agree with
// Intl on every instant, across daylight-saving changes (half-hour ones too) and a zone's old offsets.
import { describe, expect, it } from "vitest";
import { localDateTimeOf } from "../../src/domain/calendar.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl's own reading of an instant, asked every time. */
function intlReading(instant: Date, zone: string): string {
  const format =
    formats.get(zone) ??
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
  formats.set(zone, format);
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "?";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

function reading(instant: Date, zone: string): string {
  const local = localDateTimeOf(instant, zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.date} ${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

describe("the local time of an instant, with the zone's offset asked once per day", () => {
  it.each([["Asia/Ho_Chi_Minh"], ["America/New_York"], ["Australia/Lord_Howe"], ["Europe/Dublin"]])(
    "agrees with Intl through a year in %s, changes of offset included",
    (zone) => {
      const start = Date.parse("2020-01-01T00:00:00Z");
      const end = Date.parse("2021-01-01T00:00:00Z");
      const differing: string[] = [];
      // Every 47 minutes and 13 seconds: all times of day over the year, the hours of each change too.
      for (let instant = start; instant < end; instant += 47 * 60_000 + 13_000) {
        const at = new Date(instant);
        if (reading(at, zone) !== intlReading(at, zone)) differing.push(at.toISOString());
      }
      expect(differing).toEqual([]);
    },
  );

  it("agrees with Intl around Saigon's offset changes of the last century (seconds included)", () => {
    const zone = "Asia/Ho_Chi_Minh";
    const differing: string[] = [];
    for (let instant = Date.parse("1900-01-01T00:00:00Z"); instant < Date.parse("1980-01-01T00:00:00Z"); ) {
      const at = new Date(instant);
      if (reading(at, zone) !== intlReading(at, zone)) differing.push(at.toISOString());
      instant += 31 * 3_600_000 + 7_919;
    }
    expect(differing).toEqual([]);
  });
});
