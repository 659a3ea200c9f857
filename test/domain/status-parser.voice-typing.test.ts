// Voice-typing slips on the status and obstacle words (src/domain/status-parser/voice-typing.ts): a sentence
// per entry with its parse, and a sentence per collision the table avoids, where the real word must stay itself.
import { describe, expect, it } from "vitest";
import { typedForms } from "../../src/domain/status-parser/shorthand-forms.ts";
import { check, type Row } from "./status-parser.cases.ts";

const AT = "2021-06-15";

/** By typed form: a sentence using it, and its parse. */
const ENTRIES: Readonly<Record<string, readonly [string, readonly Row[]]>> = {
  song: ["II.2 song rồi", [["II.2", "done", null, false, null]]],
  chiển: ["II.2 đang chiển khai", [["II.2", "in_progress", null, false, null]]],
  chiến: ["II.2 đã chiến khai", [["II.2", "in_progress", null, false, null]]],
  chở: ["II.2 gặp chở ngại về đất", [["II.2", "blocked", null, true, null]]],
  chỡ: ["II.2 chỡ ngại kinh phí", [["II.2", "blocked", null, true, null]]],
  vướn: ["II.3 vướn kinh phí", [["II.3", "blocked", null, true, null]]],
  xon: ["II.3 xon rồi ạ", [["II.3", "done", null, false, null]]],
  thàn: ["II.3 đã hoàn thàn", [["II.3", "done", null, false, null]]],
  thàng: ["II.3 hoàn thàng rồi", [["II.3", "done", null, false, null]]],
  khăng: ["II.4 gặp khó khăng về nhân lực", [["II.4", "blocked", null, true, null]]],
  kẹc: ["II.4 bị kẹc thủ tục", [["II.4", "blocked", null, true, null]]],
  vưỡng: ["II.4 vưỡng mặt bằng", [["II.4", "blocked", null, true, null]]],
  vưởng: ["II.4 còn vưởng thủ tục", [["II.4", "blocked", null, true, null]]],
  khỏ: ["II.5 khỏ khăn về vốn", [["II.5", "blocked", null, true, null]]],
  khò: ["II.5 đang khò khăn", [["II.5", "blocked", null, true, null]]],
  khõ: ["II.5 khõ khăn kinh phí", [["II.5", "blocked", null, true, null]]],
  khọ: ["II.5 gặp khọ khăn", [["II.5", "blocked", null, true, null]]],
  đanglàm: ["II.6 đanglàm 40%", [["II.6", "in_progress", 40, false, null]]],
  khókhăn: ["II.6 gặp khókhăn", [["II.6", "blocked", null, true, null]]],
  triểnkhai: ["II.6 đang triểnkhai", [["II.6", "in_progress", null, false, null]]],
  xongrồi: ["II.7 xongrồi", [["II.7", "done", null, false, null]]],
  vướngmắc: ["II.7 có vướngmắc về đất", [["II.7", "blocked", null, true, null]]],
  chưalàm: ["II.7 chưalàm", [["II.7", "not_started", null, false, null]]],
  đãxong: ["II.8 đãxong", [["II.8", "done", null, false, null]]],
};

describe("the voice-typing table", () => {
  it("has a sentence here for every spelling, and no sentence for one it lacks", () => {
    expect(new Set(Object.keys(ENTRIES))).toEqual(new Set(typedForms("voice")));
  });

  check(Object.values(ENTRIES).map(([sentence, expected]) => [sentence, AT, expected] as const));
});

describe("a real word that collides stays itself", () => {
  check([
    // song: only as a status; "song song" is parallel, "sông" a river.
    ["II.2 đang làm song song hai hạng mục", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 khảo sát sông Ba đang làm", AT, [["II.2", "in_progress", null, false, null]]],
    // chiến: only before "khai".
    ["II.2 chiến dịch truyền thông đang làm", AT, [["II.2", "in_progress", null, false, null]]],
    // chở: only before "ngại"; "chờ" stays waiting.
    ["II.2 đã chở thiết bị về, xong", AT, [["II.2", "done", null, false, null]]],
    // vườn, vượng, vừng, vương are real words: not an obstacle.
    ["II.3 vườn ươm xong rồi", AT, [["II.3", "done", null, false, null]]],
    ["II.3 thịnh vượng, đã xong", AT, [["II.3", "done", null, false, null]]],
    ["II.3 anh Vương đang làm", AT, [["II.3", "in_progress", null, false, null]]],
    // thàn/thàng: only after "hoàn"; "tháng 7" stays a month.
    ["II.3 dự kiến tháng 7 xong", AT, [["II.3", "in_progress", null, false, "2021-07-31"]]],
    // khăng: only after "khó".
    ["II.4 khăng khăng đòi làm lại, đang làm", AT, [["II.4", "in_progress", null, false, null]]],
    // kho: only before "khăn"; a store stays a store.
    ["II.4 kho dữ liệu xong", AT, [["II.4", "done", null, false, null]]],
    // Left out of the table: tắt (turn off), trưa (noon), dân (people).
    ["II.5 tắt máy chủ cũ, đang làm", AT, [["II.5", "in_progress", null, false, null]]],
    ["trưa nay em gửi", AT, []],
    ["II.5 người dân làm xong", AT, [["II.5", "done", null, false, null]]],
  ]);
});
