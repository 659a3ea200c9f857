// The XLSX report printed by a real reader: LibreOffice converts it to PDF, poppler reads the pages
// back. The appendix of 40 agencies must print on at most 3 landscape pages, its header whole on each,
// and its totals row must equal the sum of the rows above it.
import { execFile, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuarterReport } from "../../src/domain/quarter-report.ts";
import { renderReport } from "../../src/reports/report-file.ts";
import type { TestApp } from "../support/test-app.ts";
import { loadFixtureReport, MADE_AT, reportFixture } from "./report-fixture.ts";

const run = promisify(execFile);
const installed = (command: string, flag: string) => spawnSync(command, [flag]).status === 0;
const readers = installed("soffice", "--version") && installed("pdftotext", "-v");
const skipped = readers
  ? ""
  : " (skipped: LibreOffice's soffice or poppler's pdftotext is not installed here; .ci/run installs them)";

// The appendix's header: the labels standing in both rows, the spans, and the labels under the spans.
const WHOLE_LABELS = ["STT", "Đơn vị", "Tình trạng báo cáo"];
const SPAN_LABELS = ["Số nhiệm vụ", "Phân loại nhiệm vụ theo tiến độ"];
const LOWER_LABELS = [
  "Phải báo cáo",
  "Đã báo cáo",
  "Chưa báo cáo",
  "Hoàn thành đúng hạn",
  "Hoàn thành quá hạn",
  "Đang thực hiện trong hạn",
  "Quá hạn chưa hoàn thành",
  "Chưa thực hiện",
];
// A printed agency row: STT, name, eight counts, the standing.
const AGENCY_LINE = /^\s*(\d+)\s+(\D+?)\s+((?:\d+\s+){7}\d+)\s+(\S.*)$/;
const PRINTED_PAGES = 4;
const TOTALS_LINE = /^\s*Tổng cộng\s+((?:\d+\s+){7}\d+)\s*$/;

function counts(text: string): number[] {
  return text.trim().split(/\s+/).map(Number);
}

/** Each word with how many times it occurs. */
function wordCounts(texts: readonly string[]): Map<string, number> {
  const words = new Map<string, number>();
  for (const word of texts.join(" ").split(/\s+/).filter(Boolean))
    words.set(word, (words.get(word) ?? 0) + 1);
  return words;
}

interface Word {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const WORD = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;

/** Each page's words with their boxes, from `pdftotext -bbox`. */
function wordsByPage(bbox: string): Word[][] {
  return bbox
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(WORD)].map(([, left, top, right, bottom, text]) => ({
        text: text ?? "",
        left: Number(left),
        top: Number(top),
        right: Number(right),
        bottom: Number(bottom),
      })),
    );
}

/**
 * The labels under the spans lie wholly between the spans' line and the first agency's row. A header
 * row too short for its wrapped labels prints them spilling over both (LibreOffice does not clip).
 */
function lowerHeaderSpills(words: readonly Word[]): Word[] {
  const at = (text: string) => words.find((word) => word.text === text);
  const span = at("Phân");
  const stt = at("STT");
  const first = at("Phải");
  if (!span || !stt || !first) throw new Error("the appendix's header is not on the page");
  const spanBottom = Math.max(...words.filter((w) => Math.abs(w.top - span.top) < 1).map((w) => w.bottom));
  const bodyTop = Math.min(
    ...words.filter((w) => /^\d+$/.test(w.text) && w.top > stt.top && w.left < stt.right).map((w) => w.top),
  );
  const last = Math.max(...words.filter((w) => w.text === "hiện" && w.top < bodyTop).map((w) => w.right));
  const lower = words.filter((w) => {
    const centre = (w.left + w.right) / 2;
    return centre > first.left - 1 && centre < last + 1 && w.top > span.top + 1 && w.top < bodyTop;
  });
  expect(wordCounts(lower.map((w) => w.text))).toEqual(wordCounts(LOWER_LABELS));
  return lower.filter((w) => w.top < spanBottom - 0.5 || w.bottom > bodyTop + 0.5);
}

let app: TestApp;
let report: QuarterReport;
let pages: string[];
let pageWords: Word[][];
let pageSizes: string[];

