// Every entry of the chat shorthand table (src/domain/status-parser/shorthand.ts) with a sentence of its own
// and the parse it must give; an entry added without a sentence here fails the first test.
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { typedForms } from "../../src/domain/status-parser/shorthand-forms.ts";
import { tokenize } from "../../src/domain/status-parser/tokens.ts";
import { compact, type Row } from "./status-parser.cases.ts";

const AT = "2021-06-15";

/** By short form: a sentence using it, and its parse. */
const ENTRIES: Readonly<Record<string, readonly [string, readonly Row[]]>> = {
  r: ["II.2 xong r", [["II.2", "done", null, false, null]]],
  đc: ["II.3 lm đc 60% r", [["II.3", "in_progress", 60, false, null]]],
  dc: ["II.3 lam dc 70", [["II.3", "in_progress", 70, false, null]]],
  ko: ["II.4 ko vướng gì, xong r", [["II.4", "done", null, false, null]]],
  k: ["II.4 k kịp xong", [["II.4", "in_progress", null, false, null]]],
  kh: ["II.5 kh vướng j, đang làm", [["II.5", "in_progress", null, false, null]]],
  hok: ["II.5 hok có gì vướng, xong r", [["II.5", "done", null, false, null]]],
  lm: ["V.1 đang lm", [["V.1", "in_progress", null, false, null]]],
  đag: ["V.2 đag tr", [["V.2", "in_progress", null, false, null]]],
  dag: ["V.2 dag lm nha", [["V.2", "in_progress", null, false, null]]],
  xog: ["V.3 xog r a", [["V.3", "done", null, false, null]]],
  xg: ["V.3 xg r", [["V.3", "done", null, false, null]]],
  ht: ["e đã ht bc V.4 r", [["V.4", "done", null, false, null]]],
  j: ["V.5 ko vướng j, được 80%", [["V.5", "in_progress", 80, false, null]]],
  e: ["e lm xog V.6 r", [["V.6", "done", null, false, null]]],
  a: ["a ơi V.7 ht r", [["V.7", "done", null, false, null]]],
  c: ["c ơi e đag lm II.2", [["II.2", "in_progress", null, false, null]]],
  nv: ["nv 3 xog r", [["#3", "done", null, false, null]]],
  bc: ["bc II.6 đã xong", [["II.6", "done", null, false, null]]],
  qđ: ["qđ số 12 ban hành xog r", [[null, "done", null, false, null]]],
  tr: ["II.7 chưa tr", [["II.7", "not_started", null, false, null]]],
};

describe("the chat shorthand table", () => {
  it("has a sentence here for every entry, and no sentence for an entry it lacks", () => {
    expect(new Set(Object.keys(ENTRIES))).toEqual(new Set(typedForms("shorthand")));
  });

  it.each(Object.entries(ENTRIES))("%s: %j", (_short, [sentence, expected]) => {
    expect(compact(parseStatusMessage(sentence, AT))).toEqual(expected);
  });
});

describe("where a short form means something else, it is left as typed", () => {
  it.each([
    // !afterNumber: "k" and "tr" after a figure are thousands and millions.
    ["giải ngân 500 k", "giai ngan 500 k"],
    ["xin thêm 2 tr", "xin them 2 tr"],
    ["k kịp", "khong kip"],
    ["đang tr", "dang trien khai"],
    // !beforeNumber: "KH 12", "KH số 3" are plans (kế hoạch).
    ["theo KH 12", "theo kh 12"],
    ["KH số 3", "kh so 3"],
    ["kh vướng", "khong vuong"],
    // ?status: "ht" before a noun is a system (hệ thống); at the end, before a figure or a code, after "đã", a status.
    ["ht phần mềm", "ht phan mem"],
    ["II.2 ht", "ii.2 hoan thanh"],
    ["ht 30/6", "hoan thanh 30/6"],
    ["V.7 ht IV.4", "v.7 hoan thanh iv.4"],
    ["đã ht bc", "da hoan thanh bao cao"],
    // =exact: the pronouns only as typed bare; the particles "ạ", "à" fold alike but stay particles.
    ["xong ạ", "xong a"],
    ["a ơi", "anh oi"],
  ] as const)("%j reads as %j", (typed, read) => {
    expect(
      tokenize(typed)
        .map((t) => t.folded)
        .join(" "),
    ).toBe(read);
  });

  it.each([
    ["II.4 ht phần mềm đang nâng cấp", [["II.4", "in_progress", null, false, null]]],
    ["ht phần mềm", []],
  ] as const)("%j", (sentence, expected) => {
    expect(compact(parseStatusMessage(sentence, AT))).toEqual(expected);
  });

  it("keeps the short form as typed in an obstacle's text", () => {
    expect(parseStatusMessage("II.2 vướng vì ko đủ kp", AT)[0]?.blocker).toBe("vướng vì ko đủ kp");
  });
});
