// What every bench returns: its figures, each beside its target (issue 12), so `npm run bench` can say
// in one run which targets are met. Measures that have no target (sizes, counts) are context.

export interface Target {
  /** The figure meets the target when it is at most (≤) or at least (≥) this value. */
  atMost?: number;
  atLeast?: number;
}

export interface Figure {
  measure: string;
  value: number;
  unit: string;
  target?: Target;
}

export interface BenchResult {
  benchmark: string;
  figures: Figure[];
  /** What was measured on (scale, mode), printed beside the figures. */
  context: Record<string, number | string>;
}

export function figure(measure: string, value: number, unit: string, target?: Target): Figure {
  return target === undefined ? { measure, value, unit } : { measure, value, unit, target };
}

export function meets(candidate: Figure): boolean | null {
  const { target, value } = candidate;
  if (target === undefined) return null;
  if (target.atMost !== undefined && value > target.atMost) return false;
  if (target.atLeast !== undefined && value < target.atLeast) return false;
  return true;
}

/** The process's own resident-set high-water mark (the kernel's, not a sampler's), in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Wall and CPU time (user + system, all threads of the process) of one phase, in milliseconds. */
export async function timed<T>(
  phase: () => Promise<T>,
): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await phase();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { result, wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}
