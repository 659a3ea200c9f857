// `/cham`, `/chuabaocao` and "ai chưa báo cáo?": who is behind, most behind first, a page at a time,
// with a nudge button beside each agency; `/cham quahan`: the overdue work, by agency, paged alike;
// `/cham CDS2026`: one plan's work only (every plan's by default).
import type { BehindPage } from "../../domain/behind-page.ts";
import type { ReportingPeriod } from "../../domain/calendar.ts";
import { shortTitle } from "../../domain/short-title.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { IncomingButton, Reply, ReplyButton } from "../../messages.ts";
import { loadBehindPage } from "../../services/behind-page.ts";
import { PeriodError } from "../../services/reporting-period.ts";
import { openPlansEndedBefore } from "../../store/plans.ts";
import {
  allReportedLine,
  blockedLine,
  headlineLines,
  overdueAgencyLine,
  overdueLine,
  standingLine,
} from "../../texts/behind-text.ts";
import {
  type BehindView,
  decodeCoordinatorButton,
  encodeCoordinatorButton,
} from "../../texts/coordinator-buttons.ts";
import { withPlanEndedNotice } from "../plan-ended.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { type NamedPlan, planAmong, planOfButton } from "./plan-words.ts";

export const BEHIND_PAGE_SIZE = 10;
const OVERDUE_WORD = "quahan";

interface PageRequest {
  view: BehindView;
  page: number;
  /** The period as named (typed or carried by a button); the current one when undefined. */
  quarter: string | undefined;
  /** One plan's work only; every plan's when undefined. */
  plan: NamedPlan | undefined;
}

/** A page's lines below the headline, and the agencies it lists (one nudge button each). */
interface PageContent {
  lines: string[];
  agencies: { agencyId: number; agencyName: string }[];
}

/** The typed command that shows a page, keeping a named period and plan: "/cham quahan 2 2020-Q2 CDS2026". */
function pageCommand(request: PageRequest, page: number, period: ReportingPeriod): string {
  const parts = ["/cham"];
  if (request.view === "overdue") parts.push(OVERDUE_WORD);
  if (page > 1) parts.push(String(page));
  if (request.quarter !== undefined) parts.push(period.key);
  if (request.plan !== undefined) parts.push(request.plan.shortCode);
  return parts.join(" ");
}

/** Appends a block of lines, a blank line apart from what is already there. */
function addBlock(lines: string[], block: readonly string[]): void {
  if (lines.length > 0) lines.push("");
  lines.push(...block);
}

function missingPage(
  translator: Translator,
  page: BehindPage,
  request: PageRequest,
  period: ReportingPeriod,
): PageContent {
  const { t } = translator;
  const first = (request.page - 1) * BEHIND_PAGE_SIZE;
  const lines: string[] = [];
  const allReported = allReportedLine(translator, {
    notReported: page.notReportedCount,
    agenciesOwing: page.headline.totals.agenciesOwing,
    overdue: page.overdueCount,
  });
  if (allReported) lines.push(allReported);
  if (page.notReportedCount > 0) {
    lines.push(t("behind-not-reported-header", { count: page.notReportedCount }));
    lines.push(
      ...page.standings.map((standing, index) => standingLine(translator, standing, first + index + 1)),
    );
  }
  if (page.blocked.length > 0) {
    addBlock(lines, [
      t("behind-blocked-header", { count: page.blockedCount }),
      ...page.blocked.map((item) => blockedLine(translator, item, page.plans)),
    ]);
  }
  if (page.overdue.length > 0) {
    const overdueView: PageRequest = { ...request, view: "overdue", page: 1 };
    addBlock(lines, [
      t("behind-overdue-header", { count: page.overdueCount }),
      ...page.overdue.map((item) => overdueLine(translator, item, page.plans)),
      t("behind-overdue-more", {
        count: page.overdueCount,
        command: pageCommand(overdueView, 1, period),
      }),
    ]);
  }
  addBlock(lines, [
    t("behind-counts", { blocked: page.blockedCount, overdue: page.overdueCount, stale: page.staleCount }),
  ]);
  return { lines, agencies: page.standings };
}

function overduePage(translator: Translator, page: BehindPage, request: PageRequest): PageContent {
  const { t } = translator;
  const first = (request.page - 1) * BEHIND_PAGE_SIZE;
  const lines =
    page.overdueAgencyCount === 0
      ? [t("behind-overdue-none")]
      : [
          t("behind-overdue-view-header", { count: page.overdueCount, agencies: page.overdueAgencyCount }),
          ...page.overdueEntries.map((entry, index) =>
            overdueAgencyLine(translator, entry, first + index + 1),
          ),
          "",
          t("behind-overdue-detail"),
        ];
  return { lines, agencies: page.overdueEntries.map((entry) => entry.standing) };
}

function answerPage(turn: LinkedTurn, request: PageRequest): Promise<Reply[]> {
  // A quarter asked for by name is about that quarter; "now" after the plan ended says so first.
  const answer = () => pageAnswer(turn, request);
  return request.quarter === undefined ? withPlanEndedNotice(turn, answer) : answer();
}

