import { describe, expect, it } from "vitest";
import { readInstant } from "../../src/domain/date-time-input.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const DEFAULTS = { year: 2026, hour: 8, minute: 0 };
const read = (text: string) => readInstant(text, DEFAULTS, ZONE)?.toISOString() ?? null;

describe("dates typed for the demo clock (--at, :ngay)", () => {
  it.each([
    ["13/3/2020", "2020-03-13T01:00:00.000Z"],
    ["13/03/2020 08:00", "2020-03-13T01:00:00.000Z"],
    ["13-3-2020 14:30", "2020-03-13T07:30:00.000Z"],
    ["13.3.20 8h30", "2020-03-13T01:30:00.000Z"],
    ["13/3/2020 lúc 9h", "2020-03-13T02:00:00.000Z"],
    ["13/3", "2026-03-13T01:00:00.000Z"],
    ["2020-03-13", "2020-03-13T01:00:00.000Z"],
    ["2020-03-13T08:00", "2020-03-13T01:00:00.000Z"],
    ["2020-03-13T08:00:00", "2020-03-13T01:00:00.000Z"],
    ["2020-03-13T08:00:00+07:00", "2020-03-13T01:00:00.000Z"],
    ["2020-03-13T01:00Z", "2020-03-13T01:00:00.000Z"],
  ])("%s → %s (wall times in Asia/Ho_Chi_Minh)", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    "",
    "mai",
    "31/2/2020",
    "13/13/2020",
    "13/3/2020 25:00",
    "13/3/2020 8:75",
    "2020-02-30",
    "13/3/2020 abc",
  ])("%j is no date", (text) => {
    expect(read(text)).toBeNull();
  });
});
