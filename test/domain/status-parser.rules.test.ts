// The README: status updates rules on messages that are not in the example corpus: variants, negations, word-boundary
// traps, number words, dates across the year end, several updates in one message, text without diacritics.

import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { check, compact } from "./status-parser.cases.ts";

const AT = "2021-06-15";

describe("task references", () => {
  check([
    ["ii-3 xong", AT, [["II.3", "done", null, false, null]]],
    ["II/4 đang làm", AT, [["II.4", "in_progress", null, false, null]]],
    ["4.1 đã hoàn thành", AT, [["IV.1", "done", null, false, null]]],
    ["mục VI.2 chưa triển khai", AT, [["VI.2", "not_started", null, false, null]]],
    ["Nhiệm vụ II.3 đang thực hiện", AT, [["II.3", "in_progress", null, false, null]]],
    ["nv II.1 xong rồi", AT, [["II.1", "done", null, false, null]]],
    ["Mục II, nhiệm vụ 3: đang làm", AT, [["II.3", "in_progress", null, false, null]]],
    ["nhiệm vụ số 2 thuộc mục IV xong", AT, [["IV.2", "done", null, false, null]]],
    ["nhiem vu so 5 dang lam", AT, [["#5", "in_progress", null, false, null]]],
    ["nv 7 ht", AT, [["#7", "done", null, false, null]]],
    ["nhiệm vụ thứ 3 đang làm", AT, [["#3", "in_progress", null, false, null]]],
    ["thứ 3 tuần sau em gửi", AT, []],
    ["#4: 30%", AT, [["#4", "in_progress", 30, false, null]]],
    ["Số 2 em chưa làm", AT, [["#2", "not_started", null, false, null]]],
    ["(II.5) xong", AT, [["II.5", "done", null, false, null]]],
    ["II.2 80", AT, [["II.2", "in_progress", 80, false, null]]],
  ]);
});

describe("things that are not task references", () => {
  check([
    ["quyết định số 12 đã ban hành xong", AT, [[null, "done", null, false, null]]],
    ["đã giải ngân 1.5 tỷ, đang làm tiếp", AT, [[null, "in_progress", null, false, null]]],
    ["đạt 2.5% thôi", AT, [[null, "in_progress", 3, false, null]]],
    ["đang chuẩn bị, dự kiến 30.6 xong", AT, [[null, "in_progress", null, false, "2021-06-30"]]],
  ]);
});

