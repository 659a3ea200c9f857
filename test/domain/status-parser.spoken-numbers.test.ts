// Spoken numbers as voice typing and quick chat write them (issue 16): full and clipped tens, "mốt" for 1,
// halves, quarters and thirds in words, and fractions of the work in digits when the context is not a date.
import { describe, expect, it } from "vitest";
import { parseVietnameseNumber } from "../../src/domain/vietnamese.ts";
import { check } from "./status-parser.cases.ts";

const AT = "2021-06-15";

describe("full and clipped forms", () => {
  check([
    ["II.2 được sáu mươi lăm phần trăm", AT, [["II.2", "in_progress", 65, false, null]]],
    ["II.2 được sáu lăm phần trăm", AT, [["II.2", "in_progress", 65, false, null]]],
    ["II.2 đạt bảy mươi tư %", AT, [["II.2", "in_progress", 74, false, null]]],
    ["II.2 đạt bảy tư %", AT, [["II.2", "in_progress", 74, false, null]]],
    ["II.2 tiến độ tám mươi mốt", AT, [["II.2", "in_progress", 81, false, null]]],
    ["II.2 tiến độ tám mốt", AT, [["II.2", "in_progress", 81, false, null]]],
    ["II.2 được chín nhăm phần trăm", AT, [["II.2", "in_progress", 95, false, null]]],
    // Bare "sau lam" is also "sau làm" (after doing): a clipped form needs its diacritics.
    ["II.2 dat sau lam phan tram", AT, []],
  ]);

  it.each([
    ["sáu lăm", 65],
    ["bảy tư", 74],
    ["hai mốt", 21],
    ["năm lăm", 55],
  ] as const)("%s is %i", (words, value) => {
    expect(parseVietnameseNumber(words)).toBe(value);
  });

  // Only the clipped tails: "hai ba" is two or three, "một lăm" no number.
  it.each(["hai ba", "một lăm", "sau lam"])("%s is no number", (words) => {
    expect(parseVietnameseNumber(words)).toBeNull();
  });
});

describe("shares of the work in words", () => {
  check([
    ["II.3 xong một nửa", AT, [["II.3", "in_progress", 50, false, null]]],
    ["II.3 được ba phần tư", AT, [["II.3", "in_progress", 75, false, null]]],
    ["II.3 đã làm được hai phần ba rồi", AT, [["II.3", "in_progress", 67, false, null]]],
    ["II.3 đạt một phần tư thôi", AT, [["II.3", "in_progress", 25, false, null]]],
    // "một phần" alone is a part of the task, not a figure.
    ["II.3 xong một phần", AT, [["II.3", "in_progress", null, false, null]]],
  ]);
});

describe("fractions in digits, unless the context is a date", () => {
  check([
    ["II.4 được khoảng 3/4", AT, [["II.4", "in_progress", 75, false, null]]],
    ["II.4 đạt tầm 2/3 rồi", AT, [["II.4", "in_progress", 67, false, null]]],
    ["II.4 dự kiến 3/4", AT, [["II.4", "in_progress", null, false, "2022-04-03"]]],
    ["II.4 được 3/4, dự kiến xong 1/9", AT, [["II.4", "in_progress", 75, false, "2021-09-01"]]],
  ]);
});
