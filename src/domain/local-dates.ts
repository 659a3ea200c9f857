// The local date of many instants in one zone, as localDateOf gives it, at a fraction of its cost:
// Intl takes microseconds a call, and who-is-behind dates tens of thousands of updates. Pure.
import { localDateTimeOf } from "./calendar.ts";

const DAY_MS = 86_400_000;

/** How far the zone's wall clock is ahead of UTC at a whole-second instant, in milliseconds. */
function offsetAt(instantMs: number, zone: string): number {
  const local = localDateTimeOf(new Date(instantMs), zone);
  const [year, month, day] = local.date.split("-").map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, local.hour, local.minute, local.second) - instantMs;
}

/**
 * localDateOf for instants given in milliseconds. The zone's offset is read at both ends of each UTC
 * day and kept; a day whose offset differs at its ends (a daylight-saving switch) is read instant by
 * instant. Zones change their offset at most once a day, so equal ends mean one offset all day.
 */
export function localDateReader(zone: string): (instantMs: number) => string {
  const offsets = new Map<number, number | null>();
  return (instantMs) => {
    const day = Math.floor(instantMs / DAY_MS);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * DAY_MS, zone);
      offset = start === offsetAt((day + 1) * DAY_MS - 1000, zone) ? start : null;
      offsets.set(day, offset);
    }
    if (offset === null) return localDateTimeOf(new Date(instantMs), zone).date;
    return new Date(instantMs + offset).toISOString().slice(0, 10);
  };
}
