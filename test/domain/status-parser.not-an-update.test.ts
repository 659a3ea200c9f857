// Excuses, promises to report later and questions about a task carry no update (issue 16); readNotAnUpdate
// says which they are, so the bot can answer with how to report.
import { describe, expect, it } from "vitest";
import { readNotAnUpdate } from "../../src/domain/status-parser/not-an-update.ts";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { check } from "./status-parser.cases.ts";

const AT = "2021-06-15";

describe("an excuse or a promise to report later", () => {
  it.each([
    "em đang họp, lát em gửi",
    "e đang đi công tác, mai e bc",
    "dạ em đang bận, tí nữa em báo cáo ạ",
    "chị đang nghỉ phép, chiều chị nhắn",
    "lát em gửi bc nha a",
    "em dang hop, lat em gui",
  ])("%j: no update, read as 'later'", (text) => {
    expect(parseStatusMessage(text, AT)).toEqual([]);
    expect(readNotAnUpdate(text)).toBe("later");
  });

  // The person is busy, the task is not in progress; but a status stated beside it still counts.
  check([
    ["em đang họp, II.2 xong rồi ạ", AT, [["II.2", "done", null, false, null]]],
    ["II.3 đang làm 40%, lát em gửi bc chi tiết", AT, [["II.3", "in_progress", 40, false, null]]],
    // "đang hợp nhất" (merging) is work, not a meeting; "đang ban hành" (issuing) is not busy either.
    ["II.4 đang hợp nhất dữ liệu", AT, [["II.4", "in_progress", null, false, null]]],
    ["II.4 đang ban hành quyết định", AT, [["II.4", "in_progress", null, false, null]]],
    // Without diacritics "dang ban" may be đang bàn (discussing): still work.
    ["II.4 dang ban", AT, [["II.4", "in_progress", null, false, null]]],
  ]);
});

describe("a question about a task", () => {
  it.each([
    "ai chủ trì II.2?",
    "II.2 hạn khi nào?",
    "II.2 hạn đến bao giờ ạ",
    "nhiệm vụ II.3 do đơn vị nào làm",
    "II.5 xong chưa?",
  ])("%j: no update, read as a task question", (text) => {
    expect(parseStatusMessage(text, AT)).toEqual([]);
    expect(readNotAnUpdate(text)).toBe("task_question");
  });
});

describe("anything else is neither", () => {
  it.each(["chào bot", "dạ em cảm ơn anh ạ", "ok anh", "cho em hỏi báo cáo gửi ai ạ"])("%j", (text) => {
    expect(readNotAnUpdate(text)).toBeNull();
  });
});
