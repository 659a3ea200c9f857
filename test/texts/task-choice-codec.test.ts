import { describe, expect, it } from "vitest";
import { decodeChoicePage, encodeChoicePage } from "../../src/texts/task-choice-codec.ts";

describe("task choice page codec", () => {
  it("reads back the page it wrote", () => {
    expect(decodeChoicePage(encodeChoicePage(2))).toBe(2);
    expect(encodeChoicePage(3)).toBe("k:3");
  });

  it("rejects data it did not make", () => {
    for (const data of ["k:0", "k:", "k:x", "k:1234", "b:2", "k:2:extra"]) {
      expect(decodeChoicePage(data)).toBeNull();
    }
  });
});
