import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  type CalendarRules,
  DEFAULT_CALENDAR_RULES,
  DEFAULT_REMINDER_SCHEDULE,
  dayOfWeek,
  firstPeriod,
  instantAtLocal,
  isQuietTime,
  isValidLocalDate,
  isWorkingDay,
  localDateOf,
  localDateTimeOf,
  nextPeriod,
  nextWorkingDay,
  type PlannedReminder,
  periodByKey,
  periodContaining,
  periodOf,
  periodsOfYear,
  previousPeriod,
  previousWorkingDay,
  type ReminderSchedule,
  type ReportingPeriod,
  reminderTimes,
  shiftOutOfQuietHours,
} from "../../src/domain/calendar.ts";
import { makeHolidayChecker } from "../../src/domain/holidays.ts";
import { periodName } from "../../src/i18n/display.ts";
import { createTranslator } from "../../src/i18n/translator.ts";

const rules = DEFAULT_CALENDAR_RULES;
const zone = rules.zone;
const schedule = DEFAULT_REMINDER_SCHEDULE;
const isHoliday = makeHolidayChecker([2019, 2020, 2021]);
const noHolidays = (): boolean => false;
const vi = createTranslator("vi");

/** An instant from a wall-clock time in Vietnam (UTC+7, no DST), written independently of the code under test. */
function vn(local: string): Date {
  return new Date(`${local}+07:00`);
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("unexpected null");
  return value;
}

function period(key: string): ReportingPeriod {
  return must(periodByKey(key, rules));
}

describe("process time zone", () => {
  // Set by calendar.tz.test.ts when it reruns this file under another TZ: proves the TZ really applied.
  const expected = process.env.NHACVIEC_EXPECT_TZ;
  it.runIf(expected !== undefined)("runs under the requested TZ", () => {
    // Compare offsets rather than names: ICU may report Asia/Ho_Chi_Minh as Asia/Saigon.
    for (const iso of ["2020-01-15T12:00:00Z", "2020-07-15T12:00:00Z"]) {
      const d = new Date(iso);
      const wall = localDateTimeOf(d, expected ?? "UTC");
      const wallMs = Date.parse(`${wall.date}T${String(wall.hour).padStart(2, "0")}:00:00Z`);
      expect(-d.getTimezoneOffset() + 0).toBe((wallMs - Date.parse(iso)) / 60_000 + 0);
    }
  });
  it("the Gia Lai rules use Asia/Ho_Chi_Minh from 2019 Q2", () => {
    expect(rules).toEqual({ zone: "Asia/Ho_Chi_Minh", firstYear: 2019, firstQuarter: 2 });
  });
});

