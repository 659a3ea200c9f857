// Local dates of many instants in one zone, as localDateOf gives them, at a fraction of its cost:
// Intl takes microseconds a call, and who-is-behind dates tens of thousands of updates. Pure.
import { localDateTimeOf } from "./calendar.ts";

const DAY_MS = 86_400_000;

/** The day number (days since 1970-01-01) of a local date "YYYY-MM-DD". */
export function dayNumberOf(localDate: string): number {
  return Math.round(Date.parse(`${localDate}T00:00:00Z`) / DAY_MS);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in whole seconds' milliseconds. */
function offsetAt(instantMs: number, zone: string): number {
  const local = localDateTimeOf(new Date(instantMs), zone);
  const wall =
    dayNumberOf(local.date) * DAY_MS + ((local.hour * 60 + local.minute) * 60 + local.second) * 1000;
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The local day number of instants given in milliseconds. The zone's offset is read at both ends
 * of each UTC day and kept; a day whose offset differs at its ends (a daylight-saving switch) is
 * read instant by instant. Zones change their offset at most once a day, so equal ends mean one
 * offset all day.
 */
export function localDayReader(zone: string): (instantMs: number) => number {
  const offsets = new Map<number, number | null>();
  return (instantMs) => {
    const day = Math.floor(instantMs / DAY_MS);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * DAY_MS, zone);
      offset = start === offsetAt((day + 1) * DAY_MS - 1000, zone) ? start : null;
      offsets.set(day, offset);
    }
    if (offset === null) return dayNumberOf(localDateTimeOf(new Date(instantMs), zone).date);
    return Math.floor((instantMs + offset) / DAY_MS);
  };
}
