// With many agencies the written report prints the chart over several landscape pages of 40 bars
// each, on one scale, rather than shrinking 200 bars onto one page.
import { describe, expect, it } from "vitest";
import { CATEGORIES, emptyCounts } from "../../src/domain/behind.ts";
import { periodOf } from "../../src/domain/calendar.ts";
import type { QuarterReport } from "../../src/domain/quarter-report.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
import { chartParts, progressChartData } from "../../src/reports/chart-data.ts";
import { writeDocxReport } from "../../src/reports/docx-report.ts";
import { readDocx } from "../support/docx-xml.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const period = periodOf(2020, 3, { zone: ZONE, firstYear: 2019, firstQuarter: 2 });

function reportOf(agencies: number): QuarterReport {
  const summary = Array.from({ length: agencies }, (_, i) => ({
    agencyCode: `xa-${i}`,
    agencyName: `UBND xã ${i + 1}`,
    owed: 5,
    reported: i % 5,
    missing: 5 - (i % 5),
    timeliness: { kind: "late" as const, days: 3 },
    categories: {
      ...emptyCounts(),
      in_progress: i % 5,
      not_started: 5 - (i % 5),
      done_on_time: i === 7 ? 12 : 0,
    },
  }));
  return {
    periodKey: "2020-Q3",
    plans: ["NQ17"],
    asOf: "2020-09-19T17:00:00.000Z",
    totals: {
      tasks: 5,
      assignments: agencies * 5,
      agenciesInScope: agencies,
      agenciesOwing: agencies,
      agenciesReported: 0,
      owedAssignments: agencies * 5,
      reportedAssignments: 0,
      missingAssignments: agencies * 5,
      updatedAssignments: 0,
      categories: emptyCounts(),
    },
    rows: [],
    summary,
    cumulative: null,
  };
}

describe("the chart of many agencies in the written report", () => {
  it("is split into parts of 40 bars on one scale", () => {
    const data = progressChartData(reportOf(90), { year: 2020, quarter: 3 }, createTranslator("vi"), ZONE);
    const parts = chartParts(data, 40);
    expect(parts.map((part) => part.agencies.length)).toEqual([40, 40, 10]);
    expect(parts.every((part) => part.scaleMax === 17)).toBe(true);
    expect(parts[2]?.agencies[0]).toBe("UBND xã 81");
    for (const [k] of CATEGORIES.entries()) expect(parts[1]?.series[k]?.values).toHaveLength(40);
  });

  it("prints each part on a page of its own, captioned with its number", async () => {
    if (!period) throw new Error("no period");
    const bytes = await writeDocxReport({
      report: reportOf(90),
      period,
      details: { places: new Map(), obstacles: [] },
      settings: {
        parent: "UBND tỉnh Gia Lai",
        issuer: "Sở Khoa học và Công nghệ",
        number: "{so}/BC-SKHCN",
        place: "Gia Lai",
        signerTitle: ["GIÁM ĐỐC"],
        signer: "Nguyễn Văn Bình",
        recipients: ["UBND tỉnh"],
        archive: "VT",
      },
      madeAt: new Date("2020-09-25T02:00:00Z"),
      zone: ZONE,
      translator: createTranslator("vi"),
    });
    const docx = readDocx(bytes);
    expect(docx.document.match(/<w:drawing>/g)).toHaveLength(3);
    const captions = docx.paragraphs.filter((p) => p.text.startsWith("Biểu đồ:")).map((p) => p.text);
    expect(captions.map((caption) => caption.slice(caption.lastIndexOf("(")))).toEqual([
      "(phần 1/3)",
      "(phần 2/3)",
      "(phần 3/3)",
    ]);
    expect(docx.paragraphs.some((p) => p.text === "Nguyễn Văn Bình")).toBe(true);
    expect(docx.paragraphs.some((p) => p.text === "GIÁM ĐỐC")).toBe(true);
  });
});
