// The quarterly report calendar (README: the report calendar): periods, deadlines, data windows and reminder times.
// Pure: every instant is a parameter, every local date is computed in an explicit zone.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export type Quarter = 1 | 2 | 3 | 4;

export interface ReportingPeriod {
  year: number;
  quarter: Quarter;
  /** "2020-Q1" */
  key: string;
  /** 00:00 local on the 20th; a report is on time when it arrives strictly before this instant. */
  deadline: Date;
  /** "2020-03-20" */
  dueDateLocal: string;
  /** Local dates, both inclusive: Q1 2020 is "2019-12-15".."2020-03-14". */
  dataWindow: { from: string; to: string };
  /** Months the report accumulates: null for Q1, then 6, 9, 12. */
  cumulativeMonths: number | null;
  /** The previous period's deadline; for the first period, the deadline its predecessor would have had. */
  opensAt: Date;
}

export interface CalendarRules {
  zone: string;
  firstYear: number;
  firstQuarter: Quarter;
}

export interface ReminderSchedule {
  offsetsDays: number[];
  hour: number;
  minute: number;
  quietStartHour: number;
  quietEndHour: number;
}

export interface PlannedReminder {
  kind: "reminder" | "overdue";
  offsetDays: number;
  at: Date;
  localDate: string;
  /** The date before any working-day shift (the 20th minus the offset, or the 20th itself). */
  nominalDate: string;
  /** Every configured offset that landed on this reminder's day (more than one when shifts collapsed them). */
  mergedOffsets: number[];
}

export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

/** Gia Lai's NQ17 plan: reporting started with Q2 2019. */
export const DEFAULT_CALENDAR_RULES: CalendarRules = { zone: DEFAULT_ZONE, firstYear: 2019, firstQuarter: 2 };

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  offsetsDays: [7, 3, 1],
  hour: 8,
  minute: 0,
  quietStartHour: 20,
  quietEndHour: 7,
};

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];
const DUE_DAY = 20;
const WINDOW_FIRST_DAY = 15;
const WINDOW_LAST_DAY = 14;
const CUMULATIVE: Record<Quarter, number | null> = { 1: null, 2: 6, 3: 9, 4: 12 };
// A bound on working-day searches, far longer than any Vietnamese holiday run (Tết is about 9 days).
const MAX_SHIFT_DAYS = 31;

// ---------------------------------------------------------------------------------------------
// Local dates ("YYYY-MM-DD") and zone conversion

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** "YYYY-MM-DD" from calendar numbers (month 1-12). */
export function formatLocalDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Checks the shape and that the day exists (no 2021-02-30). */
export function isValidLocalDate(localDate: string): boolean {
  const m = LOCAL_DATE.exec(localDate);
  if (!m) return false;
  return dayjs.utc(localDate).format("YYYY-MM-DD") === localDate;
}

function assertLocalDate(localDate: string): void {
  if (!isValidLocalDate(localDate)) throw new RangeError(`not a local date (YYYY-MM-DD): ${localDate}`);
}

/** Calendar arithmetic on local dates; done in UTC so the process zone never matters. */
export function addDays(localDate: string, days: number): string {
  assertLocalDate(localDate);
  return dayjs.utc(localDate).add(days, "day").format("YYYY-MM-DD");
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(localDate: string): number {
  assertLocalDate(localDate);
  return dayjs.utc(localDate).day();
}

export function isWeekend(localDate: string): boolean {
  const d = dayOfWeek(localDate);
  return d === 0 || d === 6;
}

export function isWorkingDay(localDate: string, isHoliday: (localDate: string) => boolean): boolean {
  return !isWeekend(localDate) && !isHoliday(localDate);
}

/** The latest working day on or before the date. */
export function previousWorkingDay(localDate: string, isHoliday: (localDate: string) => boolean): string {
  return searchWorkingDay(localDate, -1, isHoliday);
}

/** The earliest working day on or after the date. */
export function nextWorkingDay(localDate: string, isHoliday: (localDate: string) => boolean): string {
  return searchWorkingDay(localDate, 1, isHoliday);
}

function searchWorkingDay(start: string, step: 1 | -1, isHoliday: (localDate: string) => boolean): string {
  let d = start;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i++) {
    if (isWorkingDay(d, isHoliday)) return d;
    d = addDays(d, step);
  }
  throw new RangeError(`no working day within ${MAX_SHIFT_DAYS} days of ${start}`);
}

