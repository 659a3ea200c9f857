// Who is behind and the quarter's report at provincial scale on SQLite: 2,000 agencies, 50,000
// assignments, 500,000 updates (issue 12). Each figure is the second of two runs (the first warms
// SQLite's cache and the JIT), wall and CPU time beside it; the longest event-loop gap is measured in
// a run of its own, with a probe that asks for a turn all the time. The chat's first page counted
// anew (every agency, after another connection wrote the file), as the first question on a connection
// just opened, and with the counts kept since the question before, after the updates stored meanwhile.
// Then what keeping the facts adds to storing an update.
// Run alone: node --import tsx bench/behind.bench.ts

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { backfill } from "../migrations/0008_assignment_latest.ts";
import { backfill as backfillLatestUpdatedPeriod } from "../migrations/0014_latest_updated_period.ts";
import { createApp } from "../src/app.ts";
import { ManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { writeTransaction } from "../src/db/busy-retry.ts";
import type { Db } from "../src/db/database.ts";
import { DEFAULT_CALENDAR_RULES, periodsOfYear } from "../src/domain/calendar.ts";
import { createLogger } from "../src/logger.ts";
import { renderReport } from "../src/reports/report-file.ts";
import { loadBehindPage } from "../src/services/behind-page.ts";
import { loadBehindReport } from "../src/services/behind-query.ts";
import { loadQuarterReport } from "../src/services/quarter-report.ts";
import { appendStatusUpdates } from "../src/store/status-updates.ts";
import { type BenchResult, type Figure, figure, peakRssMiB, timed } from "./bench-result.ts";
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
      "insert into plans (code, short_code, title, span_from_year, span_to_year, first_report_year, first_report_quarter, created_at, updated_at) values ('bench', 'BENCH', 'Bench plan', 2019, 2025, 2019, 2, ?, ?)",
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

const APPENDS = 200;

/** One more update on an assignment (of the first 50,000 ids), as the chat stores it. */
function benchUpdate(i: number) {
  return {
    assignmentId: 1 + ((i * 7919) % (TASKS * LEADS_PER_TASK)),
    personId: null,
    channel: "telegram" as const,
    chatId: "1",
    messageId: String(i),
    messageKey: `bench:append:${i}`,
    revision: 0,
    rawText: "II.1 đang làm 50%",
    status: "in_progress" as const,
    progress: 50,
    blocker: null,
    eta: null,
    sentAt: new Date(AT.getTime() - 60_000),
    periodKey: "2020-Q3",
  };
}

/** The longest time the event loop went without a turn while `work` ran, in milliseconds. */
async function longestLoopGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  await work();
  running = false;
  return Math.round(Math.max(longest, performance.now() - last));
}

/** One phase, run twice: the figures of the second run (wall and CPU time, ms). */
async function warm<T>(phase: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  await phase();
  return timed(phase);
}