describe("periodsOfYear", () => {
  it("2019 has no Q1: reporting starts with Q2", () => {
    expect(periodsOfYear(2019, rules).map((p) => p.key)).toEqual(["2019-Q2", "2019-Q3", "2019-Q4"]);
  });

  it("years before the first year have no periods", () => {
    expect(periodsOfYear(2018, rules)).toEqual([]);
  });

  it("2020 and 2021 have four quarters", () => {
    expect(periodsOfYear(2020, rules).map((p) => p.key)).toEqual([
      "2020-Q1",
      "2020-Q2",
      "2020-Q3",
      "2020-Q4",
    ]);
    expect(periodsOfYear(2021, rules).map((p) => periodName(vi, p))).toEqual([
      "Quý I/2021",
      "Quý II/2021",
      "Quý III/2021",
      "Quý IV/2021",
    ]);
  });

  const table: [string, string, string, string, string, number | null, string][] = [
    // key, Vietnamese name, due, window from, window to, cumulative, deadline (UTC)
    ["2019-Q2", "Quý II/2019", "2019-06-20", "2019-03-15", "2019-06-14", 6, "2019-06-19T17:00:00.000Z"],
    ["2019-Q3", "Quý III/2019", "2019-09-20", "2019-06-15", "2019-09-14", 9, "2019-09-19T17:00:00.000Z"],
    ["2019-Q4", "Quý IV/2019", "2019-12-20", "2019-09-15", "2019-12-14", 12, "2019-12-19T17:00:00.000Z"],
    ["2020-Q1", "Quý I/2020", "2020-03-20", "2019-12-15", "2020-03-14", null, "2020-03-19T17:00:00.000Z"],
    ["2020-Q2", "Quý II/2020", "2020-06-20", "2020-03-15", "2020-06-14", 6, "2020-06-19T17:00:00.000Z"],
    ["2020-Q3", "Quý III/2020", "2020-09-20", "2020-06-15", "2020-09-14", 9, "2020-09-19T17:00:00.000Z"],
    ["2020-Q4", "Quý IV/2020", "2020-12-20", "2020-09-15", "2020-12-14", 12, "2020-12-19T17:00:00.000Z"],
    ["2021-Q1", "Quý I/2021", "2021-03-20", "2020-12-15", "2021-03-14", null, "2021-03-19T17:00:00.000Z"],
    ["2021-Q2", "Quý II/2021", "2021-06-20", "2021-03-15", "2021-06-14", 6, "2021-06-19T17:00:00.000Z"],
    ["2021-Q3", "Quý III/2021", "2021-09-20", "2021-06-15", "2021-09-14", 9, "2021-09-19T17:00:00.000Z"],
    ["2021-Q4", "Quý IV/2021", "2021-12-20", "2021-09-15", "2021-12-14", 12, "2021-12-19T17:00:00.000Z"],
  ];

  it.each(table)(
    "%s: %s due %s, data %s..%s, cumulative %s",
    (key, label, due, from, to, cumulative, deadline) => {
      const p = period(key);
      expect(p.key).toBe(key);
      expect(periodName(vi, p)).toBe(label);
      expect(p.dueDateLocal).toBe(due);
      expect(p.dataWindow).toEqual({ from, to });
      expect(p.cumulativeMonths).toBe(cumulative);
      expect(p.deadline.toISOString()).toBe(deadline);
      expect(p.deadline.getTime()).toBe(vn(`${due}T00:00:00`).getTime());
    },
  );

  it("the periods of 2019-2021 tile time: each opens at the previous deadline", () => {
    const all = [2019, 2020, 2021].flatMap((y) => periodsOfYear(y, rules));
    expect(all).toHaveLength(11);
    for (let i = 1; i < all.length; i++) {
      expect(must(all[i]).opensAt.getTime()).toBe(must(all[i - 1]).deadline.getTime());
    }
  });

  it("the data windows of consecutive periods are contiguous", () => {
    const all = [2019, 2020, 2021].flatMap((y) => periodsOfYear(y, rules));
    for (let i = 1; i < all.length; i++) {
      expect(must(all[i]).dataWindow.from).toBe(addDays(must(all[i - 1]).dataWindow.to, 1));
    }
  });

  it("the first period opens at the deadline its predecessor would have had (20/3/2019)", () => {
    expect(firstPeriod(rules).opensAt.toISOString()).toBe("2019-03-19T17:00:00.000Z");
  });

  it("Q1 2020 opens at the Q4 2019 deadline", () => {
    expect(period("2020-Q1").opensAt.toISOString()).toBe("2019-12-19T17:00:00.000Z");
  });

  it("follows other first periods", () => {
    const r: CalendarRules = { zone, firstYear: 2021, firstQuarter: 1 };
    expect(periodsOfYear(2020, r)).toEqual([]);
    expect(periodsOfYear(2021, r).map((p) => p.key)).toEqual(["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]);
  });

  it("computes in the configured zone", () => {
    const utcRules: CalendarRules = { ...rules, zone: "UTC" };
    expect(must(periodOf(2020, 1, utcRules)).deadline.toISOString()).toBe("2020-03-20T00:00:00.000Z");
    // New York is on daylight time (UTC-4) by 20/3/2020.
    const nyRules: CalendarRules = { ...rules, zone: "America/New_York" };
    expect(must(periodOf(2020, 1, nyRules)).deadline.toISOString()).toBe("2020-03-20T04:00:00.000Z");
    expect(must(periodOf(2020, 4, nyRules)).deadline.toISOString()).toBe("2020-12-20T05:00:00.000Z");
  });
});

describe("periodContaining", () => {
  const cases: [string, string, string][] = [
    ["19/3/2020 23:59:59 local", "2020-03-19T23:59:59", "2020-Q1"],
    ["19/3/2020 23:59:59.999 local", "2020-03-19T23:59:59.999", "2020-Q1"],
    ["20/3/2020 00:00 local", "2020-03-20T00:00:00", "2020-Q2"],
    ["20/3/2020 08:00 local", "2020-03-20T08:00:00", "2020-Q2"],
    ["15/12/2019", "2019-12-15T10:00:00", "2019-Q4"],
    ["19/12/2019 23:59 local", "2019-12-19T23:59:00", "2019-Q4"],
    ["20/12/2019 00:00 local", "2019-12-20T00:00:00", "2020-Q1"],
    ["21/12/2019", "2019-12-21T09:00:00", "2020-Q1"],
    ["31/12/2019 23:00 local (already 2020 nowhere else)", "2019-12-31T23:00:00", "2020-Q1"],
    ["1/1/2021 03:00 local = 31/12/2020 in UTC", "2021-01-01T03:00:00", "2021-Q1"],
    ["19/6/2019 (first period)", "2019-06-19T12:00:00", "2019-Q2"],
    ["20/6/2019 00:00 local", "2019-06-20T00:00:00", "2019-Q3"],
    ["before the first period: 25/3/2019", "2019-03-25T12:00:00", "2019-Q2"],
    ["before the first period: 1/1/2019", "2019-01-01T12:00:00", "2019-Q2"],
    ["long before: 2015", "2015-07-01T12:00:00", "2019-Q2"],
    ["14/9/2021", "2021-09-14T12:00:00", "2021-Q3"],
    ["20/9/2021 00:00 local", "2021-09-20T00:00:00", "2021-Q4"],
  ];

  it.each(cases)("%s → %s", (_label, local, key) => {
    expect(periodContaining(vn(local), rules).key).toBe(key);
  });

  it("the deadline instant itself belongs to the next period, one millisecond earlier to this one", () => {
    for (const p of [2019, 2020, 2021].flatMap((y) => periodsOfYear(y, rules))) {
      expect(periodContaining(new Date(p.deadline.getTime() - 1), rules).key).toBe(p.key);
      expect(periodContaining(p.deadline, rules).key).toBe(nextPeriod(p, rules).key);
    }
  });

  it("every instant from 2019 to 2030 lies in [opensAt, deadline) of its period (first period aside)", () => {
    const first = firstPeriod(rules);
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z") }),
        (d) => {
          fc.pre(!Number.isNaN(d.getTime()));
          const p = periodContaining(d, rules);
          expect(d.getTime()).toBeLessThan(p.deadline.getTime());
          if (p.key !== first.key) expect(d.getTime()).toBeGreaterThanOrEqual(p.opensAt.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rejects an invalid date", () => {
    expect(() => periodContaining(new Date(Number.NaN), rules)).toThrow(RangeError);
  });
});

describe("periodByKey", () => {
  it.each([
    ["2020-Q1", "2020-Q1"],
    ["2020Q1", "2020-Q1"],
    ["2020 Q1", "2020-Q1"],
    ["2020-q4", "2020-Q4"],
    ["Q1/2020", "2020-Q1"],
    ["q2-2020", "2020-Q2"],
    ["Q3 2020", "2020-Q3"],
    ["Quý I/2020", "2020-Q1"],
    ["Quý IV/2021", "2021-Q4"],
    ["quý iii/2021", "2021-Q3"],
    ["Quy 2/2020", "2020-Q2"],
    ["Quý II năm 2020", "2020-Q2"],
    ["  2021-Q2  ", "2021-Q2"],
  ])("%s → %s", (text, key) => {
    expect(periodByKey(text, rules)?.key).toBe(key);
  });

  it.each([
    "2019-Q1",
    "Q1/2019",
    "2018-Q4",
    "2020-Q5",
    "2020-Q0",
    "2020",
    "Q1",
    "abc",
    "",
    "20-Q1",
    "2020-Q1x",
  ])("%s → null", (text) => {
    expect(periodByKey(text, rules)).toBeNull();
  });

  it("gives the same period as periodOf", () => {
    expect(periodByKey("2020-Q3", rules)).toEqual(periodOf(2020, 3, rules));
  });
});

describe("nextPeriod / previousPeriod", () => {
  it("steps across years and stops before the first period", () => {
    expect(nextPeriod(period("2019-Q4"), rules).key).toBe("2020-Q1");
    expect(previousPeriod(period("2020-Q1"), rules)?.key).toBe("2019-Q4");
    expect(previousPeriod(period("2019-Q2"), rules)).toBeNull();
  });
});

describe("local dates and working days", () => {
  it("localDateOf reads the date in the zone, not in the process zone", () => {
    const instant = new Date("2020-03-19T17:00:00Z");
    expect(localDateOf(instant, zone)).toBe("2020-03-20");
    expect(localDateOf(instant, "UTC")).toBe("2020-03-19");
    expect(localDateOf(new Date("2020-03-19T16:59:59Z"), zone)).toBe("2020-03-19");
    expect(localDateTimeOf(new Date("2020-03-19T17:30:15Z"), zone)).toEqual({
      date: "2020-03-20",
      hour: 0,
      minute: 30,
      second: 15,
    });
  });

  it("localDateTimeOf is right inside New York's spring-forward gap (dayjs's .tz() is not)", () => {
    // 2020-03-08 07:00Z is 03:00 EDT in New York and 14:00 in Vietnam.
    expect(localDateTimeOf(new Date("2020-03-08T07:00:00Z"), zone)).toMatchObject({
      date: "2020-03-08",
      hour: 14,
    });
    expect(localDateTimeOf(new Date("2020-03-07T19:00:00Z"), zone)).toMatchObject({
      date: "2020-03-08",
      hour: 2,
    });
  });

  it("instantAtLocal is the inverse of localDateTimeOf", () => {
    expect(instantAtLocal("2020-03-20", 8, 0, zone).toISOString()).toBe("2020-03-20T01:00:00.000Z");
    expect(instantAtLocal("2020-01-01", 0, 0, zone).toISOString()).toBe("2019-12-31T17:00:00.000Z");
    expect(instantAtLocal("2020-07-01", 8, 30, "America/New_York").toISOString()).toBe(
      "2020-07-01T12:30:00.000Z",
    );
  });

  it("rejects malformed local dates", () => {
    expect(isValidLocalDate("2021-02-29")).toBe(false);
    expect(isValidLocalDate("2020-02-29")).toBe(true);
    expect(isValidLocalDate("2020-3-1")).toBe(false);
    expect(() => addDays("20/3/2020", 1)).toThrow(RangeError);
  });

  it("addDays and dayOfWeek are plain calendar arithmetic", () => {
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2020-03-01", -1)).toBe("2020-02-29");
    expect(addDays("2019-12-31", 1)).toBe("2020-01-01");
    expect(dayOfWeek("2020-03-20")).toBe(5); // Friday
    expect(dayOfWeek("2020-06-20")).toBe(6); // Saturday
    expect(dayOfWeek("2020-09-20")).toBe(0); // Sunday
  });

  it("isWorkingDay: weekdays that are not public holidays", () => {
    expect(isWorkingDay("2020-03-20", isHoliday)).toBe(true); // Friday
    expect(isWorkingDay("2020-06-20", isHoliday)).toBe(false); // Saturday
    expect(isWorkingDay("2020-09-20", isHoliday)).toBe(false); // Sunday
    expect(isWorkingDay("2021-04-21", isHoliday)).toBe(false); // Giỗ Tổ Hùng Vương, Wednesday
    expect(isWorkingDay("2021-04-30", isHoliday)).toBe(false); // 30/4, Friday
    expect(isWorkingDay("2021-09-03", isHoliday)).toBe(false); // the day added to 2/9, Friday
    expect(isWorkingDay("2019-04-15", isHoliday)).toBe(false); // compensation for Giỗ Tổ on Sunday 14/4
  });

  it("previous and next working days skip weekends and holidays", () => {
    expect(previousWorkingDay("2021-05-03", isHoliday)).toBe("2021-04-29"); // Mon comp., Sun, Sat 1/5, Fri 30/4
    expect(nextWorkingDay("2021-04-30", isHoliday)).toBe("2021-05-04");
    expect(previousWorkingDay("2020-03-18", isHoliday)).toBe("2020-03-18");
  });
});

describe("quiet hours", () => {
  it("isQuietTime covers 20:00 to 07:00 by default", () => {
    expect(isQuietTime(19, 59, schedule)).toBe(false);
    expect(isQuietTime(20, 0, schedule)).toBe(true);
    expect(isQuietTime(23, 30, schedule)).toBe(true);
    expect(isQuietTime(0, 0, schedule)).toBe(true);
    expect(isQuietTime(6, 59, schedule)).toBe(true);
    expect(isQuietTime(7, 0, schedule)).toBe(false);
    expect(isQuietTime(8, 0, schedule)).toBe(false);
  });

  it("supports a window that does not wrap midnight, and none at all", () => {
    const s: ReminderSchedule = { ...schedule, quietStartHour: 0, quietEndHour: 6 };
    expect(isQuietTime(23, 0, s)).toBe(false);
    expect(isQuietTime(5, 0, s)).toBe(true);
    expect(isQuietTime(12, 0, { ...schedule, quietStartHour: 0, quietEndHour: 0 })).toBe(false);
  });

  it("shiftOutOfQuietHours moves to the next 07:00 local", () => {
    const shift = (local: string): string => shiftOutOfQuietHours(vn(local), schedule, zone).toISOString();
    expect(shift("2020-03-18T22:30:00")).toBe(vn("2020-03-19T07:00:00").toISOString());
    expect(shift("2020-03-18T20:00:00")).toBe(vn("2020-03-19T07:00:00").toISOString());
    expect(shift("2020-03-19T05:00:00")).toBe(vn("2020-03-19T07:00:00").toISOString());
    expect(shift("2020-03-19T00:00:00")).toBe(vn("2020-03-19T07:00:00").toISOString());
    expect(shift("2020-03-19T07:00:00")).toBe(vn("2020-03-19T07:00:00").toISOString());
    expect(shift("2020-03-19T12:00:00")).toBe(vn("2020-03-19T12:00:00").toISOString());
    expect(shift("2020-12-31T21:00:00")).toBe(vn("2021-01-01T07:00:00").toISOString());
  });
});

describe("reminderTimes", () => {
  type Row = [kind: PlannedReminder["kind"], offset: number, localDate: string];
  const summary = (p: ReportingPeriod, s = schedule, h = isHoliday): Row[] =>
    reminderTimes(p, s, h, zone).map((r) => [r.kind, r.offsetDays, r.localDate]);

  const table: [string, Row[]][] = [
    // 20/6/2019 Thursday: nothing moves
    [
      "2019-Q2",
      [
        ["reminder", 7, "2019-06-13"],
        ["reminder", 3, "2019-06-17"],
        ["reminder", 1, "2019-06-19"],
        ["overdue", 0, "2019-06-20"],
      ],
    ],
    [
      "2019-Q3",
      [
        ["reminder", 7, "2019-09-13"],
        ["reminder", 3, "2019-09-17"],
        ["reminder", 1, "2019-09-19"],
        ["overdue", 0, "2019-09-20"],
      ],
    ],
    [
      "2019-Q4",
      [
        ["reminder", 7, "2019-12-13"],
        ["reminder", 3, "2019-12-17"],
        ["reminder", 1, "2019-12-19"],
        ["overdue", 0, "2019-12-20"],
      ],
    ],
    [
      "2020-Q1",
      [
        ["reminder", 7, "2020-03-13"],
        ["reminder", 3, "2020-03-17"],
        ["reminder", 1, "2020-03-19"],
        ["overdue", 0, "2020-03-20"],
      ],
    ],
    // 20/6/2020 Saturday: D-7 Sat 13/6 → Fri 12/6; overdue Sat 20/6 → Mon 22/6
    [
      "2020-Q2",
      [
        ["reminder", 7, "2020-06-12"],
        ["reminder", 3, "2020-06-17"],
        ["reminder", 1, "2020-06-19"],
        ["overdue", 0, "2020-06-22"],
      ],
    ],
    // 20/9/2020 Sunday: D-7 Sun 13/9 → Fri 11/9; D-1 Sat 19/9 → Fri 18/9; overdue → Mon 21/9
    [
      "2020-Q3",
      [
        ["reminder", 7, "2020-09-11"],
        ["reminder", 3, "2020-09-17"],
        ["reminder", 1, "2020-09-18"],
        ["overdue", 0, "2020-09-21"],
      ],
    ],
    [
      "2020-Q4",
      [
        ["reminder", 7, "2020-12-11"],
        ["reminder", 3, "2020-12-17"],
        ["reminder", 1, "2020-12-18"],
        ["overdue", 0, "2020-12-21"],
      ],
    ],
    // 20/3/2021 Saturday
    [
      "2021-Q1",
      [
        ["reminder", 7, "2021-03-12"],
        ["reminder", 3, "2021-03-17"],
        ["reminder", 1, "2021-03-19"],
        ["overdue", 0, "2021-03-22"],
      ],
    ],
    [
      "2021-Q2",
      [
        ["reminder", 7, "2021-06-11"],
        ["reminder", 3, "2021-06-17"],
        ["reminder", 1, "2021-06-18"],
        ["overdue", 0, "2021-06-21"],
      ],
    ],
    // 20/9/2021 Monday: D-1 Sun 19/9 → Fri 17/9, the day of D-3: one reminder, the nearer offset kept
    [
      "2021-Q3",
      [
        ["reminder", 7, "2021-09-13"],
        ["reminder", 1, "2021-09-17"],
        ["overdue", 0, "2021-09-20"],
      ],
    ],
    [
      "2021-Q4",
      [
        ["reminder", 7, "2021-12-13"],
        ["reminder", 1, "2021-12-17"],
        ["overdue", 0, "2021-12-20"],
      ],
    ],
  ];

  it.each(table)("%s", (key, rows) => {
    expect(summary(period(key))).toEqual(rows);
  });

  it("sends at 08:00 local, whatever the process zone", () => {
    const [d7, d3, d1, overdue] = reminderTimes(period("2020-Q1"), schedule, isHoliday, zone);
    expect(must(d7).at.toISOString()).toBe("2020-03-13T01:00:00.000Z");
    expect(must(d3).at.toISOString()).toBe("2020-03-17T01:00:00.000Z");
    expect(must(d1).at.toISOString()).toBe("2020-03-19T01:00:00.000Z");
    expect(must(overdue).at.toISOString()).toBe("2020-03-20T01:00:00.000Z");
  });

  it("records the nominal date and the merged offsets", () => {
    const rs = reminderTimes(period("2021-Q3"), schedule, isHoliday, zone);
    expect(rs.map((r) => [r.nominalDate, r.mergedOffsets])).toEqual([
      ["2021-09-13", [7]],
      ["2021-09-19", [1, 3]],
      ["2021-09-20", [0]],
    ]);
  });

  it("every reminder is on a working day, after the period opens and before the deadline (2019-2030)", () => {
    const h = makeHolidayChecker();
    for (let y = 2019; y <= 2030; y++) {
      for (const p of periodsOfYear(y, rules)) {
        const rs = reminderTimes(p, schedule, h, zone);
        for (const r of rs) {
          expect(isWorkingDay(r.localDate, h)).toBe(true);
          expect(localDateOf(r.at, zone)).toBe(r.localDate);
          if (r.kind === "reminder") {
            expect(r.at.getTime()).toBeLessThan(p.deadline.getTime());
            expect(r.at.getTime()).toBeGreaterThanOrEqual(p.opensAt.getTime());
          } else {
            expect(r.at.getTime()).toBeGreaterThan(p.deadline.getTime());
          }
        }
        const times = rs.map((r) => r.at.getTime());
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(new Set(rs.map((r) => r.localDate)).size).toBe(rs.length);
      }
    }
  });

  describe("public holidays move reminders back (offsets chosen to hit them)", () => {
    it("Giỗ Tổ (Wed 21/4/2021) and 30/4 (Fri) - 1/5 (Sat) 2021 in Q2 2021", () => {
      // 20/6/2021 minus 60 days = 21/4; minus 51 = 30/4; minus 50 = 1/5.
      const s: ReminderSchedule = { ...schedule, offsetsDays: [60, 51, 50, 7] };
      expect(summary(period("2021-Q2"), s)).toEqual([
        ["reminder", 60, "2021-04-20"],
        ["reminder", 50, "2021-04-29"],
        ["reminder", 7, "2021-06-11"],
        ["overdue", 0, "2021-06-21"],
      ]);
    });

    it("Giỗ Tổ on Sunday 14/4/2019 and its compensation day Monday 15/4", () => {
      // 20/6/2019 minus 66 days = Mon 15/4 (compensation), Sun 14/4 (Giỗ Tổ), Sat 13/4 → Fri 12/4.
      const s: ReminderSchedule = { ...schedule, offsetsDays: [66] };
      expect(summary(period("2019-Q2"), s)[0]).toEqual(["reminder", 66, "2019-04-12"]);
    });

    it("Quốc khánh 2/9/2021 (Thu) and the added 3/9 (Fri) in Q3 2021", () => {
      // 20/9/2021 minus 17 days = 3/9; minus 18 = 2/9: both land on Wed 1/9.
      const s: ReminderSchedule = { ...schedule, offsetsDays: [18, 17] };
      const rs = reminderTimes(period("2021-Q3"), s, isHoliday, zone);
      expect(rs.map((r) => [r.kind, r.offsetDays, r.localDate, r.mergedOffsets])).toEqual([
        ["reminder", 17, "2021-09-01", [17, 18]],
        ["overdue", 0, "2021-09-20", [0]],
      ]);
    });

    it("a holiday on the D-1 day (injected checker)", () => {
      const h = (d: string): boolean => d === "2020-03-19";
      expect(summary(period("2020-Q1"), schedule, h)).toEqual([
        ["reminder", 7, "2020-03-13"],
        ["reminder", 3, "2020-03-17"],
        ["reminder", 1, "2020-03-18"],
        ["overdue", 0, "2020-03-20"],
      ]);
    });

    it("the overdue notice moves forward past a holiday on the 20th and the weekend", () => {
      const h = (d: string): boolean => d === "2020-03-20" || d === "2020-03-23";
      expect(must(summary(period("2020-Q1"), schedule, h).at(-1))).toEqual(["overdue", 0, "2020-03-24"]);
    });
  });

  describe("edges", () => {
    it("never plans a reminder before the period opens (Q1 2020 opens 20/12/2019)", () => {
      // minus 92 = Thu 19/12 (Q4 2019's time): dropped; minus 91 = Fri 20/12: kept;
      // minus 90 = Sat 21/12 → Fri 20/12: merged with 91; minus 100 = 11/12: dropped.
      const s: ReminderSchedule = { ...schedule, offsetsDays: [100, 92, 91, 90] };
      const rs = reminderTimes(period("2020-Q1"), s, noHolidays, zone);
      expect(rs.map((r) => [r.kind, r.offsetDays, r.localDate, r.mergedOffsets])).toEqual([
        ["reminder", 90, "2019-12-20", [90, 91]],
        ["overdue", 0, "2020-03-20", [0]],
      ]);
    });

    it("ignores offsets that are not positive integers, and duplicates", () => {
      const s: ReminderSchedule = { ...schedule, offsetsDays: [0, -1, 1.5, 3, 3] };
      expect(summary(period("2020-Q1"), s)).toEqual([
        ["reminder", 3, "2020-03-17"],
        ["overdue", 0, "2020-03-20"],
      ]);
    });

    it("an empty schedule still gives the overdue notice", () => {
      expect(summary(period("2020-Q1"), { ...schedule, offsetsDays: [] })).toEqual([
        ["overdue", 0, "2020-03-20"],
      ]);
    });

    it("a configured hour inside quiet hours sends at the quiet end of the same day", () => {
      for (const hour of [6, 21]) {
        const rs = reminderTimes(period("2020-Q1"), { ...schedule, hour, minute: 30 }, isHoliday, zone);
        expect(rs.map((r) => r.at.toISOString())).toEqual([
          vn("2020-03-13T07:00:00").toISOString(),
          vn("2020-03-17T07:00:00").toISOString(),
          vn("2020-03-19T07:00:00").toISOString(),
          vn("2020-03-20T07:00:00").toISOString(),
        ]);
      }
    });

    it("keeps a configured minute", () => {
      const rs = reminderTimes(period("2020-Q1"), { ...schedule, hour: 14, minute: 45 }, isHoliday, zone);
      expect(must(rs[0]).at.toISOString()).toBe(vn("2020-03-13T14:45:00").toISOString());
    });
  });
});
