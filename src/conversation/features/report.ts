// `/baocao [word|excel|bieudo] [YYYY-Qn] [plan]`: the quarter's report (coordinators), of every plan or
// of one. Without a format, the counts and a choice: the written report (DOCX), the appendix workbook
// (XLSX) or the chart.
import { dateTimeText, periodName } from "../../i18n/display.ts";
import type { IncomingButton, Reply } from "../../messages.ts";
import { loadIndicatorReport } from "../../services/indicator-report.ts";
import { loadReportDetails } from "../../services/report-details.ts";
import { decodeReportChoice, encodeReportChoice, type ReportChoice } from "../../texts/report-buttons.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { chartReplies } from "./chart.ts";
import { planAmong, planOfButton } from "./plan-words.ts";
import { type LoadedReport, loadReportFor, withPlanLine } from "./report-period.ts";

const FORMAT_WORDS: Readonly<Record<string, ReportChoice>> = {
  word: "docx",
  docx: "docx",
  excel: "xlsx",
  xlsx: "xlsx",
  bieudo: "chart",
  chart: "chart",
  png: "chart",
};

function captionOf(turn: LinkedTurn, loaded: LoadedReport): string {
  const { translator, zone } = turn.deps;
  const { period, report } = loaded;
  // Tasks and assignments (task × lead agency) are counted apart: 34 tasks make ~300 assignments.
  const { totals } = report;
  const caption = translator.t("report-caption", {
    period: periodName(translator, period),
    asOf: dateTimeText(new Date(report.asOf), zone),
    tasks: totals.tasks,
    assignments: totals.assignments,
    agencies: totals.agenciesInScope,
    reported: totals.agenciesReported,
    owing: totals.agenciesOwing,
    overdue: totals.categories.overdue,
  });
  return withPlanLine(caption, turn, loaded);
}

async function reportFile(turn: LinkedTurn, loaded: LoadedReport, choice: ReportChoice): Promise<Reply[]> {
  if (choice === "chart") return chartReplies(turn, loaded);
  const { deps } = turn;
  const { period, report, now, plan } = loaded;
  // The writers (docx, exceljs) load with the first report asked for, not with the bot.
  const { renderReportFile } = await import("../../reports/report-file.ts");
  const bytes = await renderReportFile(
    {
      report,
      period,
      translator: deps.translator,
      zone: deps.zone,
      madeAt: now,
      settings: deps.reportSettings,
      loadDetails: () => loadReportDetails(deps.db, period, now, plan?.id),
      loadIndicators: () => loadIndicatorReport(deps.db, period, now, plan?.id),
    },
    choice,
  );
  const fileName = deps.translator.t(choice === "docx" ? "report-docx-file-name" : "report-file-name", {
    key: period.key,
  });
  return [{ text: captionOf(turn, loaded), document: { fileName, bytes } }];
}

export async function reportFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const words = args.trim().split(/\s+/).filter(Boolean);
  const choice = words.map((word) => FORMAT_WORDS[word.toLowerCase()]).find((found) => found !== undefined);
  const named = await planAmong(
    turn,
    words.filter((word) => FORMAT_WORDS[word.toLowerCase()] === undefined),
  );
  if (Array.isArray(named)) return named;
  const { rest, plan } = named;
  const loaded = await loadReportFor(
    turn,
    rest.length === 0 ? undefined : rest.join(" "),
    plan,
    "report-usage",
  );
  if (Array.isArray(loaded)) return loaded;
  if (choice) return reportFile(turn, loaded, choice);
  const key = loaded.period.key;
  const planCode = plan?.shortCode ?? null;
  return [
    {
      text: `${captionOf(turn, loaded)}\n\n${t("report-choose")}`,
      buttons: [
        [
          { label: t("report-button-docx"), data: encodeReportChoice("docx", key, planCode) },
          { label: t("report-button-xlsx"), data: encodeReportChoice("xlsx", key, planCode) },
          { label: t("report-button-chart"), data: encodeReportChoice("chart", key, planCode) },
        ],
      ],
    },
  ];
}

/** A press of one of /baocao's choices: the file of that period. */
export async function reportChoiceButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const decoded = decodeReportChoice(press.data);
  if (!decoded) return say(turn.deps.translator.t("report-expired-button"));
  const plan = await planOfButton(turn, decoded.plan);
  if (Array.isArray(plan)) return plan;
  const loaded = await loadReportFor(turn, decoded.periodKey, plan, "report-usage");
  return Array.isArray(loaded) ? loaded : reportFile(turn, loaded, decoded.choice);
}
