// `/bieudo [YYYY-Qn] [plan]`: the progress chart of a quarter, one stacked bar per agency
// (coordinators); of every plan's work, or of one plan's.
import { dateTimeText, periodName } from "../../i18n/display.ts";
import type { Reply } from "../../messages.ts";
import { type LinkedTurn, say } from "../turn.ts";
import { planAmong } from "./plan-words.ts";
import { type LoadedReport, loadReportFor, withPlanLine } from "./report-period.ts";

// Chat apps shrink a photo to about 2,560 pixels on its long side: a taller chart (some 75 agencies
// and more) goes as a file, so its names stay readable.
const MAX_PHOTO_HEIGHT = 2560;

export async function chartReplies(turn: LinkedTurn, loaded: LoadedReport): Promise<Reply[]> {
  const { translator, zone } = turn.deps;
  const { t } = translator;
  const { period, report } = loaded;
  const name = periodName(translator, period);
  if (report.summary.length === 0) return say(t("chart-nothing", { period: name }));
  // The chart's drawing (chart.js, @napi-rs/canvas) loads with the first chart asked for, not with the bot.
  const [{ renderReport }, { chartHeight }] = await Promise.all([
    import("../../reports/report-file.ts"),
    import("../../reports/chart-png.ts"),
  ]);
  const heading = { period, unit: turn.deps.reportSettings.issuer, madeAt: turn.deps.clock.now() };
  const bytes = await renderReport(report, "png", translator, zone, heading);
  const file = { fileName: t("chart-file-name", { key: period.key }), bytes };
  const caption = withPlanLine(
    t("chart-caption", {
      period: name,
      asOf: dateTimeText(new Date(report.asOf), zone),
      agencies: report.summary.length,
    }),
    turn,
    loaded,
  );
  if (chartHeight(report.summary.length) > MAX_PHOTO_HEIGHT) {
    return [{ text: `${caption}\n${t("chart-caption-as-file")}`, document: file }];
  }
  return [{ text: caption, photo: file }];
}

export async function chartFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const named = await planAmong(turn, args.split(/\s+/).filter(Boolean));
  if (Array.isArray(named)) return named;
  const quarter = named.rest.length === 0 ? undefined : named.rest.join(" ");
  const loaded = await loadReportFor(turn, quarter, named.plan, "chart-usage");
  return Array.isArray(loaded) ? loaded : chartReplies(turn, loaded);
}
