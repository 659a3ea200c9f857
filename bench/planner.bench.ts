// The planner over 1,000 agencies × 20 officials × 100 tasks (100,000 assignments, 20,000 reminders)
// on SQLite: time of the first tick (plans everything), of a repeated tick (plans nothing), peak RSS.
// Run alone: node --import tsx bench/planner.bench.ts
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createApp, plannerDepsOf } from "../src/app.ts";
import { ManualClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { planReminders } from "../src/services/reminder-planner.ts";
import { seedPeople, seedPlan } from "./seed.ts";

const AGENCIES = 1_000;
const OFFICIALS_PER_AGENCY = 20;
const TASKS = 100;
// D-7 of Q1 2020 at 08:00 in Gia Lai.
const AT = new Date("2020-03-13T01:00:00Z");

export async function benchPlanner(): Promise<Record<string, number | string>> {
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

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const deps = plannerDepsOf(app);
    const firstStarted = performance.now();
    const first = await planReminders(deps, AT);
    const firstSeconds = (performance.now() - firstStarted) / 1000;
    const repeatStarted = performance.now();
    const repeat = await planReminders(deps, new Date(AT.getTime() + 60_000));
    const repeatSeconds = (performance.now() - repeatStarted) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      benchmark: "reminder-planner",
      agencies: AGENCIES,
      officials: accounts.length,
      tasks: TASKS,
      assignments,
      remindersPlanned: first.planned.reminder,
      firstTickSeconds: Number(firstSeconds.toFixed(2)),
      repeatTickSeconds: Number(repeatSeconds.toFixed(2)),
      repeatPlanned: repeat.planned.reminder,
      peakRssMiB: Math.round(peakRss / 1024 / 1024),
      databaseMiB: Math.round(statSync(path).size / 1024 / 1024),
      seedSeconds: Number(seedSeconds.toFixed(1)),
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