export interface LocalDateTime {
  date: string;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError on an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a zone, as Intl formats it (a few microseconds). */
function intlDateTimeOf(instant: Date, zone: string): LocalDateTime {
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new Error(`Intl gave no ${type} part`);
    return Number(part.value);
  };
  return {
    date: formatLocalDate(get("year"), get("month"), get("day")),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

const DAY_MS = 86_400_000;

/** How far a zone's wall clock is ahead of UTC at an instant (whole seconds, as tzdata's offsets are). */
function offsetMsAt(time: number, zone: string): number {
  const local = intlDateTimeOf(new Date(time), zone);
  const [year, month, day] = local.date.split("-").map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, local.hour, local.minute, local.second);
  return wall - Math.floor(time / 1000) * 1000;
}

// Each status message asks for its sending time's local date several times (parsing, its period), at
// a few microseconds of Intl each: a zone's offset is asked once per UTC day instead, as it cannot
// change and change back within one day. null: it changes that day, whose instants go to Intl.
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAY_OFFSETS_LIMIT = 10_000;

function dayOffsetMs(day: number, zone: string): number | null {
  let offsets = dayOffsets.get(zone);
  if (offsets === undefined) {
    offsets = new Map();
    dayOffsets.set(zone, offsets);
  }
  let offset = offsets.get(day);
  if (offset === undefined) {
    const first = offsetMsAt(day * DAY_MS, zone);
    offset = first === offsetMsAt((day + 1) * DAY_MS - 1000, zone) ? first : null;
    if (offsets.size >= DAY_OFFSETS_LIMIT) offsets.clear();
    offsets.set(day, offset);
  }
  return offset;
}

/**
 * The wall-clock date and time of an instant in a zone.
 * Intl rather than dayjs's `.tz()`: the latter misreads instants by an hour when the *process* zone is
 * inside a DST gap (seen with TZ=America/New_York), and the calendar must not depend on the process zone.
 */
export function localDateTimeOf(instant: Date, zone: string): LocalDateTime {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError("invalid instant");
  const offset = dayOffsetMs(Math.floor(time / DAY_MS), zone);
  if (offset === null) return intlDateTimeOf(instant, zone);
  const wall = new Date(time + offset);
  return {
    date: formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The local date ("YYYY-MM-DD") of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  return localDateTimeOf(instant, zone).date;
}

// The calendar asks for the same few instants (deadlines, reminder times) over and over, and dayjs's
// zone arithmetic costs tens of microseconds each: every status message needs its period's.
const knownInstants = new Map<string, number>();
const KNOWN_INSTANTS_LIMIT = 10_000;

/** The instant of a wall-clock time in a zone (dayjs parses the text as UTC, then fixes the zone offset). */
export function instantAtLocal(localDate: string, hour: number, minute: number, zone: string): Date {
  const key = `${zone} ${localDate} ${hour}:${minute}`;
  const known = knownInstants.get(key);
  if (known !== undefined) return new Date(known);
  assertLocalDate(localDate);
  const instant = dayjs.tz(`${localDate} ${pad2(hour)}:${pad2(minute)}:00`, zone).toDate();
  if (knownInstants.size >= KNOWN_INSTANTS_LIMIT) knownInstants.clear();
  knownInstants.set(key, instant.getTime());
  return instant;
}

// ---------------------------------------------------------------------------------------------
// Periods

function quarterOrdinal(year: number, quarter: Quarter): number {
  return year * 4 + (quarter - 1);
}

function isBeforeFirst(year: number, quarter: Quarter, rules: CalendarRules): boolean {
  return quarterOrdinal(year, quarter) < quarterOrdinal(rules.firstYear, rules.firstQuarter);
}

function previousQuarter(year: number, quarter: Quarter): { year: number; quarter: Quarter } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter };
}

export function nextQuarter(year: number, quarter: Quarter): { year: number; quarter: Quarter } {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter };
}

function dueDateOf(year: number, quarter: Quarter): string {
  return formatLocalDate(year, quarter * 3, DUE_DAY);
}

