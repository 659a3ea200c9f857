import { describe, expect, it } from "vitest";
import { dayOfWeek } from "../../src/domain/calendar.ts";
import { makeHolidayChecker, nationalDayExtra, vietnamHolidays } from "../../src/domain/holidays.ts";

function datesOf(year: number, name?: string): string[] {
  return vietnamHolidays(year)
    .filter((h) => name === undefined || h.name === name)
    .map((h) => h.date);
}

// Mùng 1 Tết and Giỗ Tổ (10/3 lunar) from published calendars, not from the code under test.
const LUNAR: [number, string, string][] = [
  [2019, "2019-02-05", "2019-04-14"],
  [2020, "2020-01-25", "2020-04-02"],
  [2021, "2021-02-12", "2021-04-21"],
  [2022, "2022-02-01", "2022-04-10"],
  [2023, "2023-01-22", "2023-04-29"],
  [2024, "2024-02-10", "2024-04-18"],
  [2025, "2025-01-29", "2025-04-07"],
  [2026, "2026-02-17", "2026-04-26"],
];

describe("vietnamHolidays", () => {
  it.each(LUNAR)("%i: Tết on %s and Giỗ Tổ Hùng Vương on %s", (year, tet, hungKings) => {
    const tetDays = datesOf(year, "Tết Nguyên Đán");
    // Five days: the last day of the lunar year and the first four of the new one.
    expect(tetDays).toHaveLength(5);
    expect(tetDays[1]).toBe(tet);
    expect(datesOf(year, "Giỗ Tổ Hùng Vương")).toEqual([hungKings]);
  });

  it.each([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026])("%i: the solar holidays", (year) => {
    const h = vietnamHolidays(year);
    const has = (date: string, name: string): boolean => h.some((x) => x.date === date && x.name === name);
    expect(has(`${year}-01-01`, "Tết Dương lịch")).toBe(true);
    expect(has(`${year}-04-30`, "Ngày Giải phóng miền Nam")).toBe(true);
    expect(has(`${year}-05-01`, "Quốc tế Lao động")).toBe(true);
    expect(has(`${year}-09-02`, "Quốc khánh")).toBe(true);
  });

  it("2019 in full: statutory days and the compensation for Giỗ Tổ on a Sunday", () => {
    expect(vietnamHolidays(2019)).toEqual([
      { date: "2019-01-01", name: "Tết Dương lịch", kind: "statutory" },
      { date: "2019-02-04", name: "Tết Nguyên Đán", kind: "statutory" },
      { date: "2019-02-05", name: "Tết Nguyên Đán", kind: "statutory" },
      { date: "2019-02-06", name: "Tết Nguyên Đán", kind: "statutory" },
      { date: "2019-02-07", name: "Tết Nguyên Đán", kind: "statutory" },
      { date: "2019-02-08", name: "Tết Nguyên Đán", kind: "statutory" },
      { date: "2019-04-14", name: "Giỗ Tổ Hùng Vương", kind: "statutory" },
      { date: "2019-04-15", name: "Nghỉ bù Giỗ Tổ Hùng Vương", kind: "compensatory" },
      { date: "2019-04-30", name: "Ngày Giải phóng miền Nam", kind: "statutory" },
      { date: "2019-05-01", name: "Quốc tế Lao động", kind: "statutory" },
      { date: "2019-09-02", name: "Quốc khánh", kind: "statutory" },
    ]);
  });

  it("lists public holidays only, not observances (8/3, Phật đản, Trung thu, 20/11)", () => {
    const dates = datesOf(2019);
    for (const d of ["2019-03-08", "2019-05-19", "2019-09-13", "2019-11-20", "2019-02-03"]) {
      expect(dates).not.toContain(d);
    }
  });

  it("Quốc khánh is one day until 2020 and two from 2021 (Labor Code 2019)", () => {
    expect(datesOf(2019, "Quốc khánh")).toEqual(["2019-09-02"]);
    expect(datesOf(2020, "Quốc khánh")).toEqual(["2020-09-02"]);
    // The days the government chose in 2021-2025.
    expect(datesOf(2021, "Quốc khánh")).toEqual(["2021-09-02", "2021-09-03"]);
    expect(datesOf(2022, "Quốc khánh")).toEqual(["2022-09-01", "2022-09-02"]);
    expect(datesOf(2023, "Quốc khánh")).toEqual(["2023-09-01", "2023-09-02"]);
    expect(datesOf(2024, "Quốc khánh")).toEqual(["2024-09-02", "2024-09-03"]);
    expect(datesOf(2025, "Quốc khánh")).toEqual(["2025-09-01", "2025-09-02"]);
  });

  it("nationalDayExtra bridges to the weekend", () => {
    expect(nationalDayExtra(2021)).toBe("2021-09-03"); // 2/9 Thursday
    expect(nationalDayExtra(2022)).toBe("2022-09-01"); // Friday
    expect(nationalDayExtra(2023)).toBe("2023-09-01"); // Saturday
    expect(nationalDayExtra(2024)).toBe("2024-09-03"); // Monday
    expect(nationalDayExtra(2025)).toBe("2025-09-01"); // Tuesday
    expect(nationalDayExtra(2026)).toBe("2026-09-01"); // Wednesday: a guess
    expect(nationalDayExtra(2029)).toBe("2029-09-03"); // Sunday: the Monday
  });

  it("gives the Labor Code's compensatory days for holidays on a weekend", () => {
    const comp = (year: number): string[] =>
      vietnamHolidays(year)
        .filter((h) => h.kind === "compensatory")
        .map((h) => h.date);
    expect(comp(2019)).toEqual(["2019-04-15"]);
    // 1/5/2021 Saturday → Monday 3/5 (as decided that year).
    expect(comp(2021)).toContain("2021-05-03");
    // 2022: 1/1 Sat → 3/1; Giỗ Tổ 10/4 Sun → 11/4; 30/4 Sat and 1/5 Sun → 2/5 and 3/5 (all as decided).
    expect(comp(2022)).toEqual(
      expect.arrayContaining(["2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03"]),
    );
    // 2023: 1/1 Sun → 2/1; Giỗ Tổ 29/4 Sat and 30/4 Sun → after 1/5: 2/5 and 3/5; 2/9 Sat → 4/9 (as decided).
    expect(comp(2023)).toEqual(
      expect.arrayContaining(["2023-01-02", "2023-05-02", "2023-05-03", "2023-09-04"]),
    );
    expect(comp(2026)).toContain("2026-04-27");
  });

  it("every compensatory day is a weekday that is not itself a statutory holiday", () => {
    for (let y = 2019; y <= 2030; y++) {
      const list = vietnamHolidays(y);
      const statutory = new Set(list.filter((h) => h.kind === "statutory").map((h) => h.date));
      for (const h of list.filter((x) => x.kind === "compensatory")) {
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(h.date));
        expect(statutory.has(h.date)).toBe(false);
        expect(h.name.startsWith("Nghỉ bù ")).toBe(true);
      }
    }
  });

  it("is sorted, one entry per day, within the year", () => {
    for (let y = 2019; y <= 2030; y++) {
      const dates = datesOf(y);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (const d of dates) expect(d.startsWith(`${y}-`)).toBe(true);
    }
  });

  it("uses Vietnamese names only", () => {
    const names = new Set(vietnamHolidays(2023).map((h) => h.name));
    expect([...names].sort()).toEqual(
      [
        "Giỗ Tổ Hùng Vương",
        "Nghỉ bù Giỗ Tổ Hùng Vương",
        "Nghỉ bù Ngày Giải phóng miền Nam",
        "Nghỉ bù Quốc khánh",
        "Nghỉ bù Tết Dương lịch",
        "Nghỉ bù Tết Nguyên Đán",
        "Ngày Giải phóng miền Nam",
        "Quốc khánh",
        "Quốc tế Lao động",
        "Tết Dương lịch",
        "Tết Nguyên Đán",
      ].sort(),
    );
  });

  it("returns a copy each time", () => {
    const a = vietnamHolidays(2020);
    a.pop();
    expect(vietnamHolidays(2020).length).toBe(a.length + 1);
  });

  it("refuses years it cannot compute", () => {
    expect(() => vietnamHolidays(1800)).toThrow(RangeError);
    expect(() => vietnamHolidays(2020.5)).toThrow(RangeError);
  });
});

