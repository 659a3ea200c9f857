import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { CalendarRules, ReminderSchedule } from "../domain/calendar.ts";
import { earliestFirstReport } from "../store/plans.ts";

const FALLBACK_FIRST: Pick<CalendarRules, "firstYear" | "firstQuarter"> = {
  firstYear: 2019,
  firstQuarter: 2,
};

/**
 * The report calendar's rules: the zone from APP_TZ; the first period from the earliest plan
 * imported (Gia Lai: reporting began with Q2 2019).
 */
export async function loadCalendarRules(db: Db, zone: string): Promise<CalendarRules> {
  const plan = await earliestFirstReport(db);
  if (!plan?.first_report_year) return { zone, ...FALLBACK_FIRST };
  return {
    zone,
    firstYear: plan.first_report_year,
    firstQuarter: plan.first_report_quarter ?? 1,
  };
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
