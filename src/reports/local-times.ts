// Local wall times of many instants (a report's 50,000 update times) at the cost of a few Intl calls:
// a zone's offset is looked up once per UTC day, as it cannot change and change back within one day.
import { formatLocalDate, type LocalDateTime, localDateTimeOf } from "../domain/calendar.ts";

const DAY_MS = 86_400_000;

function offsetMs(instant: number, zone: string): number {
  const local = localDateTimeOf(new Date(instant), zone);
  const [year, month, day] = local.date.split("-").map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, local.hour, local.minute, local.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** localDateTimeOf for one zone, with the offset of each UTC day remembered. */
export function localTimesIn(zone: string): (instant: Date) => LocalDateTime {
  // null: the offset changes that day; those instants are asked one by one.
  const offsets = new Map<number, number | null>();
  return (instant) => {
    const time = instant.getTime();
    const day = Math.floor(time / DAY_MS);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const first = offsetMs(day * DAY_MS, zone);
      offset = first === offsetMs((day + 1) * DAY_MS - 1000, zone) ? first : null;
      offsets.set(day, offset);
    }
    if (offset === null) return localDateTimeOf(instant, zone);
    const wall = new Date(time + offset);
    return {
      date: formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
    };
  };
}
