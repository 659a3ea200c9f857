// A date and time as a person types it for the demo clock (`npm start -- --at …`, `:ngay …` in the
// console): day first as Vietnamese write it ("13/3/2020", "13/3/2020 08:00", "13-03-2020 8h30"), or
// ISO 8601 ("2020-03-13T08:00", with or without an offset). Pure: the caller places local wall times
// in the calendar's zone.
import { formatLocalDate, instantAtLocal, isValidLocalDate } from "./calendar.ts";

type DateTimeInput =
  /** A wall-clock time in the calendar's zone. */
  | { kind: "local"; date: string; hour: number; minute: number }
  /** An ISO instant that named its own offset ("…Z", "…+07:00"). */
  | { kind: "instant"; instant: Date };

export interface DateTimeDefaults {
  /** The year of "13/3" typed without one. */
  year: number;
  /** The time of a date typed without one. */
  hour: number;
  minute: number;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(.+))?$/i;
const DAY_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?(?:[\s,]+(.+))?$/;
// "08:00", "8:00:00", "8h", "8h30", "8g30" (giờ).
const TIME = /^(?:lúc\s+|luc\s+)?(\d{1,2})(?:\s*[:hg]\s*(\d{2})?(?::\d{2}(?:\.\d+)?)?)?$/i;

function readTime(
  text: string | undefined,
  defaults: DateTimeDefaults,
): { hour: number; minute: number } | null {
  if (text === undefined) return { hour: defaults.hour, minute: defaults.minute };
  const match = TIME.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

function local(
  year: number,
  month: number,
  day: number,
  timeText: string | undefined,
  defaults: DateTimeDefaults,
): DateTimeInput | null {
  const date = formatLocalDate(year, month, day);
  const time = readTime(timeText, defaults);
  return isValidLocalDate(date) && time ? { kind: "local", date, ...time } : null;
}

/** Reads the text; null when it is no date (or no real day, such as 30/2). */
function readDateTimeInput(text: string, defaults: DateTimeDefaults): DateTimeInput | null {
  const clean = text.trim();
  if (ISO_WITH_OFFSET.test(clean)) {
    const instant = new Date(clean);
    return Number.isNaN(instant.getTime()) ? null : { kind: "instant", instant };
  }
  const iso = ISO_LOCAL.exec(clean);
  if (iso) return local(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], defaults);
  const dayFirst = DAY_FIRST.exec(clean);
  if (!dayFirst) return null;
  const yearText = dayFirst[3];
  const year = yearText === undefined ? defaults.year : Number(yearText) + (yearText.length === 2 ? 2000 : 0);
  return local(year, Number(dayFirst[2]), Number(dayFirst[1]), dayFirst[4], defaults);
}

/** The instant the text means, local wall times read in `zone`; null when it is no date. */
export function readInstant(text: string, defaults: DateTimeDefaults, zone: string): Date | null {
  const input = readDateTimeInput(text, defaults);
  if (input === null) return null;
  return input.kind === "instant"
    ? input.instant
    : instantAtLocal(input.date, input.hour, input.minute, zone);
}
