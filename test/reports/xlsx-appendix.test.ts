// The XLSX report read back with exceljs: what a clerk prints and what the file says about printing.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuarterReport } from "../../src/domain/quarter-report.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
import { renderReport } from "../../src/reports/report-file.ts";
import type { TestApp } from "../support/test-app.ts";
import { loadFixtureReport, MADE_AT, reportFixture } from "./report-fixture.ts";

let app: TestApp;
let report: QuarterReport;
let workbook: ExcelJS.Workbook;
let heading: Parameters<typeof renderReport>[4];

const SUMMARY = "Tổng hợp đơn vị";
const TASKS = "Nhiệm vụ";
const CUMULATIVE = "Lũy kế 6 tháng";

beforeAll(async () => {
  app = await reportFixture();
  const loaded = await loadFixtureReport(app);
  report = loaded.report;
  heading = { period: loaded.period, unit: app.config.REPORT_ISSUER, madeAt: MADE_AT };
  const bytes = await renderReport(report, "xlsx", app.translator, app.config.APP_TZ, heading);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
}, 60_000);
afterAll(async () => {
  await app.dispose();
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** What a cell shows: its text, a number, a date, or a formula's stored result. */
function shown(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  // exceljs reads a stored result of 0 as no result (the PDF test sees the 0 printed).
  return value !== null && typeof value === "object" && "formula" in value ? (value.result ?? 0) : value;
}

function rowValues(worksheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const row = worksheet.getRow(rowNumber);
  return Array.from({ length: worksheet.columnCount }, (_, i) => shown(row.getCell(i + 1)));
}

/** The first row whose cells include `text`. */
function rowWith(worksheet: ExcelJS.Worksheet, text: string): number {
  for (let number = 1; number <= worksheet.rowCount; number++) {
    if (rowValues(worksheet, number).includes(text)) return number;
  }
  throw new Error(`no row with ${text} in ${worksheet.name}`);
}

describe("the quarter's report as a printable XLSX appendix", () => {
  it("puts the per-agency appendix first, then the tasks and the cumulative view", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([SUMMARY, TASKS, CUMULATIVE]);
  });

  it("prints every sheet on A4 landscape, fitted to the page width, its header rows on every page", () => {
    for (const worksheet of workbook.worksheets) {
      expect(worksheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      const headerLast = worksheet.name === TASKS ? 6 : 7;
      expect(worksheet.pageSetup.printTitlesRow).toBe(`6:${headerLast}`);
      expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerLast });
      expect(worksheet.headerFooter.oddFooter).toBe("&CTrang &P");
    }
  });

  it("opens each sheet with a title block: the report's name, period, compiling unit and date made", () => {
    const summary = sheet(SUMMARY);
    expect(rowValues(summary, 1)[0]).toBe("TỔNG HỢP TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ");
    expect(rowValues(summary, 2)[0]).toBe("Kỳ báo cáo: Quý II/2020 — số liệu tính đến 20/06/2020 00:00");
    expect(rowValues(summary, 3)[0]).toBe("Đơn vị tổng hợp: Sở Khoa học và Công nghệ");
    expect(rowValues(summary, 4)[0]).toBe("Ngày lập: 25/06/2020");
    // Each title line spans the table's width.
    expect(summary.getCell(1, summary.columnCount).master.address).toBe("A1");
    expect(rowValues(sheet(TASKS), 1)[0]).toBe("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA TỪNG ĐƠN VỊ");
    expect(rowValues(sheet(CUMULATIVE), 1)[0]).toBe(
      "LŨY KẾ 6 THÁNG: TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA TỪNG ĐƠN VỊ",
    );
  });

  it("heads the appendix with readable, wrapped headers grouped under their spans", () => {
    const summary = sheet(SUMMARY);
    // exceljs gives every cell of a merged range its first cell's value.
    expect(rowValues(summary, 6)).toEqual([
      "STT",
      "Đơn vị",
      ...Array(3).fill("Số nhiệm vụ"),
      ...Array(5).fill("Phân loại nhiệm vụ theo tiến độ"),
      "Tình trạng báo cáo",
    ]);
    expect(summary.getCell("E6").master.address).toBe("C6");
    expect(summary.getCell("B7").master.address).toBe("B6");
    expect(rowValues(summary, 7).slice(2, 10)).toEqual([
      "Phải báo cáo",
      "Đã báo cáo",
      "Chưa báo cáo",
      "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn",
      "Đang thực hiện trong hạn",
      "Quá hạn chưa hoàn thành",
      "Chưa thực hiện",
    ]);
    expect(summary.getCell("F7").alignment).toMatchObject({ wrapText: true });
    // "Quá hạn chưa hoàn thành" takes two lines at its width: the row is at least that tall.
    expect(summary.getRow(7).height).toBeGreaterThanOrEqual(27);
  });

  it("numbers the agencies and ends with a totals row equal to the sum of each column", () => {
    const summary = sheet(SUMMARY);
    const totalsRow = rowWith(summary, "Tổng cộng");
    expect(totalsRow).toBe(8 + report.summary.length);
    const body = Array.from({ length: report.summary.length }, (_, i) => rowValues(summary, 8 + i));
    expect(body.map((row) => row[0])).toEqual(body.map((_, i) => i + 1));
    expect(body.map((row) => row[1])).toEqual(report.summary.map((row) => row.agencyName));
    const totals = rowValues(summary, totalsRow);
    for (let column = 2; column <= 9; column++) {
      const sum = body.reduce((total: number, row) => total + Number(row[column]), 0);
      expect(totals[column]).toBe(sum);
      const letter = String.fromCharCode(65 + column);
      expect(summary.getCell(totalsRow, column + 1).value).toMatchObject({
        formula: `SUM(${letter}8:${letter}${totalsRow - 1})`,
      });
    }
    // The same figures as who-is-behind's totals.
    const { totals: behind } = report;
    expect(totals.slice(2, 10)).toEqual([
      behind.owedAssignments,
      behind.reportedAssignments,
      behind.missingAssignments,
      behind.categories.done_on_time,
      behind.categories.done_late,
      behind.categories.in_progress,
      behind.categories.overdue,
      behind.categories.not_started,
    ]);
  });

  it("groups the tasks by agency in the appendix's order, numbered from 1 in each group", () => {
    const tasks = sheet(TASKS);
    const groups: { heading: string; numbers: unknown[]; codes: unknown[] }[] = [];
    for (let number = 7; number <= tasks.rowCount; number++) {
      const [first, code] = rowValues(tasks, number);
      const current = groups.at(-1);
      if (typeof first === "string") groups.push({ heading: first, numbers: [], codes: [] });
      else if (current) {
        current.numbers.push(first);
        current.codes.push(code);
      }
    }
    expect(groups.map((g) => g.heading)).toEqual(
      report.summary.map((agency) => {
        const count = report.rows.filter((r) => r.agencyName === agency.agencyName).length;
        return `${agency.agencyName} (${count} nhiệm vụ)`;
      }),
    );
    for (const [index, group] of groups.entries()) {
      const agency = report.summary[index]?.agencyName;
      expect(group.numbers).toEqual(group.numbers.map((_, i) => i + 1));
      expect(group.codes).toEqual(report.rows.filter((r) => r.agencyName === agency).map((r) => r.taskCode));
    }
  });

  it("shows Vietnamese words only: no agency codes, status keys, period keys or raw button texts", () => {
    const agencyCodes = new Set(report.rows.map((row) => row.agencyCode));
    const texts: string[] = [];
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      );
    }
    const internal = texts.filter(
      (text) =>
        agencyCodes.has(text) ||
        /\[nút\]|\b(in_progress|not_started|blocked|done_on_time|done_late|overdue)\b|\d{4}-Q[1-4]/.test(
          text,
        ),
    );
    expect(internal).toEqual([]);
    expect(texts).toContain("Bấm nút: Xong");
    expect(texts).toContain("Bấm nút: Đang làm 60%");
    expect(texts).toContain("Đang thực hiện trong hạn");
    expect(texts).toContain("Vướng mắc");
  });

  it("names the cumulative view's columns by quarter, Quý I/2020 and Quý II/2020", () => {
    const cumulative = sheet(CUMULATIVE);
    const spans = rowValues(cumulative, 6);
    const headers = rowValues(cumulative, 7);
    expect(spans.at(-2)).toBe("Có báo cáo trong kỳ");
    expect(headers.slice(-2)).toEqual(["Quý I/2020", "Quý II/2020"]);
  });

  it("keeps dates and times real cells in local wall time, and gives a long title room to wrap", () => {
    const tasks = sheet(TASKS);
    const headers = rowValues(tasks, 6);
    const timeColumn = headers.indexOf("Thời gian báo cáo") + 1;
    const titleColumn = headers.indexOf("Nhiệm vụ") + 1;
    let checked = 0;
    tasks.eachRow((row, number) => {
      const time = row.getCell(timeColumn);
      if (number <= 6 || !(time.value instanceof Date)) return;
      checked += 1;
      expect(time.numFmt).toBe("dd/mm/yyyy hh:mm");
      // 03:30 UTC is 10:30 in Gia Lai, written as the wall time.
      expect(["2020-06-10T10:30:00.000Z", "2020-03-05T09:00:00.000Z"]).toContain(time.value.toISOString());
      const title = String(row.getCell(titleColumn).value);
      expect(row.getCell(titleColumn).alignment).toMatchObject({ wrapText: true });
      if (title.length > 200) expect(row.height).toBeGreaterThan(60);
    });
    expect(checked).toBeGreaterThan(200);
  });

  it("is English throughout for an English reader, the quarters named Q1/2020", async () => {
    const bytes = await renderReport(report, "xlsx", createTranslator("en"), app.config.APP_TZ, heading);
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(new Uint8Array(bytes).buffer);
    expect(english.worksheets.map((w) => w.name)).toEqual(["Agencies", "Tasks", "Cumulative 6 months"]);
    const [summary, tasks, cumulative] = english.worksheets;
    expect(summary?.getCell("A1").value).toBe("REPORTING BY AGENCY");
    expect(summary?.getCell("A3").value).toBe("Compiled by: Sở Khoa học và Công nghệ");
    expect(summary?.getCell("C7").value).toBe("To report");
    expect(String(tasks?.getCell("A7").value)).toMatch(/ \(\d+ tasks\)$/);
    expect(cumulative?.getRow(7).values).toEqual(expect.arrayContaining(["Q1/2020", "Q2/2020"]));
  });
});
