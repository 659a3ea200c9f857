import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import {
  type CalendarRules,
  periodContaining,
  type ReminderSchedule,
  type ReportingPeriod,
} from "../domain/calendar.ts";
import { earliestFirstReport } from "../store/plans.ts";

const FALLBACK_FIRST: Pick<CalendarRules, "firstYear" | "firstQuarter"> = {
  firstYear: 2019,
  firstQuarter: 2,
};

/** The report calendar's rules, and the period of an instant computed once per period. */
export interface Calendar {
  rules: CalendarRules;
  periodContaining(instant: Date): ReportingPeriod;
}

// The rules change only when a plan is imported: every message needs them, so they are read once per
// database and zone. An import in this process forgets them at once (forgetCalendarRules); one in
// another process (`nhacviec import` beside the running bot) is seen within this long.
const RULES_TTL_MS = 60_000;

// A handful of periods covers every message a bot receives (the current one, and the previous one
// for late or edited messages).
const PERIODS_KEPT = 8;

interface CachedCalendar {
  calendar: Calendar;
  loadedAt: number;
}

// Per database (a Kysely instance: tests open many) and zone.
const cached = new WeakMap<Db, Map<string, CachedCalendar>>();

async function readRules(db: Db, zone: string): Promise<CalendarRules> {
  const plan = await earliestFirstReport(db);
  if (!plan?.first_report_year) return { zone, ...FALLBACK_FIRST };
  return {
    zone,
    firstYear: plan.first_report_year,
    firstQuarter: plan.first_report_quarter ?? 1,
  };
}

/**
 * Periods by the instants they cover: a period holds every instant from the previous deadline (its
 * `opensAt`) to its own deadline. Instants before the first period belong to it as well and are
 * computed each time (they are rare).
 */
function calendarOf(rules: CalendarRules): Calendar {
  const periods: ReportingPeriod[] = [];
  return {
    rules,
    periodContaining(instant) {
      const t = instant.getTime();
      const known = periods.find((p) => p.opensAt.getTime() <= t && t < p.deadline.getTime());
      if (known) return known;
      const period = periodContaining(instant, rules);
      if (period.opensAt.getTime() <= t) {
        periods.unshift(period);
        periods.length = Math.min(periods.length, PERIODS_KEPT);
      }
      return period;
    },
  };
}

/**
 * The report calendar: the zone from APP_TZ; the first period from the earliest plan imported (Gia
 * Lai: reporting began with Q2 2019). Inside a transaction the rules are read afresh: it may be
 * importing a plan.
 */
export async function loadCalendar(db: Db, zone: string): Promise<Calendar> {
  if (db.isTransaction) return calendarOf(await readRules(db, zone));
  const byZone = cached.get(db) ?? new Map<string, CachedCalendar>();
  cached.set(db, byZone);
  const hit = byZone.get(zone);
  if (hit !== undefined && performance.now() - hit.loadedAt < RULES_TTL_MS) return hit.calendar;
  const calendar = calendarOf(await readRules(db, zone));
  byZone.set(zone, { calendar, loadedAt: performance.now() });
  return calendar;
}

export async function loadCalendarRules(db: Db, zone: string): Promise<CalendarRules> {
  return (await loadCalendar(db, zone)).rules;
}

/** After a plan was imported or changed through `db`: the next read loads the rules again. */
export function forgetCalendarRules(db: Db): void {
  cached.delete(db);
}

export function reminderScheduleOf(config: Config): ReminderSchedule {
  return {
    offsetsDays: config.REMINDER_OFFSETS_DAYS,
    hour: config.REMINDER_TIME.hour,
    minute: config.REMINDER_TIME.minute,
    quietStartHour: config.QUIET_HOURS.startHour,
    quietEndHour: config.QUIET_HOURS.endHour,
  };
}
