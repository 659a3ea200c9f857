// The parser keeps a message of printable ASCII, newlines and Latin letters as it is, without NFKC or the
// control-character pass (src/domain/status-parser/plain-text.ts): that rests on NFKC keeping any string of
// those characters, whatever their order, and on none of them being a control or format character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { isPlainChar, isPlainText } from "../../src/domain/status-parser/plain-text.ts";

const PLAIN = Array.from({ length: 0x1f00 }, (_, code) => code)
  .filter(isPlainChar)
  .map((code) => String.fromCharCode(code));

const plainText = fc.array(fc.constantFrom(...PLAIN), { maxLength: 40 }).map((chars) => chars.join(""));

describe("plain message text", () => {
  it("is not text with a combining mark, a control, a format character or an emoji", () => {
    for (const text of ["đang làm".normalize("NFD"), "xong\u0007", "xong\u200b", "xong 😁", "xong\r\n"]) {
      expect(isPlainText(text)).toBe(false);
    }
  });

  it("holds every Vietnamese letter, precomposed, in both cases", () => {
    const vietnamese = "ăâđêôơưàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ";
    for (const ch of vietnamese + vietnamese.toUpperCase()) expect(PLAIN).toContain(ch);
  });

  it("is kept by NFKC in any order, and holds no control or format character", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(isPlainText(text)).toBe(true);
        expect(text.normalize("NFKC")).toBe(text);
        expect(/(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text)).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it("parses as its NFD form does", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(parseStatusMessage(text, "2021-06-15")).toEqual(
          parseStatusMessage(text.normalize("NFD"), "2021-06-15"),
        );
      }),
      { numRuns: 300 },
    );
  });
});
