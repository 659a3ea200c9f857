// A stated absence of obstacles is no obstacle (issue 16): the negation before the obstacle word or after it,
// across a colon or a dash, in full words or chat shorthand; a real obstacle in the same message still wins.
import { describe } from "vitest";
import { check } from "./status-parser.cases.ts";

const AT = "2021-06-15";

describe("the negation before the obstacle word", () => {
  check([
    ["II.2 không gặp trở ngại nào, đạt 60%", AT, [["II.2", "in_progress", 60, false, null]]],
    ["II.2 không gặp vướng mắc nào, đang làm", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 hết khó khăn rồi, đang làm tiếp", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 chẳng vướng gì, xong rồi", AT, [["II.2", "done", null, false, null]]],
    ["II.2 k vướng j, xog r", AT, [["II.2", "done", null, false, null]]],
    ["II.2 hok có khó khăn j, đag lm", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 chưa phát sinh khó khăn, đạt 30%", AT, [["II.2", "in_progress", 30, false, null]]],
    // One negation reaches obstacles joined to the first: by a comma, "và", "hay".
    ["II.2 không có khó khăn, vướng mắc gì, đang làm", AT, [["II.2", "in_progress", null, false, null]]],
    ["II.2 không có khó khăn hay trở ngại nào, xong", AT, [["II.2", "done", null, false, null]]],
  ]);
});

describe("a heading whose value is a negative, across a colon or a dash", () => {
  check([
    ["II.3: đang làm. Vướng mắc: (không)", AT, [["II.3", "in_progress", null, false, null]]],
    ["II.3 đạt 70%\nKhó khăn: chưa phát sinh", AT, [["II.3", "in_progress", 70, false, null]]],
    ["II.3 xong\nKhó khăn, vướng mắc: không có.", AT, [["II.3", "done", null, false, null]]],
    ["II.3 đang làm - khó khăn - ko có ạ", AT, [["II.3", "in_progress", null, false, null]]],
    ["II.3 tiến độ 50%, vướng mắc: chưa có gì", AT, [["II.3", "in_progress", 50, false, null]]],
    ["II.3 đang triển khai, khó khăn đã được tháo gỡ", AT, [["II.3", "in_progress", null, false, null]]],
    ["II.3 đang làm; vuong mac: khong", AT, [["II.3", "in_progress", null, false, null]]],
  ]);
});

describe("a real obstacle still wins", () => {
  check([
    // The heading's value names the obstacle: "không có kinh phí" is a lack of funds.
    ["II.4 đang làm. Khó khăn: không có kinh phí", AT, [["II.4", "blocked", null, true, null]]],
    ["II.4 không vướng gì về thủ tục, nhưng thiếu kinh phí", AT, [["II.4", "blocked", null, true, null]]],
    ["II.4 Vướng mắc: không.\nKhó khăn: thiếu nhân lực", AT, [["II.4", "blocked", null, true, null]]],
    ["II.4 không có vướng mắc, thiếu máy chủ", AT, [["II.4", "blocked", null, true, null]]],
    // Without a colon, a bare "không" after the obstacle asks: no absence is read from it.
    ["II.4 có vướng mắc gì không?", AT, []],
  ]);
});