describe("makeHolidayChecker", () => {
  const isHoliday = makeHolidayChecker([2019, 2020, 2021]);

  it("answers for the years given and, lazily, for any other", () => {
    expect(isHoliday("2020-04-02")).toBe(true); // Giỗ Tổ
    expect(isHoliday("2020-04-03")).toBe(false);
    expect(isHoliday("2021-09-03")).toBe(true);
    expect(isHoliday("2025-04-07")).toBe(true); // not preloaded
    expect(isHoliday("2025-04-08")).toBe(false);
  });

  it("agrees with vietnamHolidays on every day of 2019-2026", () => {
    const check = makeHolidayChecker();
    for (let y = 2019; y <= 2026; y++) {
      const expected = new Set(datesOf(y));
      const d = new Date(Date.UTC(y, 0, 1));
      while (d.getUTCFullYear() === y) {
        const iso = d.toISOString().slice(0, 10);
        expect(check(iso), iso).toBe(expected.has(iso));
        d.setUTCDate(d.getUTCDate() + 1);
      }
    }
  });

  it("weekends are not holidays by themselves (isWorkingDay handles them)", () => {
    expect(isHoliday("2020-03-21")).toBe(false);
  });

  it("is false for malformed dates and unsupported years", () => {
    expect(isHoliday("30/4/2020")).toBe(false);
    expect(isHoliday("")).toBe(false);
    expect(isHoliday("1800-01-01")).toBe(false);
  });

  it("takes the government's yearly decisions as extra and working days", () => {
    // Tết 2020 as decided: 23/1 (29 Tết) off; 30/1 worked.
    const check = makeHolidayChecker([2020], { extraDays: ["2020-01-23"], workingDays: ["2020-01-30"] });
    expect(check("2020-01-23")).toBe(true);
    expect(check("2020-01-30")).toBe(false);
    expect(makeHolidayChecker()("2020-01-30")).toBe(true);
  });

  it("is fast once a year is loaded", () => {
    const check = makeHolidayChecker([2020]);
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) check("2020-04-30");
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
