import { describe, expect, it } from "vitest";
import {
  canonicalTaskCode,
  intToRoman,
  MAX_SECTION,
  parseTaskCode,
  romanToInt,
  sectionNumber,
  tryTaskCode,
} from "../../src/domain/task-code.ts";

describe("Roman numerals", () => {
  it.each([
    [1, "I"],
    [2, "II"],
    [4, "IV"],
    [7, "VII"],
    [9, "IX"],
    [14, "XIV"],
    [40, "XL"],
    [1999, "MCMXCIX"],
    [3999, "MMMCMXCIX"],
  ])("%i ↔ %s", (value, roman) => {
    expect(intToRoman(value)).toBe(roman);
    expect(romanToInt(roman)).toBe(value);
    expect(romanToInt(roman.toLowerCase())).toBe(value);
  });

  it("round-trips every value", () => {
    for (let n = 1; n <= 3999; n++) expect(romanToInt(intToRoman(n))).toBe(n);
  });

  it.each(["", "IIII", "VX", "IC", "ABC", "II.2", "2", " "])("rejects %j", (text) => {
    expect(romanToInt(text)).toBeNull();
  });

  it.each([0, -1, 4000, 1.5, Number.NaN])("has no numeral for %d", (value) => {
    expect(() => intToRoman(value)).toThrow(RangeError);
  });
});

describe("canonicalTaskCode", () => {
  it("accepts Roman or Arabic sections", () => {
    expect(canonicalTaskCode("II", 2)).toBe("II.2");
    expect(canonicalTaskCode("ii", 10)).toBe("II.10");
    expect(canonicalTaskCode("7", 1)).toBe("VII.1");
    expect(canonicalTaskCode(5, 3)).toBe("V.3");
  });

  it("throws on what is not a task code, where tryTaskCode answers null", () => {
    for (const [section, number] of [
      ["", 1],
      ["II", 0],
      ["IIII", 1],
      [MAX_SECTION + 1, 1],
      ["II", 100],
      ["II", 1.5],
    ] as const) {
      expect(() => canonicalTaskCode(section, number)).toThrow(RangeError);
      expect(tryTaskCode(section, number)).toBeNull();
    }
  });

  it("reads sections", () => {
    expect(sectionNumber("iv")).toBe(4);
    expect(sectionNumber(" 3 ")).toBe(3);
    expect(sectionNumber("30")).toBeNull();
  });
});

describe("parseTaskCode", () => {
  it.each([
    ["II.2", "II.2"],
    ["ii.2", "II.2"],
    ["II-2", "II.2"],
    ["II/2", "II.2"],
    ["2.2", "II.2"],
    ["  VII.1 ", "VII.1"],
    ["v.6", "V.6"],
    ["II.10", "II.10"],
    ["mục II.2", "II.2"],
    ["Mục II.2:", "II.2"],
    ["nhiệm vụ II.2", "II.2"],
    ["nhiem vu II.2", "II.2"],
    ["NV II.2", "II.2"],
    ["nhiệm vụ 2 mục II", "II.2"],
    ["nhiệm vụ số 2 mục II", "II.2"],
    ["nv 4, mục III", "III.4"],
    ["ＩＩ.２", "II.2"],
  ])("%j → %s", (text, expected) => {
    expect(parseTaskCode(text)).toBe(expected);
  });

  it.each(["", "II", "II.0", "30.6", "30/6", "IIII.2", "X.100", "II.2 xong", "số 3", "#3", "abc"])(
    "%j is not a task code",
    (text) => {
      expect(parseTaskCode(text)).toBeNull();
    },
  );
});
