// Typed codec for the coordinator's buttons (Telegram callback data, at most 64 bytes):
// "n:<agencyId>" nudges an agency, "b:<page>" shows a page of the who-is-behind list.

export type CoordinatorPress = { kind: "nudge"; agencyId: number } | { kind: "behind_page"; page: number };

export const NUDGE_PREFIX = "n";
export const BEHIND_PAGE_PREFIX = "b";

export function encodeCoordinatorButton(press: CoordinatorPress): string {
  return press.kind === "nudge" ? `${NUDGE_PREFIX}:${press.agencyId}` : `${BEHIND_PAGE_PREFIX}:${press.page}`;
}

/** Null for data this codec did not make: the caller says the button is out of date. */
export function decodeCoordinatorButton(data: string): CoordinatorPress | null {
  const match = /^([nb]):(\d{1,12})$/.exec(data);
  if (!match) return null;
  const value = Number(match[2]);
  if (match[1] === NUDGE_PREFIX) return value > 0 ? { kind: "nudge", agencyId: value } : null;
  return value > 0 && value < 1000 ? { kind: "behind_page", page: value } : null;
}
