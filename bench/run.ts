// `npm run bench`: every exported `bench*` function of bench/*.bench.ts, each in a fresh child process
// (bench/run-one.ts), so its peak RSS and CPU time are its own. Each figure is printed beside its
// target as its bench ends; at the end, a markdown table for the README and the JSON of the run.
// `npm run bench -- planner inbound` runs only the files whose names contain one of those words.
// Exit code 0 even when a target is missed (benches report, they do not gate); 1 when a bench crashed.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchRun, markdownTable, normalizeResult, runLines } from "./bench-report.ts";
import type { ChildOutcome } from "./run-one.ts";

const folder = fileURLToPath(new URL(".", import.meta.url));
const child = fileURLToPath(new URL("./run-one.ts", import.meta.url));

interface BenchEntry {
  file: string;
  exportName: string;
}

/** The exported async bench* functions of a file, read from its text so that the runner loads no bench. */
function benchesOf(file: string): BenchEntry[] {
  const text = readFileSync(join(folder, file), "utf8");
  return [...text.matchAll(/^export async function (bench\w*)/gm)].map((match) => ({
    file,
    exportName: match[1] as string,
  }));
}

/** Runs one bench in a child process; its output goes to stderr, its result comes back in a file. */
function runChild(entry: BenchEntry, resultPath: string): Promise<string | null> {
  return new Promise((resolve) => {
    const started = spawn(
      process.execPath,
      [...process.execArgv, child, join(folder, entry.file), entry.exportName, resultPath],
      { stdio: ["ignore", 2, 2] },
    );
    started.on("error", (error) => resolve(error.message));
    started.on("exit", (code, signal) => {
      if (code === 0) resolve(null);
      else resolve(signal === null ? `exit code ${code}` : `killed by ${signal}`);
    });
  });
}

async function main(filters: string[]): Promise<number> {
  const entries = readdirSync(folder)
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => filters.length === 0 || filters.some((word) => file.includes(word)))
    .sort()
    .flatMap(benchesOf);
  if (entries.length === 0) {
    process.stderr.write(`bench: no bench file matches ${filters.join(", ")} (bench/*.bench.ts)\n`);
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), "nhacviec-bench-run-"));
  const runs: BenchRun[] = [];
  const crashed: { name: string; why: string }[] = [];
  try {
    for (const [index, entry] of entries.entries()) {
      const name = `${entry.file} ${entry.exportName}`;
      process.stderr.write(`running ${name}…\n`);
      const resultPath = join(scratch, `${index}.json`);
      const failure = await runChild(entry, resultPath);
      try {
        if (failure !== null) throw new Error(failure);
        const outcome = JSON.parse(readFileSync(resultPath, "utf8")) as ChildOutcome;
        const run: BenchRun = { name, ...outcome, result: normalizeResult(name, outcome.result) };
        runs.push(run);
        process.stdout.write(`${runLines(run).join("\n")}\n\n`);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        crashed.push({ name, why });
        process.stdout.write(`▶ ${name}: ✗ crashed (${why})\n\n`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const document = { node: process.version, at: new Date().toISOString(), runs, crashed };
  process.stdout.write(`${markdownTable(runs)}\n\n${JSON.stringify(document, null, 2)}\n`);
  if (crashed.length === 0) return 0;
  process.stderr.write(`bench: crashed: ${crashed.map((c) => `${c.name} (${c.why})`).join("; ")}\n`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
