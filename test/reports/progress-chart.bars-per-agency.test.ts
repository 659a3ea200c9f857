// The progress chart: `report --out chart.png` writes a PNG as wide as CHART_WIDTH and as tall as
// its agencies need, whose data is behind --json's (five categories per agency), and in which one bar
// per agency can be counted in the pixels; 200 agencies stay one bar each.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createCanvas, type Image, loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/domain/behind.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
import { type ProgressChartData, progressChartData } from "../../src/reports/chart-data.ts";
import {
  CHART_WIDTH,
  chartConfiguration,
  chartHeight,
  renderProgressChart,
} from "../../src/reports/chart-png.ts";
import { seedThirdQuarter } from "../support/report-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const AT = "2020-09-25T09:00:00+07:00";
let app: TestApp;
let png: Buffer;
let behind: { agencies: { agencyName: string; categories: Record<string, number> }[] };
let report: Parameters<typeof progressChartData>[0];

beforeAll(async () => {
  app = await createTestApp({ at: "2020-09-25T02:00:00Z" });
  await seedThirdQuarter(app);
  const env = { DATABASE_URL: `sqlite:${app.databasePath}`, LOG_LEVEL: "silent" };
  const out = join(app.directory, "chart.png");
  const written = await runCli(["report", "--quarter", "2020-Q3", "--out", out, "--at", AT], env);
  expect(written.stdout).toContain("Đã ghi biểu đồ Quý III/2020 (40 đơn vị)");
  png = readFileSync(out);
  behind = JSON.parse((await runCli(["behind", "--quarter", "2020-Q3", "--at", AT, "--json"], env)).stdout);
  const json = join(app.directory, "report.json");
  await runCli(["report", "--quarter", "2020-Q3", "--out", json, "--at", AT], env);
  report = JSON.parse(readFileSync(json, "utf8"));
}, 60_000);
afterAll(() => app.dispose());

const BAR_COLORS = ["#2e7d32", "#9ccc65", "#1e88e5", "#e53935", "#9e9e9e"].map((hex) => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
]);

/** Pixels of the image, and whether one is (nearly) one of the five bar colours. */
function pixelsOf(image: Image) {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  const colourAt = (x: number, y: number) => {
    const i = (y * image.width + x) * 4;
    return BAR_COLORS.findIndex(
      ([r = 0, g = 0, b = 0]) =>
        Math.abs((data[i] ?? 0) - r) < 6 &&
        Math.abs((data[i + 1] ?? 0) - g) < 6 &&
        Math.abs((data[i + 2] ?? 0) - b) < 6,
    );
  };
  return { colourAt, width: image.width, height: image.height };
}

// A bar is 30 px × 0.9 × 0.8 ≈ 22 px tall; the legend's boxes are 18 px, and the counts written
// inside a bar leave gaps of a few pixels in it.
const BAR_HEIGHT = { min: 19, max: 26 };
const GLYPH_GAP = 5;

/** The most bar-tall runs of bar colour met going down any one column: the number of bars. */
function barsCounted(image: Image): { bars: number; colours: Set<number> } {
  const { colourAt, width, height } = pixelsOf(image);
  const colours = new Set<number>();
  let bars = 0;
  for (let x = 0; x < width; x += 8) {
    let runs = 0;
    let start = -1;
    let last = -GLYPH_GAP - 1;
    const close = () => {
      const tall = last - start + 1;
      if (start >= 0 && tall >= BAR_HEIGHT.min && tall <= BAR_HEIGHT.max) runs += 1;
    };
    for (let y = 0; y < height; y += 1) {
      const colour = colourAt(x, y);
      if (colour < 0) continue;
      colours.add(colour);
      if (y - last > GLYPH_GAP) {
        close();
        start = y;
      }
      last = y;
    }
    close();
    bars = Math.max(bars, runs);
  }
  return { bars, colours };
}

function syntheticData(agencies: number): ProgressChartData {
  const names = Array.from({ length: agencies }, (_, i) => `Ủy ban nhân dân xã Ia Hrú số ${i + 1}`);
  return {
    title: "Tiến độ thực hiện nhiệm vụ theo đơn vị — Quý III/2020",
    subtitle: `${agencies} đơn vị`,
    axisLabel: "Số phần việc",
    scaleMax: 20,
    agencies: names,
    series: CATEGORIES.map((category, k) => ({
      category,
      label: category,
      color: `#${BAR_COLORS[k]?.map((v) => v.toString(16).padStart(2, "0")).join("")}`,
      values: names.map((_, i) => 1 + ((i + k) % 4)),
    })),
  };
}

describe("the progress chart", () => {
  it("feeds chart.js one stacked bar per agency with the five categories of behind --json", () => {
    const data = progressChartData(
      report,
      { year: 2020, quarter: 3 },
      createTranslator("vi"),
      "Asia/Ho_Chi_Minh",
    );
    const config = chartConfiguration(data);
    expect(config.options?.indexAxis).toBe("y");
    expect(config.options?.scales?.x?.stacked).toBe(true);
    expect(config.options?.scales?.y?.stacked).toBe(true);
    expect(config.data.labels).toHaveLength(behind.agencies.length);
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual([
      "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn",
      "Đang thực hiện trong hạn",
      "Quá hạn chưa hoàn thành",
      "Chưa thực hiện",
    ]);
    data.agencies.forEach((agency, index) => {
      const standing = behind.agencies.find((row) => row.agencyName === agency);
      if (!standing) throw new Error(`${agency} is not in behind --json`);
      expect(config.data.datasets.map((dataset) => dataset.data[index])).toEqual(
        CATEGORIES.map((category) => standing.categories[category]),
      );
    });
    // Most behind first: Sở TT&TT misses the most updates.
    expect(data.agencies[0]).toBe("Sở Thông tin và Truyền thông");
    expect(data.title).toBe("Tiến độ thực hiện nhiệm vụ theo đơn vị — Quý III/2020");
  });

  it("is a PNG as wide as CHART_WIDTH and as tall as 40 agencies need, one bar each", async () => {
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const image = await loadImage(png);
    expect(image.width).toBe(CHART_WIDTH);
    expect(image.height).toBe(chartHeight(40));
    const counted = barsCounted(image);
    expect(counted.bars).toBe(40);
    // Done on time, in progress, overdue and not started occur in 2020-Q3 (the legend shows all five).
    expect([...counted.colours]).toEqual(expect.arrayContaining([0, 2, 3, 4]));
  });

  it("stays one bar per agency with 200 agencies: the image grows in height", async () => {
    const image = await loadImage(Buffer.from(await renderProgressChart(syntheticData(200))));
    expect(image.width).toBe(CHART_WIDTH);
    expect(image.height).toBe(chartHeight(200));
    expect(chartHeight(200) / 200).toBeGreaterThanOrEqual(30);
    const counted = barsCounted(image);
    expect(counted.bars).toBe(200);
    expect(counted.colours.size).toBe(5);
  });
});
