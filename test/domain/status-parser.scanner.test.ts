// The tokenizer walks the characters by hand (src/domain/status-parser/scanner.ts); on any text it must cut
// the same tokens as the grammar's regular expression, and tell words from punctuation alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutTokens } from "../../src/domain/status-parser/tokens.ts";

const GRAMMAR =
  /\d+,\d+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[./-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

interface Cut {
  readonly start: number;
  readonly end: number;
  readonly wordish: boolean;
}

function byGrammar(text: string): Cut[] {
  return [...text.matchAll(GRAMMAR)].slice(0, 200).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    wordish: /[\p{L}\p{N}]/u.test(m[0]),
  }));
}

function byScanner(text: string): Cut[] {
  return cutTokens(text).map(({ start, end, wordish }) => ({ start, end, wordish }));
}

// The characters where the grammar has its edges: digits, the decimal comma, joiners, marks, spaces of every
// kind, letters and digits beyond the scanner's table, surrogate pairs and lone surrogates.
const EDGES = [
  ..."0123456789,./-aZđƯữ%?( )\t\n\u00a0\u2003\u3000\ufeff\u0301\u0323\u20dd–",
  "½",
  "٣",
  "Ⅻ",
  "中",
  "😁",
  "𝐀",
  "\ud800",
  "\udfff",
];

const edgeText = fc.array(fc.constantFrom(...EDGES), { maxLength: 30 }).map((chars) => chars.join(""));
const anyText = fc.oneof(
  edgeText,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

describe("the tokenizer's scanner", () => {
  it("cuts any text as the grammar does", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(byScanner(text)).toEqual(byGrammar(text));
      }),
      { numRuns: 1_500 },
    );
  });

  it("cuts a real message into its words, figures, codes and marks", () => {
    const text = "II.2 đạt 45,5%, dự kiến xong 30/6 (-1/3) 5,5a 😁";
    expect(cutTokens(text).map((t) => text.slice(t.start, t.end))).toEqual([
      "II.2",
      "đạt",
      "45,5",
      "%",
      ",",
      "dự",
      "kiến",
      "xong",
      "30/6",
      "(",
      "-",
      "1/3",
      ")",
      "5",
      ",",
      "5a",
      "😁",
    ]);
  });

  it("stops at 200 tokens", () => {
    expect(cutTokens("a ".repeat(500))).toHaveLength(200);
  });
});
