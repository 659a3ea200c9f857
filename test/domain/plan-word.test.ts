// Which plan a word typed with a task code means (issue 14): a short code in any case, or a prefix no
// other open plan shares; a closed plan is named only to say it is closed, and never by a prefix.
import { describe, expect, it } from "vitest";
import { matchPlanWord } from "../../src/domain/plan-word.ts";

const PLANS = [
  { shortCode: "NQ17", closedAt: "2025-12-31T17:00:00.000Z" },
  { shortCode: "CDS2026", closedAt: null },
  { shortCode: "CDS2027", closedAt: null },
  { shortCode: "DA06", closedAt: null },
];

describe("a plan word", () => {
  it.each([
    ["CDS2026", "CDS2026"],
    ["cds2026", "CDS2026"],
    ["DA-06", "DA06"],
    ["DA", "DA06"],
    ["CDS2027", "CDS2027"],
  ])("%j means %s", (word, shortCode) => {
    expect(matchPlanWord(word, PLANS)).toEqual({
      kind: "open",
      plan: expect.objectContaining({ shortCode }),
    });
  });

  it("names a closed plan only by its whole code", () => {
    expect(matchPlanWord("nq17", PLANS)).toEqual({ kind: "closed", plan: PLANS[0] });
    expect(matchPlanWord("NQ", PLANS).kind).toBe("unknown");
  });

  it.each(["CDS", "ABC2026", "CDS20261"])("%j is unknown, and the open plans are offered", (word) => {
    expect(matchPlanWord(word, PLANS)).toEqual({ kind: "unknown", open: PLANS.slice(1) });
  });
});
