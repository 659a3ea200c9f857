// How `npm run bench` shows results: each figure beside its target with ✓/✗ as a bench ends, then one
// markdown table for the README. A bench still returning the older flat record is shown as context.
import { type BenchResult, type Figure, meets, type Target } from "./bench-result.ts";

/** One bench's run as the runner saw it: the result and the child process's own measures. */
export interface BenchRun {
  /** "planner.bench.ts benchPlanner" */
  name: string;
  result: BenchResult;
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
}

function isFigure(value: unknown): value is Figure {
  const candidate = value as Partial<Figure> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.measure === "string" &&
    typeof candidate.value === "number" &&
    typeof candidate.unit === "string"
  );
}

/** A BenchResult as is; an older flat record (no figures) becomes context with no target. */
export function normalizeResult(name: string, raw: unknown): BenchResult {
  if (typeof raw !== "object" || raw === null) {
    throw new Error(`${name} returned ${JSON.stringify(raw)}, not a result`);
  }
  const record = raw as Record<string, unknown>;
  const benchmark = typeof record.benchmark === "string" ? record.benchmark : name;
  const figures = Array.isArray(record.figures) ? record.figures.filter(isFigure) : null;
  const source = figures === null ? record : ((record.context as Record<string, unknown> | undefined) ?? {});
  const context: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (figures === null && key === "benchmark") continue;
    if (typeof value === "number" || typeof value === "string") context[key] = value;
    else context[key] = JSON.stringify(value);
  }
  return { benchmark, figures: figures ?? [], context };
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

function withUnit(value: number, unit: string): string {
  const shown = numberFormat.format(value);
  return unit === "" ? shown : `${shown} ${unit}`;
}

export function targetText(target: Target | undefined, unit: string): string {
  if (target === undefined) return "—";
  const parts: string[] = [];
  if (target.atLeast !== undefined) parts.push(`≥ ${withUnit(target.atLeast, unit)}`);
  if (target.atMost !== undefined) parts.push(`≤ ${withUnit(target.atMost, unit)}`);
  return parts.join(", ");
}

export function metText(figure: Figure): string {
  const met = meets(figure);
  return met === null ? "—" : met ? "✓ met" : "✗ not met";
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The lines printed when a bench ends: figures in aligned columns, then its context. */
export function runLines(run: BenchRun): string[] {
  const { result } = run;
  const header = `▶ ${result.benchmark} (${run.name}): ${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, peak RSS ${run.peakRssMiB} MiB`;
  const rows = result.figures.map((f) => [
    f.measure,
    withUnit(f.value, f.unit),
    targetText(f.target, f.unit),
    metText(f),
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column]?.length ?? 0)));
  const lines = [header];
  for (const row of rows) {
    lines.push(
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd()}`,
    );
  }
  const context = Object.entries(result.context).map(([key, value]) => `${key} ${value}`);
  if (context.length > 0) lines.push(`  context: ${context.join(", ")}`);
  return lines;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/**
 * The README's table: one row per figure. A bench with no figures yet (an older flat record) shows
 * its numeric context instead, with no target.
 */
export function markdownTable(runs: BenchRun[]): string {
  const lines = ["| benchmark | measure | value | target | met |", "| --- | --- | --- | --- | --- |"];
  for (const { result } of runs) {
    for (const f of result.figures) {
      lines.push(
        `| ${cell(result.benchmark)} | ${cell(f.measure)} | ${withUnit(f.value, f.unit)} | ${targetText(f.target, f.unit)} | ${metText(f)} |`,
      );
    }
    if (result.figures.length > 0) continue;
    for (const [key, value] of Object.entries(result.context)) {
      if (typeof value !== "number") continue;
      lines.push(`| ${cell(result.benchmark)} | ${cell(key)} | ${numberFormat.format(value)} | — | — |`);
    }
  }
  return lines.join("\n");
}
