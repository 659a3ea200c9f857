// The cost of starting the CLI as a fresh process, as an operator starts it (issue 12, point 5):
// `--help` and `--version` (what every admin command pays before it does anything), the time from
// spawning `nhacviec start` with a bot token to the first getUpdates the fake Bot API sees, and the
// bot process's own memory once it idles (VmRSS and the kernel's high-water mark VmHWM from
// /proc/<pid>/status). Whether the bin ran the build in dist/ or the sources through tsx is said beside
// the figures (`npm run build` first). Run alone: node --import tsx bench/cli-start.bench.ts
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isBuildCurrent, sourceFingerprint } from "../bin/build-stamp.mjs";
import { type FakeTelegram, startFakeTelegram } from "../test/fakes/telegram/fake-telegram.ts";
import { type BenchResult, figure } from "./bench-result.ts";

const HELP_RUNS = 9;
const START_RUNS = 3;
/** How long the bot idles (polling, its first scheduler tick done) before its memory is read. */
const IDLE_MS = 5000;
const root = fileURLToPath(new URL("../", import.meta.url));
const binary = fileURLToPath(new URL("../bin/nhacviec.mjs", import.meta.url));
// /proc/<pid>/stat counts CPU time in clock ticks: 100 a second on Linux.
const TICK_MS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** user + system CPU of this process's children that have ended (fields 16 and 17 of /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** The median wall time of a fresh `node <args>` process, and its mean CPU time (wall is noisy on a shared machine). */
function timeProcess(args: string[]): { wallMs: number; cpuMs: number } {
  execFileSync(process.execPath, args, { stdio: "ignore" }); // warm the file cache
  const walls: number[] = [];
  const cpuBefore = childrenCpuMs();
  for (let i = 0; i < HELP_RUNS; i++) {
    const started = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore" });
    walls.push(performance.now() - started);
  }
  return { wallMs: Math.round(median(walls)), cpuMs: Math.round((childrenCpuMs() - cpuBefore) / HELP_RUNS) };
}

/** A field of /proc/<pid>/status, in MiB ("VmRSS:  81234 kB"). */
function statusMiB(pid: number, field: "VmRSS" | "VmHWM" | "RssAnon" | "RssFile"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

/** User + system CPU time the process has used so far, in ms. */
function cpuMs(pid: number): number {
  // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Resolves when the fake has received (not yet answered: it holds long polls) a getUpdates since `since`. */
function firstPoll(fake: FakeTelegram, since: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = since + 30_000;
    const timer = setInterval(() => {
      const call = fake.calls.find((c) => c.method === "getUpdates" && c.time >= since);
      if (call !== undefined || Date.now() > deadline) clearInterval(timer);
      if (call !== undefined) resolve(call.time);
      else if (Date.now() > deadline) reject(new Error("no getUpdates within 30 s"));
    }, 2);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

interface StartRun {
  firstPollMs: number;
  cpuToFirstPollMs: number;
  idleRssMiB: number;
  /** Of which the process's own memory; the rest is mostly the node binary's pages, shared with every node. */
  idleAnonMiB: number;
  peakRssMiB: number;
}

async function startOnce(fake: FakeTelegram, env: Record<string, string>): Promise<StartRun> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [binary, "start"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const pid = child.pid ?? Number.NaN;
  try {
    const polledAt = await firstPoll(fake, spawnedAt);
    const cpuToFirstPollMs = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return {
      firstPollMs: polledAt - spawnedAt,
      cpuToFirstPollMs,
      idleRssMiB: statusMiB(pid, "VmRSS"),
      idleAnonMiB: statusMiB(pid, "RssAnon"),
      peakRssMiB: statusMiB(pid, "VmHWM"),
    };
  } finally {
    await stop(child);
  }
}

async function benchBotStart(): Promise<StartRun> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-start-"));
  const fake = await startFakeTelegram();
  try {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: `sqlite:${join(directory, "bench.sqlite")}`,
      LOG_LEVEL: "warn",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    // An operator's database: migrated, the built-in plan imported.
    execFileSync(process.execPath, [binary, "import", "--builtin"], { env, stdio: "ignore" });
    const runs: StartRun[] = [];
    for (let i = 0; i < START_RUNS; i++) runs.push(await startOnce(fake, env));
    return {
      firstPollMs: median(runs.map((run) => run.firstPollMs)),
      cpuToFirstPollMs: median(runs.map((run) => run.cpuToFirstPollMs)),
      idleRssMiB: median(runs.map((run) => run.idleRssMiB)),
      idleAnonMiB: median(runs.map((run) => run.idleAnonMiB)),
      peakRssMiB: median(runs.map((run) => run.peakRssMiB)),
    };
  } finally {
    await fake.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function benchCliStart(): Promise<BenchResult> {
  const fingerprintMs = median(
    Array.from({ length: HELP_RUNS }, () => {
      const started = performance.now();
      sourceFingerprint(root);
      return performance.now() - started;
    }),
  );
  const ranFrom = isBuildCurrent(root)
    ? "dist/ (build current)"
    : "sources through tsx (dist/ missing or stale)";
  const help = timeProcess([binary, "--help"]);
  const version = timeProcess([binary, "--version"]);
  const bare = timeProcess(["-e", "0"]);
  const bot = await benchBotStart();
  return {
    benchmark: "cli-start",
    figures: [
      figure("--help", help.wallMs, "ms", { atMost: 300 }),
      figure("--help, CPU", help.cpuMs, "ms"),
      figure("--version", version.wallMs, "ms", { atMost: 300 }),
      figure("--version, CPU", version.cpuMs, "ms"),
      figure("bare node -e 0", bare.wallMs, "ms"),
      figure("bare node -e 0, CPU", bare.cpuMs, "ms"),
      figure("dist/ staleness check", Number(fingerprintMs.toFixed(2)), "ms"),
      figure("start → first getUpdates", bot.firstPollMs, "ms", { atMost: 1000 }),
      figure("start → first getUpdates, CPU", bot.cpuToFirstPollMs, "ms"),
      figure(`idle RSS (VmRSS ${IDLE_MS / 1000} s after the first poll)`, bot.idleRssMiB, "MiB", {
        atMost: 80,
      }),
      figure("idle RSS: anonymous (RssAnon; the rest is node's binary, shared)", bot.idleAnonMiB, "MiB"),
      figure("peak RSS (VmHWM)", bot.peakRssMiB, "MiB"),
    ],
    context: {
      ranFrom,
      helpRuns: HELP_RUNS,
      startRuns: `${START_RUNS} (median), built-in plan imported, fake Bot API`,
      node: process.version,
    },
  };
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchCliStart(), null, 2));
}
