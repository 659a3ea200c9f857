// `/baocao [word|excel|bieudo] [YYYY-Qn]`: the quarter's report (coordinators). Without a format, the
// counts and a choice: the written report (DOCX), the appendix workbook (XLSX) or the chart.
import { dateTimeText, periodName } from "../../i18n/display.ts";
import type { IncomingButton, Reply } from "../../messages.ts";
import { loadReportDetails } from "../../services/report-details.ts";
import { decodeReportChoice, encodeReportChoice, type ReportChoice } from "../../texts/report-buttons.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { chartReplies } from "./chart.ts";
import { type LoadedReport, loadReportFor } from "./report-period.ts";

const FORMAT_WORDS: Readonly<Record<string, ReportChoice>> = {
  word: "docx",
  docx: "docx",
  excel: "xlsx",
  xlsx: "xlsx",
  bieudo: "chart",
  chart: "chart",
  png: "chart",
};

function captionOf(turn: LinkedTurn, { period, report }: LoadedReport): string {
  const { translator, zone } = turn.deps;
  // Tasks and assignments (task × lead agency) are counted apart: 34 tasks make ~300 assignments.
  const { totals } = report;
  return translator.t("report-caption", {
    period: periodName(translator, period),
    asOf: dateTimeText(new Date(report.asOf), zone),
    tasks: totals.tasks,
    assignments: totals.assignments,
    agencies: totals.agenciesInScope,
    reported: totals.agenciesReported,
    owing: totals.agenciesOwing,
    overdue: totals.categories.overdue,
  });
}

async function reportFile(turn: LinkedTurn, loaded: LoadedReport, choice: ReportChoice): Promise<Reply[]> {
  if (choice === "chart") return chartReplies(turn, loaded);
  const { deps } = turn;
  const { period, report, now } = loaded;
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
      loadDetails: () => loadReportDetails(deps.db, period, now),
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
  const rest = words.filter((word) => FORMAT_WORDS[word.toLowerCase()] === undefined);
  const loaded = await loadReportFor(turn, rest.length === 0 ? undefined : rest.join(" "), "report-usage");
  if (Array.isArray(loaded)) return loaded;
  if (choice) return reportFile(turn, loaded, choice);
  const key = loaded.period.key;
  return [
    {
      text: `${captionOf(turn, loaded)}\n\n${t("report-choose")}`,
      buttons: [
        [
          { label: t("report-button-docx"), data: encodeReportChoice("docx", key) },
          { label: t("report-button-xlsx"), data: encodeReportChoice("xlsx", key) },
          { label: t("report-button-chart"), data: encodeReportChoice("chart", key) },
        ],
      ],
    },
  ];
}

/** A press of one of /baocao's choices: the file of that period. */
export async function reportChoiceButton(turn: LinkedTurn, press: IncomingButton): Promise<Reply[]> {
  const decoded = decodeReportChoice(press.data);
  if (!decoded) return say(turn.deps.translator.t("report-expired-button"));
  const loaded = await loadReportFor(turn, decoded.periodKey, "report-usage");
  return Array.isArray(loaded) ? loaded : reportFile(turn, loaded, decoded.choice);
}