describe("blocked, and negated obstacles", () => {
  check([
    ["II.2 bị tắc ở khâu thẩm định", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 bi tac o khau tham dinh", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 ket kinh phi", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 gặp nhiều khó khăn về nhân lực, đạt 30%", AT, [["II.2", "blocked", 30, true, null]]],
    ["II.2 tạm hoãn theo chỉ đạo", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 không đủ kinh phí để triển khai", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 hệ thống bị lỗi, chưa khắc phục được", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 chua the trien khai vi thieu may", AT, [["II.2", "blocked", null, true, null]]],
    ["II.2 không gặp khó khăn gì, đạt 70%", AT, [["II.2", "in_progress", 70, false, null]]],
    ["II.2 ko vuong gi, dang lam", AT, [["II.2", "in_progress", null, false, null]]],
    ["chưa có vướng mắc, đã xong", AT, [[null, "done", null, false, null]]],
    ["II.2 đã tháo gỡ được khó khăn, đang làm", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 tạm dừng chờ ý kiến UBND", AT, [["II.2", "blocked", null, true, null]]],
  ]);
});

describe("word-boundary and diacritic traps", () => {
  check([
    ["II.4 công tác tuyên truyền đang làm", AT, [["II.4", "in_progress", null, false, null]]],
    ["II.4 cong tac tuyen truyen dang lam", AT, [["II.4", "in_progress", null, false, null]]],
    ["II.4 hop tac voi vnpt, dang trien khai", AT, [["II.4", "in_progress", null, false, null]]],
    ["II.5 kết quả tốt, xong rồi", AT, [["II.5", "done", null, false, null]]],
    ["II.5 ket noi xong roi", AT, [["II.5", "done", null, false, null]]],
    ["II.6 tổng kết xong", AT, [["II.6", "done", null, false, null]]],
    ["cho em hỏi báo cáo gửi đâu", AT, []],
    ["cho em hoi bao cao gui dau", AT, []],
    ["em gửi cho anh báo cáo nhé", AT, []],
    ["dang cho phe duyet", AT, [[null, "in_progress", null, false, null]]],
    ["II.7 cho y kien cua so", AT, [["II.7", "in_progress", null, false, null]]],
    ["II.7 đã đăng tải lên cổng, xong", AT, [["II.7", "done", null, false, null]]],
    ["yêu cầu tối thiểu 3 cán bộ", AT, []],
    ["II.8 đã ht hệ thống", AT, [["II.8", "done", null, false, null]]],
    ["II.8 ht quản lý văn bản đang nâng cấp", AT, [["II.8", "in_progress", null, false, null]]],
    ["II.8 phần mềm đã hoàn thành", AT, [["II.8", "done", null, false, null]]],
  ]);
});

describe("done, negated done, and done that is only expected", () => {
  check([
    ["II.2 chua xong", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 chưa làm xong", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 vẫn chưa hoàn thành ạ", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 gần xong rồi", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 sẽ hoàn thành trong tháng này", AT, [["II.2", "in_progress", null, false, "2021-06-30"]]],
    ["II.2 xong giai đoạn 1, đang làm giai đoạn 2", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 hoàn thành 80% khối lượng", AT, [["II.2", "in_progress", 80, false, null]]],
    ["II.2 xong một nửa", AT, [["II.2", "in_progress", 50, false, null]]],
    ["II.2 xong chưa anh?", AT, []],
    ["khi nào xong em báo anh", AT, []],
    ["II.2 đã xong xuôi", AT, [["II.2", "done", null, false, null]]],
    ["II.2 vừa hoàn tất hôm qua", AT, [["II.2", "done", null, false, null]]],
    ["II.2 chưa đạt 100%", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 hoàn thành 15/3/2021", AT, [["II.2", "done", null, false, null]]],
  ]);
});

describe("not started and in progress", () => {
  check([
    ["II.3 chưa tiến hành", AT, [["II.3", "not_started", null, false, null]]],
    ["chua bat dau", AT, [[null, "not_started", null, false, null]]],
    ["II.3 chưa được triển khai do mới nhận", AT, [["II.3", "not_started", null, false, null]]],
    ["II.3 đang chờ, chưa triển khai", AT, [["II.3", "not_started", null, false, null]]],
    ["II.3 đang xây dựng dự thảo", AT, [["II.3", "in_progress", null, false, null]]],
    ["II.3 mới bắt đầu triển khai", AT, [["II.3", "in_progress", null, false, null]]],
    ["II.3 vẫn đang đợi sở Tài chính", AT, [["II.3", "in_progress", null, false, null]]],
    ["II.3 tiếp tục thực hiện", AT, [["II.3", "in_progress", null, false, null]]],
  ]);
});

describe("progress in digits and in words", () => {
  check([
    ["II.9 đạt tám mươi phần trăm", AT, [["II.9", "in_progress", 80, false, null]]],
    ["II.9 dat tam muoi phan tram", AT, [["II.9", "in_progress", 80, false, null]]],
    ["được hai mươi mốt phần trăm", AT, [[null, "in_progress", 21, false, null]]],
    ["II.8 năm mươi tư phần trăm", AT, [["II.8", "in_progress", 54, false, null]]],
    ["tầm sáu mươi phần trăm", AT, [[null, "in_progress", 60, false, null]]],
    ["tam sau muoi lam phan tram", AT, [[null, "in_progress", 65, false, null]]],
    ["được mười lăm phần trăm", AT, [[null, "in_progress", 15, false, null]]],
    ["đạt bảy mươi nhăm phần trăm", AT, [[null, "in_progress", 75, false, null]]],
    ["đạt một trăm phần trăm", AT, [[null, "done", 100, false, null]]],
    ["II.9 tđ 45 %", AT, [["II.9", "in_progress", 45, false, null]]],
    ["II.9 đạt khoảng 70", AT, [["II.9", "in_progress", 70, false, null]]],
    ["tiến độ 0%", AT, [[null, "not_started", 0, false, null]]],
    ["II.8 được khoảng 2/3", AT, [["II.8", "in_progress", 67, false, null]]],
    ["II.8 đạt 9/10 chỉ tiêu", AT, [["II.8", "in_progress", 90, false, null]]],
    ["II.8 được 30/7 thì xong", AT, [["II.8", "in_progress", null, false, "2021-07-30"]]],
    ["II.2 được 30 người tham gia", AT, []],
    ["II.2 đạt 120 hồ sơ", AT, []],
  ]);
});

describe("a progress over 100 is carried apart, never dropped and never a progress", () => {
  const over = (text: string) =>
    parseStatusMessage(text, AT).map((u) => [u.taskRef, u.status, u.progress, u.progressOver100]);
  it.each([
    ["II.10 đang làm 150%", [["II.10", "in_progress", null, 150]]],
    ["II.2 đạt 120%", [["II.2", null, null, 120]]],
    ["II.2 hoàn thành 120% kế hoạch", [["II.2", "done", null, 120]]],
    ["II.2 vướng kinh phí, 150 %", [["II.2", "blocked", null, 150]]],
    ["II.2 150%, à nhầm, 50%", [["II.2", "in_progress", 50, null]]],
    [
      "II.2 50%; II.3 200%",
      [
        ["II.2", "in_progress", 50, null],
        ["II.3", null, null, 200],
      ],
    ],
    ["II.2 đạt 150 hồ sơ", []],
    ["II.2 đạt 100,4%", [["II.2", "done", 100, null]]],
  ])("%j", (text, expected) => {
    expect(over(text)).toEqual(expected);
  });
});

describe("a figure with a minus sign is neither a progress nor a date; the rest is read", () => {
  check([
    ["II.2 -50%", AT, []],
    ["II.2 đang làm -50%", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 đạt (-30%)", AT, []],
    ["II.2 đang làm, dự kiến xong -1/3", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 -1/3", AT, []],
    // A bullet's dash is not a sign: "- 50%", and a code right after a dash.
    ["II.2 - 50%", AT, [["II.2", "in_progress", 50, false, null]]],
    ["-2.2 xong", AT, [["II.2", "done", null, false, null]]],
    // A range's dash follows a figure.
    ["II.2 đạt 10%-20%", AT, [["II.2", "in_progress", 20, false, null]]],
  ]);
});

describe("an expected date lies within a year before and ten years after the message", () => {
  check([
    ["II.2 dự kiến xong 1/1/1969", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 dự kiến xong 1/1/2050", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 dự kiến xong 15/6/2020", AT, [["II.2", "in_progress", null, false, "2020-06-15"]]],
    ["II.2 dự kiến xong 14/6/2020", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 dự kiến xong 15/6/2031", AT, [["II.2", "in_progress", null, false, "2031-06-15"]]],
    ["II.2 dự kiến xong 16/6/2031", AT, [["II.2", "in_progress", null, false, null]]],
  ]);
});

describe("a progress figure settles the status over the words (the bot stores the same)", () => {
  check([
    ["II.2 xong 0%", AT, [["II.2", "not_started", 0, false, null]]],
    ["II.2 đã hoàn thành 0%", AT, [["II.2", "not_started", 0, false, null]]],
    ["II.2 chưa triển khai, đạt 40%", AT, [["II.2", "in_progress", 40, false, null]]],
    ["II.2 chưa làm, 100%", AT, [["II.2", "done", 100, false, null]]],
    ["II.2 vướng kinh phí, xong 0%", AT, [["II.2", "blocked", 0, true, null]]],
  ]);
});

describe("expected dates", () => {
  check([
    ["II.2 du kien xong 5/1", "2021-12-20", [["II.2", "in_progress", null, false, "2022-01-05"]]],
    ["II.2 dự kiến xong 20/12", "2021-12-20", [["II.2", "in_progress", null, false, "2021-12-20"]]],
    ["II.2 dự kiến xong 19/12", "2021-12-20", [["II.2", "in_progress", null, false, "2022-12-19"]]],
    [
      "dự kiến ngày 5 tháng 1 năm 2022 xong",
      "2021-12-20",
      [[null, "in_progress", null, false, "2022-01-05"]],
    ],
    ["du kien xong 29/2", "2021-12-20", [[null, "in_progress", null, false, "2024-02-29"]]],
    [
      "II.1 đang làm, dự kiến cuối tháng 1 xong",
      "2021-12-20",
      [["II.1", "in_progress", null, false, "2022-01-31"]],
    ],
    ["dự kiến quý 1 hoàn thành", "2021-12-20", [[null, "in_progress", null, false, "2022-03-31"]]],
    ["II.2 đang làm, 30/6 là xong", AT, [["II.2", "in_progress", null, false, "2021-06-30"]]],
    ["II.2 xong trước 15/7", AT, [["II.2", "in_progress", null, false, "2021-07-15"]]],
    ["II.2 đã hoàn thành trước 15/6", AT, [["II.2", "done", null, false, null]]],
    ["II.2 đang làm từ 1/3", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 dự kiến xong 31/2", AT, [["II.2", "in_progress", null, false, null]]],
  ]);
});

// A date without its year is past when its last occurrence is nearer than its next one; the message's own
// day is ahead. With a done word, a past date is when the work was finished: done, and no expected date.
describe("a date already past in a done message is the completion date, not an expected one", () => {
  check([
    ["II.1 xong 30/6", "2020-07-05", [["II.1", "done", null, false, null]]],
    ["II.1 hoàn thành ngày 30/6", "2020-07-05", [["II.1", "done", null, false, null]]],
    ["II.1 xong trước 30/6", "2020-07-05", [["II.1", "done", null, false, null]]],
    ["II.1 hoàn thành cuối tháng 6", "2020-07-05", [["II.1", "done", null, false, null]]],
    ["II.1 xong 1/3", "2020-07-05", [["II.1", "done", null, false, null]]],
    ["II.1 xong 19/6", "2020-06-20", [["II.1", "done", null, false, null]]],
    // The same day and later dates are still expected.
    ["II.1 xong 20/6", "2020-06-20", [["II.1", "in_progress", null, false, "2020-06-20"]]],
    ["II.1 xong 30/6", "2020-06-20", [["II.1", "in_progress", null, false, "2020-06-30"]]],
    // Nearer ahead than behind: next December, not last December.
    ["II.1 xong 15/12", "2020-07-05", [["II.1", "in_progress", null, false, "2020-12-15"]]],
    ["II.1 xong 5/1", "2021-12-20", [["II.1", "in_progress", null, false, "2022-01-05"]]],
    // "dự kiến" keeps a date expected, as README: status updates says: the next such date.
    ["II.1 dự kiến xong 30/6", "2020-07-05", [["II.1", "in_progress", null, false, "2021-06-30"]]],
    ["II.1 đang làm 80%, xong 30/6", "2020-07-05", [["II.1", "in_progress", 80, false, null]]],
  ]);
});

describe("several updates in one message", () => {
  check([
    [
      "II.6 xong, II.7 đang làm 40%",
      AT,
      [
        ["II.6", "done", null, false, null],
        ["II.7", "in_progress", 40, false, null],
      ],
    ],
    [
      "II.6 và II.7 đều xong",
      AT,
      [
        ["II.6", "done", null, false, null],
        ["II.7", "done", null, false, null],
      ],
    ],
    [
      "II.6 dc 45% II.7 dc 20%",
      AT,
      [
        ["II.6", "in_progress", 45, false, null],
        ["II.7", "in_progress", 20, false, null],
      ],
    ],
    ["II.3 chờ II.2 xong mới làm được", AT, [["II.3", "in_progress", null, false, null]]],
    [
      "Dạ em báo cáo:\nII.1 xong\nII.2 đang làm 60%\ndự kiến xong 30/6",
      AT,
      [
        ["II.1", "done", null, false, null],
        ["II.2", "in_progress", 60, false, "2021-06-30"],
      ],
    ],
    ["II.2:\n- đang làm 60%\n- vướng kinh phí", AT, [["II.2", "blocked", 60, true, null]]],
    ["đang làm 60%; vướng kinh phí", AT, [[null, "blocked", 60, true, null]]],
    [
      "II.1 xong\r\nII.2 thiếu người",
      AT,
      [
        ["II.1", "done", null, false, null],
        ["II.2", "blocked", null, true, null],
      ],
    ],
  ]);
});

describe("messages that carry no update", () => {
  check([
    ["", AT, []],
    ["   \n ; ", AT, []],
    ["II.2", AT, []],
    ["nhiệm vụ II.2 thế nào?", AT, []],
    ["ai chưa báo cáo?", AT, []],
    ["ok anh", AT, []],
    ["dạ vâng, em cảm ơn anh", AT, []],
    ["số 3 thì sao anh", AT, []],
    ["II.2 đang làm tới đâu rồi?", AT, []],
    ["anh đang ở đâu?", AT, []],
    ["II.2 có vướng gì không ạ?", AT, []],
    ["bên em xong rồi, anh kiểm tra giúp em được không?", AT, [[null, "done", null, false, null]]],
  ]);
});

describe("blocker text", () => {
  it("is the obstacle clause as typed, without trailing particles", () => {
    const [update] = parseStatusMessage("II.4 60% nhưng vướng kinh phí ạ 🙏", AT);
    expect(update?.blocker).toBe("vướng kinh phí");
  });

  it("stops where a clause states a status of its own", () => {
    const [update] = parseStatusMessage("II.4 thiếu kinh phí, đạt 40%", AT);
    expect(update?.blocker).toBe("thiếu kinh phí");
    const [waiting] = parseStatusMessage(
      "II.4 vướng kinh phí, Sở Tài chính chưa thẩm định, đang chờ UBND",
      AT,
    );
    expect(waiting?.blocker).toBe("vướng kinh phí, Sở Tài chính chưa thẩm định");
    const [dated] = parseStatusMessage("II.4 vướng mặt bằng, dự kiến xong 30/9", AT);
    expect(dated).toMatchObject({ blocker: "vướng mặt bằng", eta: "2021-09-30" });
  });

  it("keeps the whole obstacle, across commas and sentences, however long", () => {
    const reason =
      "vướng kinh phí, nhân lực và mặt bằng. Sở Tài chính chưa thẩm định dự toán, " +
      "UBND tỉnh chưa phân bổ vốn cho hạng mục máy chủ, phần mềm dùng chung của các sở, ngành";
    const [update] = parseStatusMessage(`II.4 ${reason} ạ.`, AT);
    expect(update?.blocker).toBe(reason);
    expect(reason.length).toBeGreaterThan(150);
  });

  it("reads «những» as part of the obstacle, «nhưng» as its end", () => {
    expect(parseStatusMessage("II.4 vướng những thủ tục đất đai", AT)[0]?.blocker).toBe(
      "vướng những thủ tục đất đai",
    );
    expect(parseStatusMessage("II.4 vướng kinh phí nhưng vẫn đang làm", AT)[0]?.blocker).toBe(
      "vướng kinh phí",
    );
  });

  it("keeps the original diacritics and case", () => {
    const [update] = parseStatusMessage("II.4 Vướng Sở Tài chính thẩm định", AT);
    expect(update?.blocker).toBe("Vướng Sở Tài chính thẩm định");
  });
});

describe("unicode forms", () => {
  it("reads decomposed (NFD) text like precomposed text", () => {
    const nfd = "II.2 đã hoàn thành, không vướng mắc".normalize("NFD");
    expect(compact(parseStatusMessage(nfd, AT))).toEqual([["II.2", "done", null, false, null]]);
  });

  it("reads full-width digits and letters", () => {
    expect(compact(parseStatusMessage("ＩＩ.２ đạt ８０％", AT))).toEqual([
      ["II.2", "in_progress", 80, false, null],
    ]);
  });

  it("ignores a reference date it cannot read, except for dates with their year", () => {
    expect(compact(parseStatusMessage("dự kiến xong 30/6", "soon"))).toEqual([
      [null, "in_progress", null, false, null],
    ]);
    expect(compact(parseStatusMessage("dự kiến xong 30/6/2022", "soon"))).toEqual([
      [null, "in_progress", null, false, "2022-06-30"],
    ]);
  });
});
