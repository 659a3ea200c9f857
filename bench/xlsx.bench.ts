// The quarter's report written as XLSX at provincial scale: 2,000 agencies, 50,000 assignments,
// 500,000 updates (the data of bench/behind.bench.ts). The writer runs in a child process of its own,
// given the loaded report, so its peak RSS is its own and not the seeding's or the loading's.
// Run alone: node --import tsx bench/xlsx.bench.ts
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { createApp } from "../src/app.ts";
import { ManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import type { ReportingPeriod } from "../src/domain/calendar.ts";
import type { QuarterReport } from "../src/domain/quarter-report.ts";
import { createTranslator } from "../src/i18n/translator.ts";
import { createLogger } from "../src/logger.ts";
import { renderReport } from "../src/reports/report-file.ts";
import { loadQuarterReport } from "../src/services/quarter-report.ts";
import { seedBenchDatabase } from "./behind.bench.ts";
import { type BenchResult, figure, peakRssMiB, timed } from "./bench-result.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const AT = new Date("2020-09-10T02:00:00Z"); // Q3 2020, before its deadline: the cumulative sheet too

interface Loaded {
  report: QuarterReport;
  period: ReportingPeriod;
}

interface WriterFigures {
  wallMs: number;
  cpuMs: number;
  longestGapMs: number;
  longestGapCpuMs: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  bytes: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * The longest time the event loop went without a turn while `work` ran, in wall time and in the
 * process's CPU time (which leaves out the time a busy machine gives to other processes).
 */
async function longestLoopGap<T>(
  work: () => Promise<T>,
): Promise<{ result: T; gapMs: number; gapCpuMs: number }> {
  let last = performance.now();
  let lastCpu = cpuMs();
  let gapMs = 0;
  let gapCpuMs = 0;
  const tick = () => {
    const now = performance.now();
    const cpu = cpuMs();
    gapMs = Math.max(gapMs, now - last);
    gapCpuMs = Math.max(gapCpuMs, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  };
  const ticker = setInterval(tick, 1);
  try {
    const result = await work();
    tick();
    return { result, gapMs: Math.round(gapMs), gapCpuMs: Math.round(gapCpuMs) };
  } finally {
    clearInterval(ticker);
  }
}

/** The child's part: the loaded report from `input` written as XLSX to `output`, measured. */
async function writeMeasured(input: string, output: string): Promise<WriterFigures> {
  const { report, period } = JSON.parse(readFileSync(input, "utf8")) as Loaded;
  const translator = createTranslator("vi");
  const heading = { period, unit: loadConfig({}).REPORT_ISSUER, madeAt: AT };
  const rssBeforeMiB = Math.round(process.memoryUsage().rss / 1_048_576);
  const { result, wallMs, cpuMs } = await timed(() =>
    longestLoopGap(() => renderReport(report, "xlsx", translator, ZONE, heading)),
  );
  writeFileSync(output, result.result);
  return {
    wallMs,
    cpuMs,
    longestGapMs: result.gapMs,
    longestGapCpuMs: result.gapCpuMs,
    rssBeforeMiB,
    peakRssMiB: peakRssMiB(),
    bytes: result.result.byteLength,
  };
}

async function loadSeededReport(directory: string): Promise<Loaded> {
  const path = join(directory, "bench.sqlite");
  const config = loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "silent" });
  const options = { clock: new ManualClock(AT), logger: createLogger("silent"), create: true };
  // Migrate first (an empty app), then fill the file outside Kysely for speed.
  await (await createApp(config, options)).close();
  seedBenchDatabase(path);
  const app = await createApp(config, options);
  try {
    return await loadQuarterReport(app.database.db, { quarter: "2020-Q3", now: AT, zone: ZONE });
  } finally {
    await app.close();
  }
}

export async function benchXlsx(): Promise<BenchResult> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-xlsx-"));
  try {
    const loaded = await loadSeededReport(directory);
    const input = join(directory, "report.json");
    writeFileSync(input, JSON.stringify(loaded));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), input, join(directory, "report.xlsx")],
      { maxBuffer: 1_048_576 },
    );
    const writer = JSON.parse(stdout) as WriterFigures;
    return {
      benchmark: "report-xlsx",
      figures: [
        figure("XLSX written (wall)", writer.wallMs, "ms", { atMost: 3_000 }),
        figure("XLSX written (CPU)", writer.cpuMs, "ms"),
        figure("longest event-loop gap while writing", writer.longestGapMs, "ms", { atMost: 100 }),
        figure("the same gap in the process's CPU time", writer.longestGapCpuMs, "ms"),
        figure("peak RSS of the writing process", writer.peakRssMiB, "MiB"),
        figure("RSS before writing (report loaded)", writer.rssBeforeMiB, "MiB"),
        figure("XLSX size", Math.round(writer.bytes / 1024), "KiB"),
      ],
      context: {
        agencies: loaded.report.summary.length,
        assignments: loaded.report.rows.length,
        updates: 500_000,
        period: loaded.report.periodKey,
        node: process.version,
      },
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  const [input, output] = process.argv.slice(2);
  if (input !== undefined && output !== undefined) {
    process.stdout.write(JSON.stringify(await writeMeasured(input, output)));
  } else {
    console.log(JSON.stringify(await benchXlsx(), null, 2));
  }
}
