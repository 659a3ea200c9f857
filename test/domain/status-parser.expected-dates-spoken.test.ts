// Expected dates as officials write them in chat (issue 16): approximate and promised dates, the start,
// middle and end of a month, "năm sau"; a "xong" inside such a phrase is an expected date, not done.
import { describe } from "vitest";
import { check } from "./status-parser.cases.ts";

const AT = "2021-06-15";

describe("approximate and promised dates", () => {
  check([
    ["II.2 khoảng 20/7 mới xong", AT, [["II.2", "in_progress", null, false, "2021-07-20"]]],
    ["II.2 tầm 25/7 thì xong", AT, [["II.2", "in_progress", null, false, "2021-07-25"]]],
    ["II.2 tam 25/7 moi xong", AT, [["II.2", "in_progress", null, false, "2021-07-25"]]],
    ["II.2 em hẹn 30/6 xong", AT, [["II.2", "in_progress", null, false, "2021-06-30"]]],
    ["II.2 hẹn 5/7 gửi bản cuối", AT, [["II.2", "in_progress", null, false, "2021-07-05"]]],
    ["II.2 phấn đấu hoàn thành trước 30/9", AT, [["II.2", "in_progress", null, false, "2021-09-30"]]],
    [
      "II.2 phấn đấu đến cuối tháng 9 hoàn thành dứt điểm",
      AT,
      [["II.2", "in_progress", null, false, "2021-09-30"]],
    ],
    // Claimed before the date, "xong" stays done.
    ["II.2 đã trình 30/6 xong rồi", AT, [["II.2", "done", null, false, "2021-06-30"]]],
  ]);
});

describe("the start, middle and end of a month", () => {
  check([
    ["II.3 dự kiến đầu tháng 8 xong", AT, [["II.3", "in_progress", null, false, "2021-08-01"]]],
    ["II.3 khoảng giữa tháng 8 thì xong", AT, [["II.3", "in_progress", null, false, "2021-08-15"]]],
    ["II.3 cuối tháng 8 là xong", AT, [["II.3", "in_progress", null, false, "2021-08-31"]]],
    ["II.3 dau thang 9 xong", AT, [["II.3", "in_progress", null, false, "2021-09-01"]]],
    // The month already past this year is next year's.
    ["II.3 dự kiến giữa tháng 2", AT, [["II.3", "in_progress", null, false, "2022-02-15"]]],
  ]);
});

describe("a day/month or a month with 'năm sau'", () => {
  check([
    ["II.4 dự kiến 30/6 năm sau", AT, [["II.4", "in_progress", null, false, "2022-06-30"]]],
    ["II.4 dự kiến tháng 8 năm sau xong", AT, [["II.4", "in_progress", null, false, "2022-08-31"]]],
    ["II.4 cuối tháng 3 năm tới mới xong", AT, [["II.4", "in_progress", null, false, "2022-03-31"]]],
    ["II.4 hẹn đầu tháng 7 năm sau", AT, [["II.4", "in_progress", null, false, "2022-07-01"]]],
  ]);
});
