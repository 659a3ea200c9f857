// The planner over 1,000 agencies × 20 officials × 100 tasks (100,000 assignments, 20,000 reminders)
// on SQLite: the first tick (plans everything), a tick with nothing to plan, the longest event-loop
// gap while the first tick runs, the process's peak RSS, the outbox's stored text and the statements
// each tick runs.
// Run alone (peak RSS is the whole process's): node --import tsx bench/planner.bench.ts
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { createApp, plannerDepsOf } from "../src/app.ts";
import { ManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import type { Db } from "../src/db/database.ts";
import type { StatementMonitor } from "../src/db/sqlite-dialect.ts";
import { createLogger } from "../src/logger.ts";
import { planReminders } from "../src/services/reminder-planner.ts";
import { type BenchResult, figure, peakRssMiB, timed } from "./bench-result.ts";
import { seedPeople, seedPlan } from "./seed.ts";

const AGENCIES = 1_000;
const OFFICIALS_PER_AGENCY = 20;
const TASKS = 100;
const REPEATS = 5;
// D-7 of Q1 2020 at 08:00 in Gia Lai.
const AT = new Date("2020-03-13T01:00:00Z");
// The evening before, when nothing is due: a running bot has ticked before, so the first tick of a
// round does not pay the process's one-time reckoning of the year's holidays.
const WARM_UP_AT = new Date("2020-03-12T12:00:00Z");
const MINUTE_MS = 60_000;

/** Bytes (UTF-8) of scheduled-message content the outbox holds, each shared content once. */
async function storedTextBytes(db: Db): Promise<number> {
  const result = await sql<{ bytes: number }>`
    select sum(length(cast(payload as blob)) + length(cast(assignment_ids as blob))) as bytes
    from outbox_texts`.execute(db);
  return Number(result.rows[0]?.bytes ?? 0);
}

/** The longest time the event loop went without a turn, from now until `stop()`. */
function watchEventLoopGaps(): { stop: () => number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(Math.max(longest, performance.now() - last));
    },
  };
}

/**
 * CPU time of the main thread alone (utime + stime of /proc/self/task/<pid>/stat, in 10 ms ticks):
 * what held the event loop, without the GC's and the compiler's helper threads that the process's
 * CPU time counts too. Null where /proc is not there.
 */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
    return fields === undefined ? null : (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Statements run on the connection, counted from now, a phase at a time. */
function countStatements(monitor: StatementMonitor | null): { take: () => number; stop: () => void } {
  let count = 0;
  const stop = monitor?.watch(() => {
    count += 1;
  });
  return {
    take: () => {
      const taken = count;
      count = 0;
      return taken;
    },
    stop: () => stop?.(),
  };
}

function fileMiB(path: string): number {
  return existsSync(path) ? statSync(path).size / 1024 / 1024 : 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchPlanner(): Promise<BenchResult> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-"));
  const path = join(directory, "bench.sqlite");
  const config = loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: "silent" });
  const clock = new ManualClock(AT);
  const app = await createApp(config, { clock, logger: createLogger("silent"), create: true });
  try {
    const db = app.database.db;
    // createApp seeds the Gia Lai agency registry; the bench's own agencies come on top.
    const seedStarted = performance.now();
    const accounts = await seedPeople(db, {
      agencies: AGENCIES,
      officialsPerAgency: OFFICIALS_PER_AGENCY,
      now: AT,
    });
    const agencyIds = [...new Set(accounts.map((a) => a.agencyId))];
    const assignments = await seedPlan(db, { tasks: TASKS, year: 2020, agencyIds, now: AT });
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const deps = plannerDepsOf(app);
    await planReminders(deps, WARM_UP_AT);
    const statements = countStatements(app.database.statements);
    const gaps = watchEventLoopGaps();
    const mainBefore = mainThreadCpuMs();
    const first = await timed(() => planReminders(deps, AT));
    const mainAfter = mainThreadCpuMs();
    const longestGapMs = gaps.stop();
    const firstStatements = statements.take();
    const repeats: { wallMs: number; cpuMs: number; planned: number; statements: number }[] = [];
    for (let i = 1; i <= REPEATS; i++) {
      const repeat = await timed(() => planReminders(deps, new Date(AT.getTime() + i * MINUTE_MS)));
      repeats.push({ ...repeat, planned: repeat.result.planned.reminder, statements: statements.take() });
    }
    statements.stop();
    const textBytes = await storedTextBytes(db);
    // The first tick's log written back on the worker thread (db/wal-checkpoints.ts), not at its commits.
    await app.database.walCheckpoints?.close();
    const repeatMs = median(repeats.map((r) => r.wallMs));
    return {
      benchmark: "reminder-planner",
      figures: [
        figure("first tick", first.wallMs, "ms", { atMost: 500 }),
        figure("first tick, CPU", first.cpuMs, "ms"),
        ...(mainBefore === null || mainAfter === null
          ? []
          : [figure("first tick, CPU of the main thread", mainAfter - mainBefore, "ms")]),
        figure("longest event-loop gap during the first tick", longestGapMs, "ms", { atMost: 100 }),
        figure(`tick with nothing to plan (median of ${REPEATS})`, repeatMs, "ms", { atMost: 50 }),
        figure("tick with nothing to plan, CPU (median)", median(repeats.map((r) => r.cpuMs)), "ms"),
        figure("peak RSS (whole process, seeding included)", peakRssMiB(), "MiB", { atMost: 250 }),
        figure(
          "outbox content stored (texts, buttons, assignment ids)",
          Number((textBytes / 1024 / 1024).toFixed(1)),
          "MiB",
        ),
      ],
      context: {
        agencies: AGENCIES,
        officials: accounts.length,
        tasks: TASKS,
        assignments,
        remindersPlanned: first.result.planned.reminder,
        firstTickStatements: firstStatements,
        firstTickCheckpointsOffTheLoop: app.database.walCheckpoints?.completed ?? 0,
        nothingToPlanStatements: median(repeats.map((r) => r.statements)),
        plannedByRepeatTicks: repeats.reduce((sum, r) => sum + r.planned, 0),
        slowestRepeatMs: Math.max(...repeats.map((r) => r.wallMs)),
        databaseMiB: Math.round(fileMiB(path) + fileMiB(`${path}-wal`)),
        seedSeconds: Number(seedSeconds.toFixed(1)),
      },
    };
  } finally {
    await app.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchPlanner(), null, 2));
}
