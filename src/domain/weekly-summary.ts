// The optional weekly summary for coordinators (issue 5): one slot a week, on a local weekday and time.
import { addDays, dayOfWeek, instantAtLocal, localDateOf } from "./calendar.ts";

/** Monday = 1 … Sunday = 7, like ISO weekdays. */
export interface WeeklySlotSetting {
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
  cn: 7,
};

/** "off", or "mon 08:00" / "t2-08:00" (English or Vietnamese weekday); undefined when unreadable. */
export function parseWeeklySlot(text: string): WeeklySlotSetting | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === "off" || value === "") return null;
  const match = /^([a-z0-9]{2,3})[\s-]+([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  const weekday = match ? WEEKDAYS[match[1] ?? ""] : undefined;
  if (!match || weekday === undefined) return undefined;
  return { weekday, hour: Number(match[2]), minute: Number(match[3]) };
}

export interface WeeklySlot {
  /** The local date of the slot: it names the week in the message's unique key. */
  localDate: string;
  at: Date;
}

/**
 * The weekly slot that is due at `now`: today's, once its time has come. A slot missed for a whole
 * day is not sent late: next week's summary says the same, fresher.
 */
export function dueWeeklySlot(now: Date, zone: string, setting: WeeklySlotSetting): WeeklySlot | null {
  const today = localDateOf(now, zone);
  const isoWeekday = dayOfWeek(today) === 0 ? 7 : dayOfWeek(today);
  if (isoWeekday !== setting.weekday) return null;
  const at = instantAtLocal(today, setting.hour, setting.minute, zone);
  return now.getTime() >= at.getTime() ? { localDate: today, at } : null;
}

/** The end of the slot's day: an unsent weekly summary is pointless after it. */
export function weeklySlotExpiry(slot: WeeklySlot, zone: string): Date {
  return instantAtLocal(addDays(slot.localDate, 1), 0, 0, zone);
}
