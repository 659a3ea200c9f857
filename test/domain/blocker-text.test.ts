// An obstacle is stored whole; texts show it after "vướng:" without its own leading "vướng", capped in chat.

import { describe, expect, it } from "vitest";
import { BLOCKER_DISPLAY_CHARS, blockerReason, capForDisplay } from "../../src/domain/blocker-text.ts";

describe("the reason of an obstacle", () => {
  it.each([
    ["vướng kinh phí", "kinh phí"],
    ["Vướng mắc: thủ tục đất đai", "thủ tục đất đai"],
    ["vướng - chờ Sở Tài chính", "chờ Sở Tài chính"],
    ["vuong kinh phi", "kinh phi"],
    ["thiếu nhân lực", "thiếu nhân lực"],
    ["khó khăn về mặt bằng", "khó khăn về mặt bằng"],
    ["vướng", null],
    ["  ", null],
  ])("%j → %j", (blocker, reason) => {
    expect(blockerReason(blocker)).toBe(reason);
  });

  it("is null for no obstacle", () => {
    expect(blockerReason(null)).toBeNull();
  });
});

describe("capping for a chat line", () => {
  it("leaves a short text alone", () => {
    expect(capForDisplay("kinh phí, nhân lực")).toBe("kinh phí, nhân lực");
  });

  it("cuts a long text at a word boundary, without trailing punctuation, and marks it «…»", () => {
    const text = `${"kinh phí, nhân lực, mặt bằng, ".repeat(6)}máy chủ`;
    const shown = capForDisplay(text);
    expect([...shown].length).toBeLessThanOrEqual(BLOCKER_DISPLAY_CHARS);
    expect(shown).toMatch(/[^\s,]…$/);
    expect(text.startsWith(shown.slice(0, -1))).toBe(true);
  });

  it("never splits an emoji or cuts a text without spaces past its limit", () => {
    expect(capForDisplay("🙏".repeat(20), 10)).toBe(`${"🙏".repeat(9)}…`);
    expect(capForDisplay("x".repeat(30), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
