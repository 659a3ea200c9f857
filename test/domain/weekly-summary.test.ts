import { describe, expect, it } from "vitest";
import { dueWeeklySlot, parseWeeklySlot, weeklySlotExpiry } from "../../src/domain/weekly-summary.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const MONDAY_8 = { weekday: 1, hour: 8, minute: 0 };

describe("the weekly summary slot", () => {
  it.each([
    ["off", null],
    ["mon 08:00", MONDAY_8],
    ["MON-08:00", MONDAY_8],
    ["t2 08:00", MONDAY_8],
    ["cn 17:30", { weekday: 7, hour: 17, minute: 30 }],
    ["fri 7:05", { weekday: 5, hour: 7, minute: 5 }],
  ])("reads %j", (text, expected) => {
    expect(parseWeeklySlot(text)).toEqual(expected);
  });

  it.each(["monday", "mon", "mon 25:00", "xx 08:00", "08:00"])("refuses %j", (text) => {
    expect(parseWeeklySlot(text)).toBeUndefined();
  });

  it("is due on the weekday from its local time until the end of that day", () => {
    // Monday 9 March 2020 in Gia Lai.
    expect(dueWeeklySlot(new Date("2020-03-09T00:59:00Z"), ZONE, MONDAY_8)).toBeNull(); // 07:59 local
    const slot = dueWeeklySlot(new Date("2020-03-09T01:00:00Z"), ZONE, MONDAY_8);
    expect(slot).toEqual({ localDate: "2020-03-09", at: new Date("2020-03-09T01:00:00Z") });
    expect(dueWeeklySlot(new Date("2020-03-09T16:59:00Z"), ZONE, MONDAY_8)?.localDate).toBe("2020-03-09");
    // Tuesday local: missed slots are not sent late.
    expect(dueWeeklySlot(new Date("2020-03-09T17:00:00Z"), ZONE, MONDAY_8)).toBeNull();
    if (slot) expect(weeklySlotExpiry(slot, ZONE)).toEqual(new Date("2020-03-09T17:00:00Z"));
  });

  it("counts Sunday as day 7", () => {
    const sunday = { weekday: 7, hour: 9, minute: 0 };
    expect(dueWeeklySlot(new Date("2020-03-08T03:00:00Z"), ZONE, sunday)?.localDate).toBe("2020-03-08");
    expect(dueWeeklySlot(new Date("2020-03-09T03:00:00Z"), ZONE, sunday)).toBeNull();
  });
});
