// LibreOffice does not fit rows to wrapped text, so the writer counts the lines itself.
import { describe, expect, it } from "vitest";
import { rowHeightOf, wrappedLines } from "../../src/reports/xlsx-row-height.ts";

describe("wrapped lines of a cell", () => {
  it("counts one line for text that fits, more as words wrap at the column's width", () => {
    expect(wrappedLines("Sở Y tế", 34)).toBe(1);
    const title = "Tiếp tục hoàn thiện cơ sở dữ liệu tài nguyên và môi trường, chia sẻ, khai thác dữ liệu";
    expect(wrappedLines(title, 34)).toBe(2);
    expect(wrappedLines(title, 10)).toBeGreaterThanOrEqual(6);
  });

  it("counts a line break as a new line and breaks a word longer than the column", () => {
    expect(wrappedLines("xong\nđã gửi", 30)).toBe(2);
    expect(wrappedLines("x".repeat(50), 10)).toBe(4);
  });

  it("counts bold text as wider", () => {
    expect(wrappedLines("Quá hạn chưa hoàn thành", 12, true)).toBe(2);
    expect(wrappedLines("Quá hạn chưa hoàn thành", 12)).toBe(2);
    expect(wrappedLines("Hoàn thành đúng", 12, true)).toBeGreaterThan(wrappedLines("Hoàn thành đúng", 12));
  });

  it("gives each line its height", () => {
    expect(rowHeightOf(2) - rowHeightOf(1)).toBeCloseTo(rowHeightOf(3) - rowHeightOf(2));
    expect(rowHeightOf(0)).toBe(rowHeightOf(1));
  });
});
