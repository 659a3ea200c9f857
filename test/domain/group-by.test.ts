import { describe, expect, it } from "vitest";
import { groupBy } from "../../src/domain/group-by.ts";

describe("groupBy", () => {
  it("keeps the groups and their items in the order first seen", () => {
    const grouped = groupBy(["CDS2026 II.2", "NQ17 I.1", "CDS2026 I.1"], (code) => code.split(" ")[0]);
    expect([...grouped]).toEqual([
      ["CDS2026", ["CDS2026 II.2", "CDS2026 I.1"]],
      ["NQ17", ["NQ17 I.1"]],
    ]);
    expect(groupBy([], (item: number) => item).size).toBe(0);
  });
});
