// Parser cases in the corpus's shape, compact: [task_ref, status, progress, blocked?, eta] per update.
import { expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import type { ParsedUpdate } from "../../src/domain/status-parser/update.ts";
import type { UpdateStatus } from "../../src/domain/vocabulary.ts";

export type Row = readonly [string | null, UpdateStatus | null, number | null, boolean, string | null];
export type Case = readonly [text: string, at: string, expected: readonly Row[]];

export function compact(updates: readonly ParsedUpdate[]): Row[] {
  return updates.map((u) => [u.taskRef, u.status, u.progress, u.blocker !== null, u.eta]);
}

/** One test per case: the message, sent on `at`, parses to exactly the expected updates. */
export function check(cases: readonly Case[]): void {
  it.each(cases.map(([text, at, expected]) => [text, at, expected] as const))("%j", (text, at, expected) => {
    expect(compact(parseStatusMessage(text, at))).toEqual(expected);
  });
}
