// `/cham`, `/chuabaocao` and "ai chưa báo cáo?": who is behind, most behind first, a page at a time,
// with a nudge button beside each agency.
import { loadBehind } from "../../services/behind-query.ts";
import { blockedLine, headlineLines, overdueLine, standingLine } from "../../services/behind-text.ts";
import { PeriodError } from "../../services/reporting-period.ts";
import { decodeCoordinatorButton, encodeCoordinatorButton } from "../coordinator-buttons.ts";
import { refuseUnlessCoordinator } from "../coordinator-only.ts";
import { shortTitle } from "../format.ts";
import { planEndedNotice } from "../plan-ended.ts";
import { type LinkedTurn, say } from "../turn.ts";
import type { IncomingButton, Reply, ReplyButton } from "../types.ts";

export const BEHIND_PAGE_SIZE = 10;
// Page one also names the worst few blocked and overdue tasks; the rest are counted.
const DETAIL_ITEMS = 3;
// How stale counts in the chat; the CLI and config say more.
const STALE_AFTER_DAYS = 30;

/** The answer for one page, or a refusal/error. */
export async function behindAnswer(turn: LinkedTurn, page: number, quarter?: string): Promise<Reply[]> {
  const { deps } = turn;
  const translator = deps.translator;
  const { t } = translator;
  // A quarter asked for by name is answered even after the plan ended; "now" is not.
  const ended = quarter === undefined ? await planEndedNotice(turn) : null;
  if (ended) return ended;
  let loaded: Awaited<ReturnType<typeof loadBehind>>;
  try {
    loaded = await loadBehind(deps.db, {
      at: deps.clock.now(),
      quarter,
      zone: deps.zone,
      staleAfterDays: deps.staleAfterDays ?? STALE_AFTER_DAYS,
    });
  } catch (error) {
    if (error instanceof PeriodError) {
      return say(error.describe(translator));
    }
    throw error;
  }
  const { period, report } = loaded;
  const pages = Math.max(1, Math.ceil(report.notReported.length / BEHIND_PAGE_SIZE));
  if (page > pages) return say(t("behind-bad-page", { page, pages }));
  const lines = headlineLines(translator, report, period, deps.zone);
  lines.push("");
  const first = (page - 1) * BEHIND_PAGE_SIZE;
  const shown = report.notReported.slice(first, first + BEHIND_PAGE_SIZE);
  if (report.notReported.length === 0) lines.push(t("behind-all-reported"));
  else {
    lines.push(t("behind-not-reported-header", { count: report.notReported.length }));
    lines.push(...shown.map((standing, index) => standingLine(translator, standing, first + index + 1)));
  }
  if (page === 1 && report.blocked.length > 0) {
    lines.push("", t("behind-blocked-header", { count: report.blocked.length }));
    lines.push(...report.blocked.slice(0, DETAIL_ITEMS).map((item) => blockedLine(translator, item)));
  }
  if (page === 1 && report.overdue.length > 0) {
    lines.push("", t("behind-overdue-header", { count: report.overdue.length }));
    lines.push(...report.overdue.slice(0, DETAIL_ITEMS).map((item) => overdueLine(translator, item)));
  }
  lines.push(
    "",
    t("behind-counts", {
      blocked: report.blocked.length,
      overdue: report.overdue.length,
      stale: report.stale.length,
    }),
    page < pages ? t("behind-page", { page, pages, next: page + 1 }) : t("behind-page-last", { page, pages }),
  );
  const buttons: ReplyButton[][] = shown.map((standing) => [
    {
      label: t("behind-nudge-button", { agency: shortTitle(standing.agencyName, 32) }),
      data: encodeCoordinatorButton({ kind: "nudge", agencyId: standing.agencyId }),
    },
  ]);
  if (page < pages) {
    buttons.push([
      {
        label: t("behind-more-button"),
        data: encodeCoordinatorButton({ kind: "behind_page", page: page + 1 }),
      },
    ]);
  }
  return [{ text: lines.join("\n"), ...(buttons.length > 0 ? { buttons } : {}) }];
}

/** `/cham [page] [YYYY-Qn]`: the arguments in any order. */
export async function behindFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const refusal = refuseUnlessCoordinator(turn);
  if (refusal) return refusal;
  let page = 1;
  let quarter: string | undefined;
  for (const token of args.split(/\s+/).filter((part) => part !== "")) {
    if (/^\d{1,3}$/.test(token)) page = Math.max(1, Number(token));
    else quarter = quarter === undefined ? token : `${quarter} ${token}`;
  }
  return behindAnswer(turn, page, quarter);
}

/** The "Xem tiếp" button under the list. */
export async function behindPageButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const refusal = refuseUnlessCoordinator(turn);
  if (refusal) return refusal;
  const decoded = decodeCoordinatorButton(press.data);
  if (decoded?.kind !== "behind_page") return say(turn.deps.translator.t("nudge-expired-button"));
  return behindAnswer(turn, decoded.page);
}
