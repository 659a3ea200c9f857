// Typed codec for the coordinator's buttons (Telegram callback data, at most 64 bytes). Each carries
// the period of the list it was under, so a page or a nudge of "/cham 2020-Q2" stays in 2020-Q2:
// "n:<agencyId>:<period>" nudges an agency, "b:<page>:<period>" shows a page of who has not
// reported, "o:<page>:<period>" a page of the overdue work by agency; a page of one plan's list
// ("/cham CDS2026") ends ":p<short code>". Buttons sent before the period was carried ("n:12", "b:2")
// still work, for the current period.

export type BehindView = "missing" | "overdue";

export type CoordinatorPress =
  | { kind: "nudge"; agencyId: number; periodKey: string | null }
  | { kind: "behind_page"; view: BehindView; page: number; periodKey: string | null; plan: string | null };

export const NUDGE_PREFIX = "n";
export const BEHIND_PAGE_PREFIX = "b";
export const OVERDUE_PAGE_PREFIX = "o";

const VIEW_PREFIXES: Record<BehindView, string> = {
  missing: BEHIND_PAGE_PREFIX,
  overdue: OVERDUE_PAGE_PREFIX,
};

export function encodeCoordinatorButton(press: CoordinatorPress): string {
  const head =
    press.kind === "nudge"
      ? `${NUDGE_PREFIX}:${press.agencyId}`
      : `${VIEW_PREFIXES[press.view]}:${press.page}`;
  const period = press.periodKey === null ? head : `${head}:${press.periodKey}`;
  return press.kind === "behind_page" && press.plan !== null ? `${period}:p${press.plan}` : period;
}

/** Null for data this codec did not make: the caller says the button is out of date. */
export function decodeCoordinatorButton(data: string): CoordinatorPress | null {
  const match = /^([nbo]):(\d{1,12})(?::(\d{4}-Q[1-4]))?(?::p([A-Z][A-Z0-9-]{0,15}))?$/.exec(data);
  if (!match) return null;
  const value = Number(match[2]);
  const periodKey = match[3] ?? null;
  const plan = match[4] ?? null;
  if (match[1] === NUDGE_PREFIX) {
    return value > 0 && plan === null ? { kind: "nudge", agencyId: value, periodKey } : null;
  }
  const view: BehindView = match[1] === OVERDUE_PAGE_PREFIX ? "overdue" : "missing";
  return value > 0 && value < 1000 ? { kind: "behind_page", view, page: value, periodKey, plan } : null;
}
