// The progress chart as a PNG, drawn server-side: chart.js on @napi-rs/canvas, no browser. One
// horizontal stacked bar per agency, so 200 agencies stay readable: the image grows in height.
import { fileURLToPath } from "node:url";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartItem,
  Legend,
  LinearScale,
  type Plugin,
  SubTitle,
  Title,
} from "chart.js";
import { projectRoot } from "../project-root.ts";
import type { ProgressChartData } from "./chart-data.ts";

export const CHART_WIDTH = 1600;
const HEADER_HEIGHT = 230;
const ROW_HEIGHT = 30;
const MIN_HEIGHT = 520;

// A font shipped with the project: a fresh machine may have no system fonts at all, and Vietnamese
// diacritics must render everywhere.
const FONT_FAMILY = "Liberation Sans";
const FONT_FILES = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"];
let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  for (const file of FONT_FILES) {
    const path = fileURLToPath(new URL(`assets/fonts/${file}`, projectRoot));
    if (!GlobalFonts.registerFromPath(path, FONT_FAMILY))
      throw new Error(`cannot load the chart font ${path}`);
  }
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, SubTitle);
  fontsRegistered = true;
}

/** The image's height for a number of agencies: a fixed header and legend, then one row each. */
export function chartHeight(agencyCount: number): number {
  return Math.max(MIN_HEIGHT, HEADER_HEIGHT + ROW_HEIGHT * agencyCount);
}

// chart.js leaves the canvas transparent: a dark chat theme would hide the black labels.
const whiteBackground: Plugin<"bar"> = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

// Each segment's count inside it, where it fits, so the figures can be read without a scale.
const segmentCounts: Plugin<"bar"> = {
  id: "segmentCounts",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `bold 15px "${FONT_FAMILY}"`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.hidden) return;
      meta.data.forEach((bar, index) => {
        const value = Number(dataset.data[index] ?? 0);
        const { x, y, base } = bar.getProps(["x", "y", "base"], true) as {
          x: number;
          y: number;
          base: number;
        };
        const text = String(value);
        if (value === 0 || Math.abs(x - base) < ctx.measureText(text).width + 8) return;
        ctx.fillStyle = datasetIndex === 1 || datasetIndex === 4 ? "#1b1b1b" : "#ffffff";
        ctx.fillText(text, (x + base) / 2, y);
      });
    });
    ctx.restore();
  },
};

export function chartConfiguration(data: ProgressChartData): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: data.agencies,
      datasets: data.series.map((series) => ({
        label: series.label,
        data: series.values,
        backgroundColor: series.color,
        borderWidth: 0,
        barPercentage: 0.8,
        categoryPercentage: 0.9,
      })),
    },
    options: {
      indexAxis: "y",
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { left: 16, right: 32, top: 12, bottom: 16 } },
      font: { family: FONT_FAMILY },
      plugins: {
        title: {
          display: true,
          text: data.title,
          color: "#1b1b1b",
          font: { family: FONT_FAMILY, size: 30, weight: "bold" },
        },
        subtitle: {
          display: true,
          text: data.subtitle,
          color: "#333333",
          font: { family: FONT_FAMILY, size: 18 },
          padding: { bottom: 12 },
        },
        legend: {
          position: "top",
          labels: { font: { family: FONT_FAMILY, size: 18 }, boxWidth: 22, padding: 18, color: "#1b1b1b" },
        },
      },
      scales: {
        x: {
          stacked: true,
          position: "top",
          beginAtZero: true,
          suggestedMax: data.scaleMax,
          ticks: { precision: 0, font: { family: FONT_FAMILY, size: 15 }, color: "#333333" },
          title: { display: true, text: data.axisLabel, font: { family: FONT_FAMILY, size: 16 } },
        },
        y: {
          stacked: true,
          ticks: { autoSkip: false, font: { family: FONT_FAMILY, size: 17 }, color: "#1b1b1b" },
          grid: { display: false },
        },
      },
    },
    plugins: [whiteBackground, segmentCounts],
  };
}

/** The chart as PNG bytes, CHART_WIDTH wide and chartHeight(agencies) tall. */
export async function renderProgressChart(data: ProgressChartData): Promise<Uint8Array> {
  registerFonts();
  const canvas = createCanvas(CHART_WIDTH, chartHeight(data.agencies.length));
  // chart.js draws on any 2D context; @napi-rs/canvas implements the one it needs.
  const chart = new Chart(canvas.getContext("2d") as unknown as ChartItem, chartConfiguration(data));
  try {
    const png = await canvas.encode("png");
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } finally {
    chart.destroy();
  }
}