export async function benchBehind(): Promise<BenchResult> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-"));
  const path = join(directory, "bench.sqlite");
  const config = loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "silent" });
  const open = () =>
    createApp(config, { clock: new ManualClock(AT), logger: createLogger("silent"), create: true });
  try {
    // Migrate first (an empty app), then fill the file outside Kysely for speed, then sum the
    // history up as migrations 0008 and 0014 do for a database that already holds it.
    await (await open()).close();
    seedBenchDatabase(path);
    const app = await open();
    try {
      const db = app.database.db;
      const backfilled = await timed(() => backfill(db as unknown as Kysely<unknown>));
      const latestUpdatedPeriod = await timed(() =>
        backfillLatestUpdatedPeriod(db as unknown as Kysely<unknown>),
      );
      const behindQuery = { at: AT, zone: ZONE, staleAfterDays: 30 };
      const firstPageOn = (on: Db) => () =>
        loadBehindPage(on, behindQuery, { view: "missing", page: 1, size: 10 });
      const firstPage = firstPageOn(db);
      const onFresh = async <T>(work: (on: Db) => Promise<T>): Promise<T> => {
        const fresh = await open();
        try {
          return await work(fresh.database.db);
        } finally {
          await fresh.close();
        }
      };
      // Another connection writes the file (opening one proves it writable), as a command run beside
      // the bot would: the next question counts every agency again (services/behind-tallies.ts).
      const anotherWrites = () => onFresh(async () => {});
      // Counted anew on this connection (the second such run, so the code is warm); then the first
      // question on a connection just opened (a bot just started: SQLite's cache and statements cold).
      await firstPage();
      await anotherWrites();
      await firstPage();
      await anotherWrites();
      const page = await timed(firstPage);
      await onFresh((on) => firstPageOn(on)());
      const opened = await onFresh((on) => timed(firstPageOn(on)));
      const full = await warm(async () => {
        const { report } = await loadBehindReport(db, behindQuery);
        return { report, json: JSON.stringify(report) };
      });
      const running = () => loadQuarterReport(db, { quarter: "2020-Q3", now: AT, zone: ZONE });
      const report = await warm(running);
      const ended = await warm(() => loadQuarterReport(db, { quarter: "2020-Q2", now: AT, zone: ZONE }));
      await anotherWrites();
      const pageGap = await longestLoopGap(firstPage);
      const behindGap = await longestLoopGap(() => loadBehindReport(db, behindQuery));
      const reportGap = await longestLoopGap(running);
      const { report: built, period } = report.result;
      const heading = { period, unit: config.REPORT_ISSUER, madeAt: AT };
      const xlsx = await timed(() => renderReport(built, "xlsx", app.translator, ZONE, heading));
      const csv = await timed(() => renderReport(built, "csv", app.translator, ZONE, heading));
      // What keeping the facts adds to storing an update: each in its own transaction, as the chat does.
      // The counts kept on this connection, then the updates.
      await firstPage();
      const appended = await timed(async () => {
        for (let i = 0; i < APPENDS; i++) {
          await writeTransaction(db, (trx) => appendStatusUpdates(trx, [benchUpdate(i)], AT));
        }
      });
      // Counts kept since the question before, the agencies of those updates counted again.
      const kept = await timed(firstPage);
      const figures: Figure[] = [
        figure("who is behind, the chat's first page, counted anew", page.wallMs, "ms", { atMost: 100 }),
        figure("who is behind, first page counted anew: CPU", page.cpuMs, "ms"),
        figure("who is behind, first page, first question on a connection just opened", opened.wallMs, "ms"),
        figure(`who is behind, first page, counts kept (${APPENDS} updates since)`, kept.wallMs, "ms", {
          atMost: 100,
        }),
        figure("who is behind, first page, counts kept: CPU", kept.cpuMs, "ms"),
        figure("who is behind, full `behind --json` (load + JSON)", full.wallMs, "ms", { atMost: 300 }),
        figure("who is behind, full: CPU", full.cpuMs, "ms"),
        figure("report load, running quarter (2020-Q3)", report.wallMs, "ms", { atMost: 1000 }),
        figure("report load, running quarter: CPU", report.cpuMs, "ms"),
        figure("report load, ended quarter (2020-Q2, as of its deadline)", ended.wallMs, "ms", {
          atMost: 1000,
        }),
        figure("report load, ended quarter: CPU", ended.cpuMs, "ms"),
        figure("longest event-loop gap during the first page counted anew", pageGap, "ms", { atMost: 100 }),
        figure("longest event-loop gap during who is behind, full", behindGap, "ms", { atMost: 100 }),
        figure("longest event-loop gap during the report load", reportGap, "ms", { atMost: 100 }),
        figure("XLSX of the running quarter", xlsx.wallMs, "ms", { atMost: 3000 }),
        figure("CSV of the running quarter", csv.wallMs, "ms"),
        figure("an update appended with its facts kept", appended.wallMs / APPENDS, "ms"),
        figure("migration 0008 backfill of 500,000 updates", backfilled.wallMs, "ms"),
        figure("migration 0014 backfill of 50,000 assignments", latestUpdatedPeriod.wallMs, "ms"),
        figure("peak RSS", peakRssMiB(), "MiB"),
      ];
      return {
        benchmark: "behind-and-report",
        figures,
        context: {
          agencies: AGENCIES,
          assignments: TASKS * LEADS_PER_TASK,
          updates: UPDATES,
          notReportedAgencies: full.result.report.notReported.length,
          behindJsonBytes: full.result.json.length,
          reportRows: built.rows.length,
          xlsxBytes: xlsx.result.byteLength,
          csvBytes: csv.result.byteLength,
          node: process.version,
        },
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
