// The expected completion date among a clause's dates: "dự kiến xong 30/3", "trước 15/4", "30/6 là xong".
import { lookBackStart } from "./clause.ts";
import type { DateSpan } from "./date-mentions.ts";
import { iso, type Ymd } from "./dates.ts";
import { endsWith, folded, matchAny, PHRASE, WORD } from "./phrases.ts";
import type { Clause } from "./tokens.ts";

// An expected date more than a year behind the message or ten ahead is a typo, not a plan ("1/1/1969").
const ETA_YEARS_BEHIND = 1;
const ETA_YEARS_AHEAD = 10;

/**
 * "dự kiến xong 30/3", "trước 15/4", "30/6 là xong"; not "đã xong trước 15/3", not "từ 15/3".
 * Only "dự kiến" and the like make a past date expected.
 */
function isEtaContext(c: Clause, span: DateSpan): boolean {
  if (endsWith(c, span.start - 1, PHRASE.from) > 0) return false;
  let weak = false;
  let past = false;
  for (let k = span.start - 1, start = lookBackStart(c, span.start - 1, 5); k >= start; k--) {
    if (endsWith(c, k, PHRASE.etaStrong) > 0) return true;
    if (endsWith(c, k, PHRASE.past) > 0) past = true;
    else if (endsWith(c, k, PHRASE.etaWeak) > 0) weak = true;
  }
  if (span.past) return false;
  if (weak && !past) return true;
  for (let k = span.end, steps = 0; k < c.tokens.length && steps < 3; k++, steps++) {
    if (matchAny(c, k, PHRASE.done) > 0) return true;
    if (!WORD.dateToDone.has(folded(c, k))) break;
  }
  return false;
}

function isPlausibleEta(isoDate: string, reference: Ymd | null): boolean {
  if (reference === null) return true;
  const { year, month, day } = reference;
  return (
    isoDate >= iso(year - ETA_YEARS_BEHIND, month, day) && isoDate <= iso(year + ETA_YEARS_AHEAD, month, day)
  );
}

export function findEta(c: Clause, dates: readonly DateSpan[]): string | null {
  for (const span of dates) {
    if (span.iso !== null && isPlausibleEta(span.iso, c.ctx.reference) && isEtaContext(c, span))
      return span.iso;
  }
  return null;
}
