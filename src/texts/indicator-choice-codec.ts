// Typed codec for /chitieu's choices (Telegram callback data): "i:<indicator id>" asks for that
// indicator's figure.

export const INDICATOR_CHOICE_PREFIX = "i";

export function encodeIndicatorChoice(indicatorId: number): string {
  return `${INDICATOR_CHOICE_PREFIX}:${indicatorId}`;
}

/** Null for data this codec did not make: the caller says the button is out of date. */
export function decodeIndicatorChoice(data: string): number | null {
  const match = /^i:(\d{1,9})$/.exec(data);
  return match ? Number(match[1]) : null;
}
