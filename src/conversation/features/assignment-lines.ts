// One line per assignment for the agency and task answers: its status, its category, and whether an
// update is still missing for the period.
import { type AssignmentSnapshot, isMissingUpdate } from "../../domain/assignment-status.ts";
import { type Assessment, asOfInstant, assess, type BehindOptions } from "../../domain/behind.ts";
import type { Translator } from "../../i18n/translator.ts";
import { statusText } from "../../texts/behind-text.ts";

// ✅ means done, and only done: a blocked or overdue task never wears it, whatever was reported.
const MARK_DONE = "✅";
const MARK_BLOCKED = "⚠️";
const MARK_OVERDUE = "⏰";
const MARK_IN_PROGRESS = "⏳";
const MARK_NOT_STARTED = "▫️";

function markOf(snapshot: AssignmentSnapshot, assessment: Assessment): string {
  if (assessment.category === "done_on_time" || assessment.category === "done_late") return MARK_DONE;
  if (snapshot.latestStatus?.status === "blocked") return MARK_BLOCKED;
  if (assessment.overdue) return MARK_OVERDUE;
  return assessment.category === "in_progress" ? MARK_IN_PROGRESS : MARK_NOT_STARTED;
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

/** "⚠️ II.2: vướng mắc: kinh phí — quá hạn chưa hoàn thành · chưa cập nhật kỳ này". */
export function assignmentLine(
  translator: Translator,
  snapshot: AssignmentSnapshot,
  options: Pick<BehindOptions, "period" | "at" | "zone">,
  label: string,
): string {
  const { t } = translator;
  const assessment = assess(snapshot, options.period, asOfInstant(options.period, options.at), options.zone);
  const line = t("agency-status-item", {
    mark: markOf(snapshot, assessment),
    code: label,
    status: statusText(translator, snapshot.latestStatus),
    category: t(`category-${assessment.category}`),
  });
  // "chưa báo cáo" (nothing ever) already says it; an older status needs the period's gap spelled out.
  const onlyEarlier = assessment.missing && snapshot.latestStatus !== null;
  return onlyEarlier ? `${line} · ${t("agency-status-not-updated")}` : line;
}
