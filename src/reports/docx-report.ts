// The quarter's report as a Word draft in the form of Nghị định 30/2020/NĐ-CP (Phụ lục I, mẫu 1.4
// "văn bản có tên loại"): A4 portrait, Times New Roman, page numbers top centre from page 2, then
// the appendix on landscape pages. The chart is drawn here and embedded.
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from "docx";
import { localDateOf } from "../domain/calendar.ts";
import { plansOf } from "../domain/written-report.ts";
import { dateText } from "../i18n/display.ts";
import { chartParts, progressChartData } from "./chart-data.ts";
import { CHART_WIDTH, chartHeight, renderProgressChart } from "./chart-png.ts";
import { appendixChildren } from "./docx-appendix.ts";
import { bodyParagraphs, periodPhrase } from "./docx-body.ts";
import { headerTable, signatureBlock, spacer, titleBlock } from "./docx-header.ts";
import type { ChartImage, WrittenReportInput } from "./docx-input.ts";
import { A4, BODY_SIZE, FONT, MARGINS, pt } from "./docx-style.ts";

/** The plan's name as the report cites it: "Kế hoạch … của Ủy ban nhân dân tỉnh Gia Lai". */
function planName(input: WrittenReportInput): string {
  const { t } = input.translator;
  const plans = plansOf(input.report.rows, input.details.places);
  if (plans.length === 0) return t("report-docx-plan-fallback");
  return plans
    .map((plan) =>
      plan.planIssuer
        ? t("report-docx-plan-of", { plan: plan.planTitle, issuer: plan.planIssuer })
        : plan.planTitle,
    )
    .join("; ");
}

/** The plan titles alone, for the subject line (trích yếu). */
function planTitles(input: WrittenReportInput): string {
  const plans = plansOf(input.report.rows, input.details.places);
  return plans.length === 0
    ? input.translator.t("report-docx-plan-fallback")
    : plans.map((plan) => plan.planTitle).join("; ");
}

// Page numbers: Arabic, top centre, 13 pt, from the second page (the first page has an empty header).
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
      }),
    ],
  });
}

export async function writeDocxReport(input: WrittenReportInput): Promise<Uint8Array> {
  const { translator } = input;
  // A landscape page holds 40 agencies' bars legibly; more go on further pages, on one scale.
  const charts: ChartImage[] = [];
  for (const part of chartParts(progressChartData(input.report, input.period, translator, input.zone), 40)) {
    charts.push({
      png: await renderProgressChart(part),
      width: CHART_WIDTH,
      height: chartHeight(part.agencies.length),
    });
  }
  const subject = translator.t("report-docx-subject", {
    plan: planTitles(input),
    period: periodPhrase(input, input.period),
  });
  const mainPage = {
    size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
    margin: MARGINS,
  };
  const main: (Paragraph | Table)[] = [
    headerTable(input.settings, translator, input.madeAt, input.zone),
    ...titleBlock(translator, subject),
    ...bodyParagraphs(input, planName(input)),
    spacer(),
    signatureBlock(input.settings, translator),
  ];
  const document = new Document({
    creator: input.settings.issuer,
    title: subject,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: mainPage, titlePage: true },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: main,
      },
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
            margin: MARGINS,
          },
        },
        headers: { default: pageNumberHeader() },
        children: appendixChildren(input, dateText(localDateOf(input.madeAt, input.zone)), charts),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