export function periodKey(year: number, quarter: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** The period of a quarter, or null when it comes before the first period. */
export function periodOf(year: number, quarter: Quarter, rules: CalendarRules): ReportingPeriod | null {
  if (!Number.isInteger(year) || isBeforeFirst(year, quarter, rules)) return null;
  const dueDateLocal = dueDateOf(year, quarter);
  const prev = previousQuarter(year, quarter);
  const lastMonth = quarter * 3;
  // The window starts on the 15th of the quarter's first month minus one (December of the previous year for Q1).
  const from = formatLocalDate(prev.year, prev.quarter * 3, WINDOW_FIRST_DAY);
  return {
    year,
    quarter,
    key: periodKey(year, quarter),
    deadline: instantAtLocal(dueDateLocal, 0, 0, rules.zone),
    dueDateLocal,
    dataWindow: { from, to: formatLocalDate(year, lastMonth, WINDOW_LAST_DAY) },
    cumulativeMonths: CUMULATIVE[quarter],
    opensAt: instantAtLocal(dueDateOf(prev.year, prev.quarter), 0, 0, rules.zone),
  };
}

/** The periods of a year in order; empty before the first year, Q2..Q4 in 2019 for Gia Lai. */
export function periodsOfYear(year: number, rules: CalendarRules): ReportingPeriod[] {
  const out: ReportingPeriod[] = [];
  for (const q of QUARTERS) {
    const p = periodOf(year, q, rules);
    if (p) out.push(p);
  }
  return out;
}

export function firstPeriod(rules: CalendarRules): ReportingPeriod {
  const p = periodOf(rules.firstYear, rules.firstQuarter, rules);
  if (!p) throw new Error("unreachable: the first period exists by definition");
  return p;
}

/**
 * The period an instant belongs to: the one whose deadline is the first deadline strictly after it.
 * 00:00 local on the 20th already belongs to the next period; 21/12/2019 belongs to Q1 2020.
 * Anything before the first period belongs to the first period.
 */
export function periodContaining(instant: Date, rules: CalendarRules): ReportingPeriod {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("invalid instant");
  const localYear = Number(localDateOf(instant, rules.zone).slice(0, 4));
  // The answer is in this local year or Q1 of the next; deadlines are compared as instants.
  let cur: { year: number; quarter: Quarter } = { year: localYear, quarter: 1 };
  for (let i = 0; i < 5; i++) {
    if (instantAtLocal(dueDateOf(cur.year, cur.quarter), 0, 0, rules.zone).getTime() > t) break;
    cur = nextQuarter(cur.year, cur.quarter);
  }
  return periodOf(cur.year, cur.quarter, rules) ?? firstPeriod(rules);
}

export function nextPeriod(period: ReportingPeriod, rules: CalendarRules): ReportingPeriod {
  const n = nextQuarter(period.year, period.quarter);
  const p = periodOf(n.year, n.quarter, rules);
  if (!p) throw new Error("unreachable: a period after an existing one exists");
  return p;
}

/** The period before, or null for the first period. */
export function previousPeriod(period: ReportingPeriod, rules: CalendarRules): ReportingPeriod | null {
  const p = previousQuarter(period.year, period.quarter);
  return periodOf(p.year, p.quarter, rules);
}

const ROMAN_TO_QUARTER: Record<string, Quarter> = { i: 1, ii: 2, iii: 3, iv: 4 };

function quarterFromToken(token: string): Quarter | null {
  const t = token.toLowerCase();
  const n = ROMAN_TO_QUARTER[t] ?? Number(t);
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : null;
}

// "2020-Q1", "2020Q1", "2020 q1", "2020/Q1"
const KEY_YEAR_FIRST = /^(\d{4})\s*[-/ ]?\s*q\s*([1-4])$/i;
// "Q1/2020", "Q1-2020", "Q1 2020", "Quý I/2020", "quy 1 nam 2020", "Quý IV năm 2020"
const KEY_QUARTER_FIRST = /^(?:q|qu[yýỳ])\s*\.?\s*(iv|iii|ii|i|[1-4])\s*(?:[-/ ]|\s*n[aă]m\s)\s*(\d{4})$/i;

/** Parses a period key ("2020-Q1", also "2020Q1", "Q1/2020", "Quý I/2020"); null when invalid or before the first period. */
export function periodByKey(key: string, rules: CalendarRules): ReportingPeriod | null {
  const named = quarterByKey(key);
  return named === null ? null : periodOf(named.year, named.quarter, rules);
}

/** The year and quarter a key names ("2020-Q1", "Q1/2020", "quý 1 2020"), whatever the calendar. */
export function quarterByKey(key: string): { year: number; quarter: Quarter } | null {
  const text = key.normalize("NFC").trim().replace(/\s+/g, " ");
  let year: number | null = null;
  let quarter: Quarter | null = null;
  const a = KEY_YEAR_FIRST.exec(text);
  if (a?.[1] && a[2]) {
    year = Number(a[1]);
    quarter = quarterFromToken(a[2]);
  } else {
    const b = KEY_QUARTER_FIRST.exec(text);
    if (b?.[1] && b[2]) {
      quarter = quarterFromToken(b[1]);
      year = Number(b[2]);
    }
  }
  return year === null || quarter === null ? null : { year, quarter };
}

// ---------------------------------------------------------------------------------------------
// Reminders

function minutesOfDay(hour: number, minute: number): number {
  return hour * 60 + minute;
}

/** Whether a wall-clock time falls in the quiet hours [quietStart, quietEnd), which may wrap midnight. */
export function isQuietTime(hour: number, minute: number, schedule: ReminderSchedule): boolean {
  const t = minutesOfDay(hour, minute);
  const start = minutesOfDay(schedule.quietStartHour, 0);
  const end = minutesOfDay(schedule.quietEndHour, 0);
  if (start === end) return false; // no quiet hours configured
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/**
 * Moves an instant inside quiet hours to the next quiet end (07:00 local by default): the same morning
 * before the quiet end, the next morning after the quiet start. Instants outside quiet hours are unchanged.
 */
export function shiftOutOfQuietHours(instant: Date, schedule: ReminderSchedule, zone: string): Date {
  const local = localDateTimeOf(instant, zone);
  if (!isQuietTime(local.hour, local.minute, schedule)) return instant;
  const sameDayEnd = instantAtLocal(local.date, schedule.quietEndHour, 0, zone);
  return sameDayEnd.getTime() > instant.getTime()
    ? sameDayEnd
    : instantAtLocal(addDays(local.date, 1), schedule.quietEndHour, 0, zone);
}

/** The wall-clock time reminders are sent at: the configured time, or the quiet end when that is quiet. */
function sendingTime(schedule: ReminderSchedule): { hour: number; minute: number } {
  return isQuietTime(schedule.hour, schedule.minute, schedule)
    ? { hour: schedule.quietEndHour, minute: 0 }
    : { hour: schedule.hour, minute: schedule.minute };
}

/**
 * The reminders of a period and its overdue notice, in time order.
 *
 * - Each offset N >= 1 gives a reminder N days before the 20th; one on a weekend or public holiday moves
 *   back to the previous working day. Offsets <= 0 are ignored (the 20th is the overdue notice's day).
 * - A reminder is never planned before the period opens (the previous deadline): it is dropped.
 * - Reminders that land on the same day after shifting collapse into one, carrying the smallest offset
 *   (the one nearest the deadline) and listing all of them in mergedOffsets.
 * - The overdue notice is on the 20th; when the 20th is not a working day it moves *forward* to the next
 *   working day, so that it never arrives on a Sunday or a holiday.
 * - When the configured time is in quiet hours, the quiet end of the same day is used instead, so that a
 *   shifted reminder keeps its working day and stays before the deadline.
 */
export function reminderTimes(
  period: ReportingPeriod,
  schedule: ReminderSchedule,
  isHoliday: (localDate: string) => boolean,
  zone: string,
): PlannedReminder[] {
  const time = sendingTime(schedule);
  const opensAt = period.opensAt.getTime();
  const deadline = period.deadline.getTime();
  const offsets = [...new Set(schedule.offsetsDays.filter((n) => Number.isInteger(n) && n > 0))].sort(
    (a, b) => a - b,
  );

  const byDate = new Map<string, PlannedReminder>();
  for (const offset of offsets) {
    const nominalDate = addDays(period.dueDateLocal, -offset);
    const localDate = previousWorkingDay(nominalDate, isHoliday);
    const at = instantAtLocal(localDate, time.hour, time.minute, zone);
    if (at.getTime() < opensAt || at.getTime() >= deadline) continue;
    const existing = byDate.get(localDate);
    if (existing) {
      // Offsets are visited smallest first, so the kept one is already the nearest to the deadline.
      existing.mergedOffsets.push(offset);
      continue;
    }
    byDate.set(localDate, {
      kind: "reminder",
      offsetDays: offset,
      at,
      localDate,
      nominalDate,
      mergedOffsets: [offset],
    });
  }

  const overdueDate = nextWorkingDay(period.dueDateLocal, isHoliday);
  const overdue: PlannedReminder = {
    kind: "overdue",
    offsetDays: 0,
    at: instantAtLocal(overdueDate, time.hour, time.minute, zone),
    localDate: overdueDate,
    nominalDate: period.dueDateLocal,
    mergedOffsets: [0],
  };
  return [...[...byDate.values()].sort((a, b) => a.at.getTime() - b.at.getTime()), overdue];
}
