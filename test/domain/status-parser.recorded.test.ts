// The parser reads 3,000 random messages made of the corpus's words and the lexicon's phrases exactly as it
// did when they were recorded (status-parser.recorded-messages.ts): speed work changes no reading.
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { readRecorded } from "./status-parser.recorded-messages.ts";

const recorded = readRecorded();

describe("status parser against its recorded parses", () => {
  it("has a recording that exercises every status, obstacles, dates and figures", () => {
    const updates = recorded.flatMap((r) => r.updates);
    expect(recorded.length).toBeGreaterThanOrEqual(3_000);
    expect(new Set(updates.map((u) => u.status))).toEqual(
      new Set(["done", "in_progress", "not_started", "blocked", null]),
    );
    expect(updates.filter((u) => u.blocker !== null).length).toBeGreaterThan(100);
    expect(updates.filter((u) => u.eta !== null).length).toBeGreaterThan(100);
    expect(updates.filter((u) => u.progress !== null).length).toBeGreaterThan(100);
    expect(updates.filter((u) => u.progressOver100 !== null).length).toBeGreaterThan(10);
    expect(recorded.filter((r) => r.updates.length === 0).length).toBeGreaterThan(100);
  });

  it("gives every recorded message the same updates as recorded", () => {
    const changed = recorded
      .map(({ text, at, updates }) => ({ text, at, recorded: updates, now: parseStatusMessage(text, at) }))
      .filter((r) => JSON.stringify(r.now) !== JSON.stringify(r.recorded));
    // The first few differences, in full, are what a reader needs.
    expect(changed.slice(0, 5)).toEqual([]);
    expect(changed.length).toBe(0);
  });
});
