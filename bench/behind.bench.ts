// Who is behind and the quarter's report at provincial scale on SQLite: 2,000 agencies, 50,000
// assignments, 500,000 updates. Times and peak RSS per phase.
// Run alone: node --import tsx bench/behind.bench.ts

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { createApp } from "../src/app.ts";
import { ManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { DEFAULT_CALENDAR_RULES, periodsOfYear } from "../src/domain/calendar.ts";
import { createLogger } from "../src/logger.ts";
import { renderReport } from "../src/reports/report-file.ts";
import { loadBehind } from "../src/services/behind-query.ts";
import { loadQuarterReport } from "../src/services/quarter-report.ts";
import { random } from "./parser.bench.ts";

const AGENCIES = 2_000;
const TASKS = 500;
const LEADS_PER_TASK = 100; // 500 × 100 = 50,000 assignments, 25 per agency
const UPDATES = 500_000;
const ZONE = "Asia/Ho_Chi_Minh";
const AT = new Date("2020-09-10T02:00:00Z"); // Q3 2020, before its deadline

/** Fills the database with better-sqlite3 directly: one transaction, prepared statements. */
export function seedBenchDatabase(path: string): void {
  const db = new SQLite(path);
  const now = "2020-01-01T00:00:00.000Z";
  const rnd = random(7);
  // Every update's period is the first deadline after it (README: the report calendar).
  const deadlines = [2019, 2020].flatMap((year) => periodsOfYear(year, DEFAULT_CALENDAR_RULES));
  const periodOf = (instant: number) =>
    deadlines.find((p) => p.deadline.getTime() > instant)?.key ?? "2020-Q4";
  const statuses = ["in_progress", "in_progress", "in_progress", "done", "blocked", "not_started", null];
  db.transaction(() => {
    db.prepare(
      "insert into plans (code, title, span_from_year, span_to_year, first_report_year, first_report_quarter, created_at, updated_at) values ('bench', 'Bench plan', 2019, 2025, 2019, 2, ?, ?)",
    ).run(now, now);
    const planId = (db.prepare("select id from plans where code = 'bench'").get() as { id: number }).id;
    const section = db.prepare(
      "insert into sections (plan_id, code, title, position) values (?, ?, ?, ?) returning id",
    );
    const sections = Array.from(
      { length: 10 },
      (_, i) => (section.get(planId, `S${i + 1}`, `Mục ${i + 1}`, i) as { id: number }).id,
    );
    const task = db.prepare(
      "insert into tasks (plan_id, section_id, code, number, title, timeframes, active_years, due_date, position, created_at, updated_at) values (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?) returning id",
    );
    const taskIds = Array.from({ length: TASKS }, (_, i) => {
      const due = i % 5 === 0 ? "2020-06-30" : i % 7 === 0 ? null : "2025-12-31";
      const row = task.get(
        planId,
        sections[i % 10],
        `S${(i % 10) + 1}.${Math.floor(i / 10) + 1}`,
        Math.floor(i / 10) + 1,
        `Nhiệm vụ thử số ${i + 1} về chuyển đổi số`,
        "[2020,2021]",
        due,
        i,
        now,
        now,
      );
      return (row as { id: number }).id;
    });
    const agency = db.prepare(
      "insert into agencies (code, name, name_key, kind, created_at, updated_at) values (?, ?, ?, 'department', ?, ?) returning id",
    );
    const agencyIds = Array.from(
      { length: AGENCIES },
      (_, i) =>
        (agency.get(`bench-${i}`, `Đơn vị thử ${i}`, `don vi thu ${i}`, now, now) as { id: number }).id,
    );
    const assignment = db.prepare(
      "insert into assignments (task_id, agency_id, created_at) values (?, ?, ?) returning id",
    );
    const assignmentIds: number[] = [];
    taskIds.forEach((taskId, t) => {
      for (let k = 0; k < LEADS_PER_TASK; k++) {
        const agencyId = agencyIds[(t * LEADS_PER_TASK + k) % AGENCIES];
        assignmentIds.push((assignment.get(taskId, agencyId, now) as { id: number }).id);
      }
    });
    const update = db.prepare(
      "insert into status_updates (assignment_id, person_id, channel, raw_text, status, progress, blocker, eta, sent_at, received_at, period_key, message_key, revision) values (?, null, 'telegram', ?, ?, ?, ?, null, ?, ?, ?, ?, 0)",
    );
    const from = Date.parse("2019-12-15T00:00:00Z");
    const span = AT.getTime() - from;
    for (let i = 0; i < UPDATES; i++) {
      const assignmentId = assignmentIds[Math.floor(rnd() * assignmentIds.length)];
      const status = statuses[Math.floor(rnd() * statuses.length)] ?? null;
      const instant = from + Math.floor(rnd() * span);
      const sentAt = new Date(instant).toISOString();
      const progress = status === "in_progress" ? 1 + Math.floor(rnd() * 99) : null;
      const blocker = status === "blocked" ? "thiếu kinh phí" : null;
      update.run(
        assignmentId,
        "cập nhật tiến độ",
        status,
        progress,
        blocker,
        sentAt,
        sentAt,
        periodOf(instant),
        `bench:${i}`,
      );
    }
  })();
  db.close();
}

/** Runs a phase while sampling RSS; returns its time and the peak RSS seen. */
async function measure<T>(phase: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const result = await phase();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: Math.round(performance.now() - started), peakRssMb: Math.round(peak / 1_048_576) };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchBehind(): Promise<Record<string, number | string>> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-"));
  const path = join(directory, "bench.sqlite");
  const config = loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "silent" });
  try {
    // Migrate first (an empty app), then fill the file outside Kysely for speed.
    await (
      await createApp(config, { clock: new ManualClock(AT), logger: createLogger("silent"), create: true })
    ).close();
    const seeding = await measure(async () => seedBenchDatabase(path));
    const app = await createApp(config, {
      clock: new ManualClock(AT),
      logger: createLogger("silent"),
      create: true,
    });
    try {
      const db = app.database.db;
      const behind = await measure(() => loadBehind(db, { at: AT, zone: ZONE, staleAfterDays: 30 }));
      const behindAgain = await measure(() => loadBehind(db, { at: AT, zone: ZONE, staleAfterDays: 30 }));
      const report = await measure(() => loadQuarterReport(db, { quarter: "2020-Q3", now: AT, zone: ZONE }));
      const { report: built, period } = report.result;
      const heading = { period, unit: config.REPORT_ISSUER, madeAt: AT };
      const xlsx = await measure(() => renderReport(built, "xlsx", app.translator, ZONE, heading));
      const csv = await measure(() => renderReport(built, "csv", app.translator, ZONE, heading));
      return {
        benchmark: "behind-and-report",
        agencies: AGENCIES,
        assignments: TASKS * LEADS_PER_TASK,
        updates: UPDATES,
        seedMs: seeding.ms,
        behindMs: behind.ms,
        behindWarmMs: behindAgain.ms,
        behindPeakRssMb: behind.peakRssMb,
        notReportedAgencies: behind.result.report.notReported.length,
        reportLoadMs: report.ms,
        reportRows: built.rows.length,
        xlsxMs: xlsx.ms,
        xlsxBytes: xlsx.result.byteLength,
        xlsxPeakRssMb: xlsx.peakRssMb,
        csvMs: csv.ms,
        csvBytes: csv.result.byteLength,
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        node: process.version,
      };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchBehind(), null, 2));
}
