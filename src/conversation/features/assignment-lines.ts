// One line per assignment for the agency and task answers: reported this period or not, status, category.
import { type AssignmentSnapshot, isMissingUpdate } from "../../domain/assignment-status.ts";
import { type BehindOptions, categoryOf } from "../../domain/behind.ts";
import type { Translator } from "../../i18n/translator.ts";
import { statusText } from "../../services/behind-text.ts";

const MARK_REPORTED = "✅";
const MARK_MISSING = "⏳";
const MARK_NOT_OWED = "▫️";

function markOf(snapshot: AssignmentSnapshot, year: number): string {
  if (snapshot.latestInPeriod !== null) return MARK_REPORTED;
  return isMissingUpdate(snapshot, year) ? MARK_MISSING : MARK_NOT_OWED;
}

/** Missing first, then blocked, then the rest, each in plan order. */
export function orderForAttention(snapshots: AssignmentSnapshot[], year: number): AssignmentSnapshot[] {
  const rank = (s: AssignmentSnapshot) =>
    isMissingUpdate(s, year) ? 0 : s.latestStatus?.status === "blocked" ? 1 : 2;
  return snapshots
    .map((s, index) => ({ s, index }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.index - b.index)
    .map(({ s }) => s);
}

export function assignmentLine(
  translator: Translator,
  snapshot: AssignmentSnapshot,
  options: Pick<BehindOptions, "period" | "at" | "zone">,
  label: string,
): string {
  return translator.t("agency-status-item", {
    mark: markOf(snapshot, options.period.year),
    code: label,
    status: statusText(translator, snapshot.latestStatus),
    category: translator.t(`category-${categoryOf(snapshot, options.at, options.zone)}`),
  });
}