beforeAll(async () => {
  if (!readers) return;
  app = await reportFixture();
  const loaded = await loadFixtureReport(app);
  report = loaded.report;
  const heading = { period: loaded.period, unit: app.config.REPORT_ISSUER, madeAt: MADE_AT };
  const file = join(app.directory, "bao-cao.xlsx");
  writeFileSync(file, await renderReport(report, "xlsx", app.translator, app.config.APP_TZ, heading));
  // A profile of its own, so that another LibreOffice running on the machine does not take the job.
  const profile = pathToFileURL(join(app.directory, "libreoffice-profile")).href;
  // The first pages only: the appendix and where the next sheet starts (all 79 take ten times longer).
  const firstPages = `pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1-${PRINTED_PAGES}"}}`;
  const options = ["--headless", "--convert-to", firstPages, "--outdir", app.directory, file];
  await run("soffice", [`-env:UserInstallation=${profile}`, ...options], { timeout: 150_000 });
  const pdf = join(app.directory, "bao-cao.pdf");
  const text = (await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 16 * 1_048_576 })).stdout;
  pages = text.split("\f").filter((page) => page.trim() !== "");
  pageWords = wordsByPage(
    (await run("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1_048_576 })).stdout,
  );
  const info = (await run("pdfinfo", ["-f", "1", "-l", "9999", pdf])).stdout;
  pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((match) => match[1] ?? "");
}, 180_000);
afterAll(async () => {
  await app?.dispose();
});

describe(`the XLSX report printed through LibreOffice${skipped}`, () => {
  it.skipIf(!readers)("prints every page on A4 landscape", () => {
    expect(pageSizes).toHaveLength(PRINTED_PAGES);
    for (const size of pageSizes) {
      const [width, height] = (/^([\d.]+) x ([\d.]+)/.exec(size) ?? []).slice(1).map(Number);
      expect(size).toContain("A4");
      expect(width).toBeGreaterThan(height ?? Number.POSITIVE_INFINITY);
    }
  });

  it.skipIf(!readers)(
    "prints the appendix of 40 agencies on at most 3 pages, its header whole on each",
    () => {
      expect(report.summary).toHaveLength(40);
      const next = pages.findIndex((page) => page.includes("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA TỪNG ĐƠN VỊ"));
      const appendix = next === -1 ? pages : pages.slice(0, next);
      expect(appendix.length).toBeGreaterThanOrEqual(1);
      expect(appendix.length).toBeLessThanOrEqual(3);
      expect(appendix[0]).toContain("TỔNG HỢP TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ");
      expect(appendix[0]).toContain("Đơn vị tổng hợp: Sở Khoa học và Công nghệ");
      const expected = wordCounts([...WHOLE_LABELS, ...SPAN_LABELS, ...LOWER_LABELS]);
      appendix.forEach((page, index) => {
        // Every word of the header stands above the first agency's row, as often as it occurs.
        const lines = page.split("\n");
        const header = wordCounts(
          lines.slice(
            0,
            lines.findIndex((line) => AGENCY_LINE.test(line)),
          ),
        );
        for (const [word, times] of expected)
          expect(header.get(word) ?? 0, word).toBeGreaterThanOrEqual(times);
        expect(lowerHeaderSpills(pageWords[index] ?? [])).toEqual([]);
      });
      const numbers = appendix.flatMap((page) =>
        page.split("\n").flatMap((line) => {
          const match = AGENCY_LINE.exec(line);
          return match ? [Number(match[1])] : [];
        }),
      );
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    },
  );

  it.skipIf(!readers)("prints a totals row equal to the sum of each column above it", () => {
    const lines = pages.flatMap((page) => page.split("\n"));
    const rows = lines.flatMap((line) => {
      const match = AGENCY_LINE.exec(line);
      return match && !line.includes("Tổng cộng") ? [counts(match[3] ?? "")] : [];
    });
    const totalsLine = lines.map((line) => TOTALS_LINE.exec(line)).find((match) => match !== null);
    expect(totalsLine).toBeDefined();
    const totals = counts(totalsLine?.[1] ?? "");
    const sums = totals.map((_, column) =>
      rows.slice(0, 40).reduce((sum, row) => sum + (row[column] ?? 0), 0),
    );
    expect(totals).toEqual(sums);
    expect(totals[0]).toBe(report.totals.owedAssignments);
  });
});
