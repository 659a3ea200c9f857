import { describe, expect, it } from "vitest";
import {
  foldText,
  hasDiacritics,
  isBare,
  parseVietnameseNumber,
  readNumberWords,
  toWordToken,
} from "../../src/domain/vietnamese.ts";

describe("foldText", () => {
  it.each([
    ["Đã hoàn thành", "da hoan thanh"],
    ["ĐANG TRIỂN KHAI", "dang trien khai"],
    ["  vướng \t kinh\nphí  ", "vuong kinh phi"],
    ["tắc tác tạc", "tac tac tac"],
    ["kẹt kết", "ket ket"],
    ["Sở Tài chính – UBND", "so tai chinh - ubnd"],
    ["ＩＩ.２", "ii.2"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("folds NFC and NFD alike", () => {
    const text = "Nhắc Việc: chưa xong, đang chờ phê duyệt";
    expect(foldText(text.normalize("NFD"))).toBe(foldText(text.normalize("NFC")));
    expect(foldText(text.normalize("NFD"))).toBe("nhac viec: chua xong, dang cho phe duyet");
  });
});

describe("hasDiacritics and isBare", () => {
  it("tells typed-with-diacritics from bare text", () => {
    expect(hasDiacritics("dang lam 50%")).toBe(false);
    expect(hasDiacritics("đang làm")).toBe(true);
    expect(hasDiacritics("dc 45% nhé".normalize("NFD"))).toBe(true);
    expect(hasDiacritics("đc")).toBe(true);
    expect(hasDiacritics("OK XONG")).toBe(false);
  });

  it("marks a token bare only when it carries no diacritic", () => {
    expect(isBare(toWordToken("tac"))).toBe(true);
    expect(isBare(toWordToken("TAC"))).toBe(true);
    expect(isBare(toWordToken("tắc"))).toBe(false);
    expect(toWordToken("Tắc")).toEqual({ lower: "tắc", folded: "tac" });
  });
});

describe("parseVietnameseNumber", () => {
  it.each([
    ["bốn mươi", 40],
    ["sáu mươi lăm", 65],
    ["tám mươi", 80],
    ["hai mươi mốt", 21],
    ["một trăm", 100],
    ["trăm", 100],
    ["mười", 10],
    ["mười lăm", 15],
    ["mười một", 11],
    ["năm mươi tư", 54],
    ["năm mươi bốn", 54],
    ["bảy mươi nhăm", 75],
    ["bẩy mươi", 70],
    ["chín mươi chín", 99],
    ["năm chục", 50],
    ["một trăm linh năm", 105],
    ["hai trăm ba mươi", 230],
    ["không", 0],
    ["năm", 5],
    ["sau muoi lam", 65],
    ["bon muoi", 40],
    ["muoi lam", 15],
    ["tam muoi", 80],
    ["hai muoi mot", 21],
    ["SÁU MƯƠI", 60],
    ["65", 65],
  ])("%j → %i", (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });

  it.each([
    "tầm",
    "làm",
    "lăm",
    "mươi",
    "mươi lăm",
    "tầm sáu mươi",
    "hai mười",
    "sáu mươi lăm phần trăm",
    "",
    "abc",
  ])("%j is not a number on its own", (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});

describe("readNumberWords", () => {
  const tokens = (text: string) => text.split(" ").map(toWordToken);

  it("reads the longest number at a position and says how long it is", () => {
    expect(readNumberWords(tokens("đạt sáu mươi lăm phần trăm"), 1)).toEqual({ value: 65, length: 3 });
    expect(readNumberWords(tokens("hai mươi mốt"), 0)).toEqual({ value: 21, length: 3 });
  });

  it("does not take 'tầm' (about) for 'tám' (eight) when diacritics are typed", () => {
    expect(readNumberWords(tokens("tầm sáu mươi"), 0)).toBeNull();
    expect(readNumberWords(tokens("tầm sáu mươi"), 1)).toEqual({ value: 60, length: 2 });
    expect(readNumberWords(tokens("tám mươi"), 0)).toEqual({ value: 80, length: 2 });
  });

  it("stops where the number ends", () => {
    expect(readNumberWords(tokens("năm năm"), 0)).toEqual({ value: 5, length: 1 });
    expect(readNumberWords(tokens("ba mươi người"), 0)).toEqual({ value: 30, length: 2 });
    expect(readNumberWords(tokens("xong"), 0)).toBeNull();
    expect(readNumberWords(tokens("ba"), 5)).toBeNull();
  });
});
