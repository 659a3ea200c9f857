// "Away until" in plain Vietnamese (README: away and stand-ins): "nghỉ phép đến 15/3", "em đi công tác đến 20/6",
// with or without diacritics. Pure: the reference date is a parameter.
import { parseReference, resolveDate } from "./status-parser/dates.ts";
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
 * The last day of an absence, seen from `referenceLocalDate`: with no year, the next such date on or after the
 * reference (status-parser/dates.ts, as the parser reads "30/6"). Null for a day that does not exist or an
 * explicit date already past.
 */
function untilDate(match: RegExpExecArray, referenceLocalDate: string): string | null {
  const parts = {
    day: Number(match[1]),
    month: Number(match[2]),
    year: match[3] === undefined ? null : Number(match[3]),
  };
  const date = resolveDate(parts, parseReference(referenceLocalDate));
  return date !== null && date >= referenceLocalDate ? date : null;
}

/** Reads a bare date ("15/3", "15/3/2020", "15-03") as typed after `/vang`. */
export function parseAwayDate(text: string, referenceLocalDate: string): string | null {
  const match = new RegExp(`^(?:${UNTIL}\\s+)?(?:het\\s+)?(?:ngay\\s+)?${DATE}$`).exec(foldText(text));
  if (!match) return null;
  return untilDate(match, referenceLocalDate);
}

/** "nghỉ phép đến 15/3" → { until: "2020-03-15" }; null when the text is not an absence notice. */
export function parseAwayMessage(text: string, referenceLocalDate: string): AwayUntil | null {
  const folded = foldText(text);
  if (TASK_MENTION.test(folded)) return null;
  const match = AWAY.exec(folded);
  if (!match) return null;
  const until = untilDate(match, referenceLocalDate);
  return until === null ? null : { until };
}

/** Whether an absence covers a local date: from its start to its last day, both inclusive. */
export function isAwayOn(absence: { from: string; until: string | null } | null, localDate: string): boolean {
  return (
    absence !== null && absence.until !== null && absence.from <= localDate && localDate <= absence.until
  );
}
