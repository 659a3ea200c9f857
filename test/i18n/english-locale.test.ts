// English is complete: no Vietnamese text in en.ftl beyond data that is Vietnamese in any language
// (the product's name, an agency's name in examples, the column headings and cell words a plan or indicators file must carry) and
// the one input example the status parser only reads in Vietnamese (obstacles: "vướng kinh phí").
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ALLOWED = [
  "Nhắc Việc",
  "Sở Y tế",
  "vướng kinh phí",
  "Số TT",
  "Tên nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian thực hiện",
  "Ghi chú",
  // The indicators sheet's headings and the words its cells carry.
  "Chỉ tiêu",
  "Giai đoạn",
  "Mục tiêu (%)",
  "Cấp",
  "Cách tính",
  "Xếp hạng",
  "Năm hoàn thành",
  "tỉnh",
  "huyện",
  "xã",
  "trung bình",
  "tổng",
  "tỷ lệ đơn vị đạt",
];

/** Every "id: line" of en.ftl with Vietnamese letters, after placeables and allowed words are removed. */
function vietnameseLines(source: string): string[] {
  const found: string[] = [];
  let id = "";
  for (const line of source.split("\n")) {
    if (line.startsWith("#")) continue;
    id = /^([a-z][a-z0-9-]*) =/.exec(line)?.[1] ?? id;
    let text = line.replace(/\{\s*\$[a-zA-Z]+\s*\}|\{\s*"[^"]*"\s*\}/g, "");
    for (const allowed of ALLOWED) text = text.split(allowed).join("");
    // Vietnamese letters carry combining marks once decomposed (ă, ơ, ư, tones), or are đ.
    if (/[\u0300-\u036f]|[đĐ]/.test(text.normalize("NFD"))) found.push(`${id}: ${line.trim()}`);
  }
  return found;
}

describe("the English locale", () => {
  it("has no Vietnamese text outside placeables and a short allow-list", () => {
    const source = readFileSync(new URL("../../locales/en.ftl", import.meta.url), "utf8");
    expect(vietnameseLines(source)).toEqual([]);
  });

  it("the check finds Vietnamese words, so it cannot pass by accident", () => {
    expect(vietnameseLines("a = Gõ /trogiup\nb = ok { $agency }\nc = «II.2 xong» · đang làm")).toEqual([
      "a: a = Gõ /trogiup",
      "c: c = «II.2 xong» · đang làm",
    ]);
    expect(vietnameseLines("d = /nhac Sở Y tế — nudge\n# Nhắc nhở\ne = Nhắc Việc")).toEqual([]);
  });
});
