import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_RULES, periodsOfYear } from "../../src/domain/calendar.ts";
import { dateText, dateTimeText, periodName } from "../../src/i18n/display.ts";
import { createTranslator } from "../../src/i18n/translator.ts";

describe("how dates and periods are shown", () => {
  it("names periods from locales: Quý IV/2026 in Vietnamese, Q4/2026 in English", () => {
    const periods = periodsOfYear(2026, DEFAULT_CALENDAR_RULES);
    expect(periods.map((p) => periodName(createTranslator("vi"), p))).toEqual([
      "Quý I/2026",
      "Quý II/2026",
      "Quý III/2026",
      "Quý IV/2026",
    ]);
    expect(periods.map((p) => periodName(createTranslator("en"), p))).toEqual([
      "Q1/2026",
      "Q2/2026",
      "Q3/2026",
      "Q4/2026",
    ]);
  });

  it("writes dates dd/mm/yyyy and instants in the calendar's zone, not the server's", () => {
    expect(dateText("2026-12-08")).toBe("08/12/2026");
    const instant = new Date("2026-12-07T21:13:00Z");
    expect(dateTimeText(instant, "Asia/Ho_Chi_Minh")).toBe("08/12/2026 04:13");
    expect(dateTimeText(instant, "UTC")).toBe("07/12/2026 21:13");
  });
});
