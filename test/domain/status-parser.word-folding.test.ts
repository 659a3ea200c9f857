// The parser lowers and folds each word through tables of characters built once (src/domain/vietnamese.ts);
// on any text that lower case, that fold, and the message's "typed with diacritics" must equal their definitions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldWord, hasDiacritics, lowerCase } from "../../src/domain/vietnamese.ts";

const DASHES = /[\u2010-\u2015\u2212]/g;

function foldByDefinition(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(DASHES, "-");
}

function hasDiacriticsByDefinition(text: string): boolean {
  return foldByDefinition(text) !== text.normalize("NFC").toLowerCase().replace(DASHES, "-");
}

const VIETNAMESE =
  "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ" +
  "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ" +
  "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789.-/%–—−\u0300\u0301\u0303\u0309\u0323";

const vietnameseText = fc
  .array(fc.constantFrom(...VIETNAMESE), { maxLength: 20 })
  .chain((chars) => fc.constant(chars.join("")))
  .chain((text) => fc.constantFrom(text, text.normalize("NFD"), text.normalize("NFC")));

const anyText = fc.oneof(
  vietnameseText,
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 10 }),
);

describe("word folding", () => {
  it("folds any text as its definition does", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldWord(text)).toBe(foldByDefinition(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it("lowers any text as toLowerCase does", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(lowerCase(text)).toBe(text.toLowerCase());
      }),
      { numRuns: 1_000 },
    );
  });

  it("tells text typed with diacritics as its definition does", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(hasDiacritics(text)).toBe(hasDiacriticsByDefinition(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it("folds every letter of the Vietnamese alphabet in both cases and both normal forms", () => {
    for (const ch of VIETNAMESE) {
      for (const form of [ch.normalize("NFC"), ch.normalize("NFD")]) {
        expect(foldWord(form)).toBe(foldByDefinition(form));
        expect(lowerCase(form)).toBe(form.toLowerCase());
        expect(hasDiacritics(form)).toBe(hasDiacriticsByDefinition(form));
      }
    }
    expect(foldWord("Đã HOÀN THÀNH – 80%")).toBe("da hoan thanh - 80%");
    expect(lowerCase("Đã HOÀN THÀNH – ΟΔΟΣ 80%")).toBe("đã hoàn thành – οδος 80%");
  });
});
