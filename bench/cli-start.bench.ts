// How long `nhacviec --help` and `--version` take as a fresh process: the cost every admin command
// pays before it does anything (issue 8 target: --help ≤ 0.3 s). Whether the bin ran the build in
// dist/ or the sources through tsx is reported beside the figures (`npm run build` first).
// Run alone: node --import tsx bench/cli-start.bench.ts

import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isBuildCurrent, sourceFingerprint } from "../bin/build-stamp.mjs";

const RUNS = 9;
const root = fileURLToPath(new URL("../", import.meta.url));
const binary = fileURLToPath(new URL("../bin/nhacviec.mjs", import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeProcess(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: "ignore" });
  return performance.now() - started;
}

function medianMs(args: string[]): number {
  timeProcess(args); // warm the file cache
  return Math.round(median(Array.from({ length: RUNS }, () => timeProcess(args))));
}

export async function benchCliStart(): Promise<Record<string, number | string>> {
  const fingerprintMs = median(
    Array.from({ length: RUNS }, () => {
      const started = performance.now();
      sourceFingerprint(root);
      return performance.now() - started;
    }),
  );
  return {
    benchmark: "cli-start",
    runs: RUNS,
    ranFrom: isBuildCurrent(root) ? "dist (build current)" : "sources through tsx (no current build)",
    helpMedianMs: medianMs([binary, "--help"]),
    versionMedianMs: medianMs([binary, "--version"]),
    bareNodeMedianMs: medianMs(["-e", "0"]),
    stalenessCheckMs: Number(fingerprintMs.toFixed(2)),
    node: process.version,
  };
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchCliStart(), null, 2));
}
