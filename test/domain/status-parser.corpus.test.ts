// Every example message of the corpus (test/fixtures/corpus, README "Status updates") parses to exactly the expected updates.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";

interface ExpectedUpdate {
  task_ref: string | null;
  status: string | null;
  progress: number | null;
  blocker: boolean;
  eta: string | null;
}

interface CorpusLine {
  text: string;
  at: string;
  expect: ExpectedUpdate[];
  tags: string[];
}

const corpusUrl = new URL("../fixtures/corpus/status-updates.jsonl", import.meta.url);
const lines: CorpusLine[] = readFileSync(corpusUrl, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusLine);

describe("status parser on the example corpus", () => {
  it("has the corpus", () => {
    expect(lines.length).toBeGreaterThanOrEqual(100);
  });

  it.each(lines.map((line, index) => [index + 1, line.text, line] as const))(
    "line %i: %s",
    (_n, text, line) => {
      const actual = parseStatusMessage(text, line.at).map((u) => ({
        task_ref: u.taskRef,
        status: u.status,
        progress: u.progress,
        blocker: u.blocker !== null && u.blocker.length > 0,
        eta: u.eta,
      }));
      expect(actual).toEqual(line.expect);
    },
  );

  it("returns null, never an empty string, as the blocker of an unblocked update", () => {
    for (const line of lines) {
      for (const update of parseStatusMessage(line.text, line.at)) {
        expect(update.blocker === null || update.blocker.trim().length > 0).toBe(true);
      }
    }
  });
});
