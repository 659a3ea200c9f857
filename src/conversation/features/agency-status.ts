// "tình hình Sở Y tế": one agency's standing in the current period.
import { isInScope } from "../../domain/behind.ts";
import { shortTitle } from "../../domain/short-title.ts";
import { periodName } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { lookUpAgency } from "../../services/agency-lookup.ts";
import { loadBehind } from "../../services/behind-query.ts";
import { categorySummary, codeList } from "../../texts/behind-text.ts";
import { encodeCoordinatorButton } from "../../texts/coordinator-buttons.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { assignmentLine, orderForAttention } from "./assignment-lines.ts";

/** Resolves a loosely written agency name, or answers why it cannot (ambiguous, unknown + suggestions). */
export async function resolveAgencyOrExplain(
  turn: LinkedTurn,
  name: string,
): Promise<{ agency: { id: number; name: string } } | { replies: Reply[] }> {
  const { t } = turn.deps.translator;
  const match = await lookUpAgency(turn.deps.db, name);
  if (match.outcome === "found") return { agency: match.agency };
  if (match.outcome === "ambiguous") {
    const names = match.candidates.map((candidate) => candidate.name).join("; ");
    return { replies: say(t("question-agency-ambiguous", { name, names })) };
  }
  const lines = [t("question-agency-unknown", { name })];
  if (match.suggestions.length > 0) {
    lines.push(t("question-agency-suggest", { names: match.suggestions.map((s) => s.name).join("; ") }));
  }
  return { replies: say(lines.join("\n")) };
}

export async function agencyStatusAnswer(turn: LinkedTurn, name: string): Promise<Reply[]> {
  const resolved = await resolveAgencyOrExplain(turn, name);
  if ("replies" in resolved) return resolved.replies;
  const { deps } = turn;
  const { translator } = deps;
  const { t } = translator;
  const at = deps.clock.now();
  const { period, report, snapshots } = await loadBehind(deps.db, {
    at,
    zone: deps.zone,
    staleAfterDays: deps.staleAfterDays,
    agencyId: resolved.agency.id,
  });
  const inScope = snapshots.filter((snapshot) => isInScope(snapshot, period));
  const standing = report.agencies[0];
  if (!standing || inScope.length === 0) {
    return say(t("agency-status-none", { agency: resolved.agency.name, year: String(period.year) }));
  }
  const lines = [
    t("agency-status-header", { agency: standing.agencyName, period: periodName(translator, period) }),
    standing.owedCount > 0
      ? t("agency-status-reported", {
          reported: standing.reportedCount,
          owed: standing.owedCount,
          updated: standing.updatedCount,
        })
      : t("agency-status-nothing-owed", {
          period: periodName(translator, period),
          year: String(period.year),
        }),
  ];
  if (standing.missingTaskCodes.length > 0) {
    lines.push(t("agency-status-missing", { codes: codeList(standing.missingTaskCodes, 12) }));
  }
  if (standing.overdueTaskCodes.length > 0) {
    lines.push(t("agency-status-overdue", { codes: codeList(standing.overdueTaskCodes, 12) }));
  }
  lines.push(
    t("behind-categories", {
      count: inScope.length,
      summary: categorySummary(translator, standing.categories),
    }),
    "",
  );
  const options = { period, at, zone: deps.zone };
  lines.push(
    ...orderForAttention(inScope, period.year).map((s) => assignmentLine(translator, s, options, s.taskCode)),
  );
  const reply: Reply = { text: lines.join("\n") };
  // Something to chase: a missing update or overdue work (what /nhac reminds of).
  if (standing.missingTaskCodes.length > 0 || standing.overdueTaskCodes.length > 0) {
    reply.buttons = [
      [
        {
          label: t("behind-nudge-button", { agency: shortTitle(standing.agencyName, 32) }),
          data: encodeCoordinatorButton({
            kind: "nudge",
            agencyId: standing.agencyId,
            periodKey: period.key,
          }),
        },
      ],
    ];
  }
  return [reply];
}