/**
 * A plan whose span is over but that nobody closed keeps its unfinished work overdue (README: several
 * plans at once); the coordinator is told how to stop following it, once per such plan shown.
 */
async function endedPlanHints(
  turn: LinkedTurn,
  shownPlans: readonly string[],
  year: number,
): Promise<string[]> {
  const { t } = turn.deps.translator;
  const ended = (await openPlansEndedBefore(turn.deps.db, year)).filter((plan) =>
    shownPlans.includes(plan.shortCode),
  );
  // When every plan shown has ended, the ended-plan notice above the answer says so already.
  if (ended.length === shownPlans.length) return [];
  return ended.map((plan) =>
    t("behind-plan-ended-open", { plan: plan.shortCode, year: String(plan.endYear ?? "") }),
  );
}

async function pageAnswer(turn: LinkedTurn, request: PageRequest): Promise<Reply[]> {
  const { deps } = turn;
  const translator = deps.translator;
  const { t } = translator;
  let loaded: Awaited<ReturnType<typeof loadBehindPage>>;
  try {
    loaded = await loadBehindPage(
      deps.db,
      {
        at: deps.clock.now(),
        quarter: request.quarter,
        planId: request.plan?.id,
        zone: deps.zone,
        staleAfterDays: deps.staleAfterDays,
      },
      { view: request.view, page: request.page, size: BEHIND_PAGE_SIZE },
    );
  } catch (error) {
    if (error instanceof PeriodError) {
      return say(error.describe(translator));
    }
    throw error;
  }
  const { period, page: shown } = loaded;
  const { page } = request;
  if (page > shown.pages) return say(t("behind-bad-page", { page, pages: shown.pages }));
  const content =
    request.view === "overdue"
      ? overduePage(translator, shown, request)
      : missingPage(translator, shown, request, period);
  const lines = headlineLines(translator, shown.headline, period, deps.zone);
  if (request.plan !== undefined) lines.push(t("behind-plan-only", { plan: request.plan.shortCode }));
  lines.push("", ...content.lines);
  if (request.quarter === undefined && page === 1 && shown.overdueCount > 0) {
    lines.push(...(await endedPlanHints(turn, shown.plans, period.year)));
  }
  lines.push(
    page < shown.pages
      ? t("behind-page", { page, pages: shown.pages, command: pageCommand(request, page + 1, period) })
      : t("behind-page-last", { page, pages: shown.pages }),
  );
  const periodKey = period.key;
  const plan = request.plan?.shortCode ?? null;
  const buttons: ReplyButton[][] = content.agencies.map((agency) => [
    {
      label: t("behind-nudge-button", { agency: shortTitle(agency.agencyName, 32) }),
      data: encodeCoordinatorButton({ kind: "nudge", agencyId: agency.agencyId, periodKey }),
    },
  ]);
  if (page < shown.pages) {
    buttons.push([
      {
        label: t("behind-more-button"),
        data: encodeCoordinatorButton({
          kind: "behind_page",
          view: request.view,
          page: page + 1,
          periodKey,
          plan,
        }),
      },
    ]);
  }
  if (request.view === "missing" && page === 1 && shown.overdueCount > 0) {
    buttons.push([
      {
        label: t("behind-overdue-button"),
        data: encodeCoordinatorButton({ kind: "behind_page", view: "overdue", page: 1, periodKey, plan }),
      },
    ]);
  }
  return [{ text: lines.join("\n"), ...(buttons.length > 0 ? { buttons } : {}) }];
}

/** The answer for one page of who has not reported, or the period's error (coordinators; the router refuses officials). */
export async function behindAnswer(turn: LinkedTurn, page: number, quarter?: string): Promise<Reply[]> {
  return answerPage(turn, { view: "missing", page, quarter, plan: undefined });
}

/** `/cham [quahan] [page] [YYYY-Qn] [plan]`: the arguments in any order ("quá hạn" in words too). */
export async function behindFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const words = args.replace(/(^|\s)qu[aá]\s+h[aạ]n(?=\s|$)/giu, `$1${OVERDUE_WORD}`);
  const named = await planAmong(
    turn,
    words.split(/\s+/).filter((part) => part !== ""),
  );
  if (Array.isArray(named)) return named;
  const request: PageRequest = { view: "missing", page: 1, quarter: undefined, plan: named.plan };
  for (const token of named.rest) {
    if (/^\d{1,3}$/.test(token)) request.page = Math.max(1, Number(token));
    else if (/^(?:quahan|overdue)$/i.test(token)) request.view = "overdue";
    else request.quarter = request.quarter === undefined ? token : `${request.quarter} ${token}`;
  }
  return answerPage(turn, request);
}

/** The "Xem tiếp" and "Quá hạn" buttons under a list: the same view of the same period and plan. */
export async function behindPageButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const decoded = decodeCoordinatorButton(press.data);
  if (decoded?.kind !== "behind_page") return say(turn.deps.translator.t("nudge-expired-button"));
  const plan = await planOfButton(turn, decoded.plan);
  if (Array.isArray(plan)) return plan;
  return answerPage(turn, {
    view: decoded.view,
    page: decoded.page,
    quarter: decoded.periodKey ?? undefined,
    plan,
  });
}
