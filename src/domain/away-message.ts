// "Away until" in plain Vietnamese (SPEC issue 3 §4): "nghỉ phép đến 15/3", "em đi công tác đến 20/6",
// with or without diacritics. Pure: the reference date is a parameter.
import { formatLocalDate, isValidLocalDate } from "./calendar.ts";
import { foldText } from "./vietnamese.ts";

export interface AwayUntil {
  /** Local date YYYY-MM-DD, inclusive. */
  until: string;
}

const PERSON = "(?:em|toi|minh|anh|chi|tui|can bo)";
const ABSENCE =
  "(?:nghi phep|nghi om|nghi le|nghi che do|nghi thai san|nghi|di cong tac|cong tac|vang mat|vang|di hoc|di tap huan)";
const UNTIL = "(?:den|toi|cho den|until|to)";
const DATE = "(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{2}|\\d{4}))?";
const AWAY = new RegExp(
  `^(?:${PERSON}\\s+)?(?:xin\\s+)?(?:(?:se|dang|duoc)\\s+)?${ABSENCE}\\b[^\\d]{0,40}?\\b${UNTIL}\\s+(?:het\\s+)?(?:ngay\\s+)?${DATE}(?:\\s*(?:a|nhe|nha|ạ))?\\s*[.!]?$`,
);
// A message naming a task is a status update ("II.2 tạm dừng vì nghỉ phép đến 15/3"), never an absence.
const TASK_MENTION = /\b(?:[ivx]+\s*[./-]\s*\d+|nhiem vu|nv\s*\d|#\d|muc\s+[ivx]+)/;

/**
 * The date `day/month[/year]` means, seen from `referenceLocalDate`: with no year, the next such date
 * on or after the reference. Null for a day that does not exist or an explicit date already past.
 */
export function resolveDayMonth(
  day: number,
  month: number,
  year: number | null,
  referenceLocalDate: string,
): string | null {
  if (year !== null) {
    const full = year < 100 ? 2000 + year : year;
    const date = formatLocalDate(full, month, day);
    return isValidLocalDate(date) && date >= referenceLocalDate ? date : null;
  }
  const referenceYear = Number(referenceLocalDate.slice(0, 4));
  // 29/2 may only exist a few years on; the first valid date on or after the reference wins.
  for (let candidateYear = referenceYear; candidateYear <= referenceYear + 8; candidateYear++) {
    const date = formatLocalDate(candidateYear, month, day);
    if (isValidLocalDate(date) && date >= referenceLocalDate) return date;
  }
  return null;
}

/** Reads a bare date ("15/3", "15/3/2020", "15-03") as typed after `/vang`. */
export function parseAwayDate(text: string, referenceLocalDate: string): string | null {
  const match = new RegExp(`^(?:${UNTIL}\\s+)?(?:het\\s+)?(?:ngay\\s+)?${DATE}$`).exec(foldText(text));
  if (!match) return null;
  return resolveDayMonth(
    Number(match[1]),
    Number(match[2]),
    match[3] === undefined ? null : Number(match[3]),
    referenceLocalDate,
  );
}

/** "nghỉ phép đến 15/3" → { until: "2020-03-15" }; null when the text is not an absence notice. */
export function parseAwayMessage(text: string, referenceLocalDate: string): AwayUntil | null {
  const folded = foldText(text);
  if (TASK_MENTION.test(folded)) return null;
  const match = AWAY.exec(folded);
  if (!match) return null;
  const until = resolveDayMonth(
    Number(match[1]),
    Number(match[2]),
    match[3] === undefined ? null : Number(match[3]),
    referenceLocalDate,
  );
  return until === null ? null : { until };
}

/** Whether an absence covers a local date: from its start to its last day, both inclusive. */
export function isAwayOn(absence: { from: string; until: string | null } | null, localDate: string): boolean {
  return (
    absence !== null && absence.until !== null && absence.from <= localDate && localDate <= absence.until
  );
}
