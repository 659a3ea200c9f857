// The planner and who-is-behind on PostgreSQL at 1,000 agencies (a ministry-level operator's several
// provinces, or one merged province's departments and communes five times over), beside SQLite on the
// same seed: 1,000 agencies × 5 officials, 40 tasks each (40,000 assignments), one update on half.
// The server: TEST_DATABASE_URL_PG, else a throwaway cluster from the local PostgreSQL binaries
// (test/support/postgres-server.ts); without either the bench says so and measures nothing.
// Run alone: node --import tsx bench/postgres.bench.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createApp, plannerDepsOf } from "../src/app.ts";
import { ManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import type { Db } from "../src/db/database.ts";
import { createLogger } from "../src/logger.ts";
import { loadBehind } from "../src/services/behind-query.ts";
import { planReminders } from "../src/services/reminder-planner.ts";
import { postgresBinaries, startPostgresServer } from "../test/support/postgres-server.ts";
import { type BenchResult, type Figure, figure, peakRssMiB, timed } from "./bench-result.ts";
import { seedPeople, seedPlan } from "./seed.ts";

const AGENCIES = 1_000;
const OFFICIALS_PER_AGENCY = 5;
const TASKS = 40;
const ZONE = "Asia/Ho_Chi_Minh";
// D-7 of Q1 2020 at 08:00 in Gia Lai: every official is owed a reminder.
const AT = new Date("2020-03-13T01:00:00Z");
const BATCH = 1_000;

/** One update on every other assignment, in Q1 2020, in batches. */
async function seedUpdates(db: Db): Promise<number> {
  const assignments = await db.selectFrom("assignments").select("id").orderBy("id").execute();
  const sentAt = "2020-03-01T02:00:00.000Z";
  const rows = assignments
    .filter((_, index) => index % 2 === 0)
    .map((assignment, index) => ({
      assignment_id: assignment.id,
      person_id: null,
      channel: "telegram" as const,
      raw_text: "đang làm 50%",
      status: "in_progress" as const,
      progress: 50,
      sent_at: sentAt,
      received_at: sentAt,
      period_key: "2020-Q1",
      message_key: `bench:${index}`,
    }));
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insertInto("status_updates")
      .values(rows.slice(start, start + BATCH))
      .execute();
  }
  return rows.length;
}

async function measureOn(kind: "sqlite" | "postgres", databaseUrl: string): Promise<Figure[]> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" });
  const app = await createApp(config, {
    clock: new ManualClock(AT),
    logger: createLogger("silent"),
    create: true,
  });
  try {
    const db = app.database.db;
    const seed = await timed(async () => {
      const accounts = await seedPeople(db, {
        agencies: AGENCIES,
        officialsPerAgency: OFFICIALS_PER_AGENCY,
        now: AT,
      });
      const agencyIds = [...new Set(accounts.map((account) => account.agencyId))];
      await seedPlan(db, { tasks: TASKS, year: 2020, agencyIds, now: AT });
      return seedUpdates(db);
    });
    const deps = plannerDepsOf(app);
    const first = await timed(() => planReminders(deps, AT));
    const repeat = await timed(() => planReminders(deps, new Date(AT.getTime() + 60_000)));
    const query = { at: AT, zone: ZONE, staleAfterDays: 30 };
    const behind = await timed(() => loadBehind(db, query));
    const behindWarm = await timed(() => loadBehind(db, query));
    return [
      figure(`${kind}: seed (wall)`, seed.wallMs, "ms"),
      figure(`${kind}: planner first tick (wall)`, first.wallMs, "ms"),
      figure(`${kind}: planner first tick (CPU)`, first.cpuMs, "ms"),
      figure(`${kind}: reminders planned`, first.result.planned.reminder ?? 0, "messages"),
      figure(`${kind}: planner repeat tick (wall)`, repeat.wallMs, "ms"),
      figure(`${kind}: who is behind (wall)`, behind.wallMs, "ms"),
      figure(`${kind}: who is behind, warm (wall)`, behindWarm.wallMs, "ms"),
      figure(`${kind}: who is behind, warm (CPU)`, behindWarm.cpuMs, "ms"),
      figure(`${kind}: agencies not reported`, behind.result.report.notReported.length, "agencies"),
    ];
  } finally {
    await app.close();
  }
}

/** The server's maintenance URL, and how to let it go; null when there is none here. */
async function findServer(): Promise<{ url: string; stop(): void } | null> {
  const given = process.env.TEST_DATABASE_URL_PG;
  if (given) return { url: given, stop() {} };
  const binaries = postgresBinaries();
  return binaries === null ? null : startPostgresServer(binaries);
}

export async function benchPostgres(): Promise<BenchResult> {
  const context = {
    agencies: AGENCIES,
    officials: AGENCIES * OFFICIALS_PER_AGENCY,
    assignments: AGENCIES * TASKS,
  };
  const server = await findServer();
  if (server === null) {
    process.stderr.write(
      "postgres bench skipped: no PostgreSQL server (set TEST_DATABASE_URL_PG or install the postgresql package)\n",
    );
    return { benchmark: "postgres", figures: [], context: { ...context, skipped: "no PostgreSQL server" } };
  }
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-"));
  const name = `nhacviec_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const postgres = await measureOn("postgres", url.toString());
    const sqlite = await measureOn("sqlite", `sqlite:${join(directory, "bench.sqlite")}`);
    return {
      benchmark: "postgres",
      figures: [...postgres, ...sqlite, figure("peak RSS", peakRssMiB(), "MiB")],
      context: { ...context, node: process.version },
    };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    server.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchPostgres(), null, 2));
}
