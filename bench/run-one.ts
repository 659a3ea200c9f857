// One bench in a process of its own (started by bench/run.ts): so the peak RSS it reports is this
// bench's own high-water mark, not that of the benches that ran before it in the same process.
// Usage: node --import tsx bench/run-one.ts <file.bench.ts> <exported bench function> <result.json>
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { peakRssMiB, timed } from "./bench-result.ts";

/** What the child hands back to the runner: the bench's own result, and what the runner measured. */
export interface ChildOutcome {
  result: unknown;
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
}

async function runOne(file: string, exportName: string, resultPath: string): Promise<void> {
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const bench = module[exportName];
  if (typeof bench !== "function") throw new Error(`${file} exports no function ${exportName}`);
  const { result, wallMs, cpuMs } = await timed(async () => (await bench()) as unknown);
  const outcome: ChildOutcome = { result, wallMs, cpuMs, peakRssMiB: peakRssMiB() };
  writeFileSync(resultPath, JSON.stringify(outcome));
}

const [file, exportName, resultPath] = process.argv.slice(2);
if (file === undefined || exportName === undefined || resultPath === undefined) {
  process.stderr.write("usage: run-one.ts <file.bench.ts> <bench function> <result.json>\n");
  process.exit(2);
}
await runOne(file, exportName, resultPath);
// A bench may leave a handle open (a timer, a socket its fake did not close): its result is written.
process.exit(0);
