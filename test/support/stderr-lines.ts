import { expect } from "vitest";

export interface StderrParts {
  /** What a person reads: every line that is not a JSON log record. */
  lines: string[];
  /** pino's records (JSON lines), when LOG_LEVEL lets them through. */
  logs: { level: number; msg: string; [field: string]: unknown }[];
}

/** Splits a CLI run's stderr and checks that no stack trace reached it. */
export function stderrParts(stderr: string): StderrParts {
  expect(stderr).not.toMatch(/^\s+at /m);
  const all = stderr.split("\n").filter((line) => line.trim() !== "");
  return {
    lines: all.filter((line) => !line.startsWith("{")),
    logs: all.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line)),
  };
}
