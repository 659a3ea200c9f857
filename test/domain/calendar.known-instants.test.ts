// instantAtLocal remembers what it computed (src/domain/calendar.ts): the same answer every time,
// each caller with a Date of its own, and bad input still refused.
import { describe, expect, it } from "vitest";
import { instantAtLocal } from "../../src/domain/calendar.ts";

describe("instants remembered by the calendar", () => {
  it("answers the same every time, and a caller changing its Date changes nobody else's", () => {
    const first = instantAtLocal("2020-03-20", 0, 0, "Asia/Ho_Chi_Minh");
    expect(first.toISOString()).toBe("2020-03-19T17:00:00.000Z");
    first.setTime(0);
    expect(instantAtLocal("2020-03-20", 0, 0, "Asia/Ho_Chi_Minh").toISOString()).toBe(
      "2020-03-19T17:00:00.000Z",
    );
    expect(instantAtLocal("2020-03-20", 0, 0, "UTC").toISOString()).toBe("2020-03-20T00:00:00.000Z");
  });

  it("refuses an impossible date every time", () => {
    expect(() => instantAtLocal("2020-02-31", 8, 0, "Asia/Ho_Chi_Minh")).toThrow();
    expect(() => instantAtLocal("2020-02-31", 8, 0, "Asia/Ho_Chi_Minh")).toThrow();
  });
});
