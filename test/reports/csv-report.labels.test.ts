// The CSV shares the XLSX's Vietnamese labels and words, and stays machine-readable: one header row,
// one line per assignment, no title block.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuarterReport } from "../../src/domain/quarter-report.ts";
import { renderReport } from "../../src/reports/report-file.ts";
import type { TestApp } from "../support/test-app.ts";
import { loadFixtureReport, MADE_AT, reportFixture } from "./report-fixture.ts";

let app: TestApp;
let report: QuarterReport;
let text: string;

beforeAll(async () => {
  app = await reportFixture();
  const loaded = await loadFixtureReport(app);
  report = loaded.report;
  const heading = { period: loaded.period, unit: app.config.REPORT_ISSUER, madeAt: MADE_AT };
  text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
    await renderReport(report, "csv", app.translator, app.config.APP_TZ, heading),
  );
}, 60_000);
afterAll(async () => {
  await app.dispose();
});

describe("the quarter's report as CSV", () => {
  it("has one header row with the XLSX's labels, then one line per assignment", () => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(header).toEqual([
      "Số hiệu nhiệm vụ",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Mã đơn vị",
      "Hạn hoàn thành",
      "Phải báo cáo",
      "Báo cáo trong kỳ",
      "Trạng thái",
      "Tiến độ (%)",
      "Vướng mắc",
      "Dự kiến hoàn thành",
      "Người báo cáo",
      "Thời gian báo cáo",
      "Phân loại",
      "Nội dung báo cáo",
    ]);
    expect(rows).toHaveLength(report.rows.length);
  });

  it("writes button presses, statuses and categories in words, as the XLSX does", () => {
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    const sent = rows.map((row) => row["Nội dung báo cáo"]);
    expect(sent).toContain("Bấm nút: Xong");
    expect(sent).toContain("Bấm nút: Đang làm 60%");
    expect(sent.some((value) => value?.includes("[nút]"))).toBe(false);
    expect(new Set(rows.map((row) => row["Trạng thái"]))).toEqual(
      new Set(["Hoàn thành", "Đang thực hiện", "Vướng mắc", "Chưa báo cáo"]),
    );
    expect(rows.map((row) => row["Phân loại"])).toContain("Đang thực hiện trong hạn");
    // Machine-readable still: the agency's code, local date-times in one fixed form.
    expect(rows.every((row) => /^[a-z0-9-]+$/.test(row["Mã đơn vị"] ?? ""))).toBe(true);
    const times = rows.map((row) => row["Thời gian báo cáo"]).filter(Boolean);
    expect(times.every((time) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(time ?? ""))).toBe(true);
  });
});
