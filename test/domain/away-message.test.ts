import { describe, expect, it } from "vitest";
import { isAwayOn, parseAwayDate, parseAwayMessage } from "../../src/domain/away-message.ts";

describe("parseAwayMessage", () => {
  it.each([
    ["nghỉ phép đến 15/3", "2020-03-15"],
    ["nghi phep den 15/3", "2020-03-15"],
    ["Em đi công tác đến 20/6", "2020-06-20"],
    ["em di cong tac den het ngay 20/6 a", "2020-06-20"],
    ["Tôi vắng mặt tới 1/4/2020.", "2020-04-01"],
    ["nghỉ ốm đến 12-03", "2020-03-12"],
    ["em xin nghỉ phép từ mai đến 16/3 ạ", "2020-03-16"],
  ])("%s → %s", (text, until) => {
    expect(parseAwayMessage(text, "2020-03-10")).toEqual({ until });
  });

  it("infers the year as the next such date on or after the reference", () => {
    expect(parseAwayMessage("nghỉ phép đến 5/1", "2020-12-20")).toEqual({ until: "2021-01-05" });
    expect(parseAwayMessage("nghỉ phép đến 10/3", "2020-03-10")).toEqual({ until: "2020-03-10" });
    expect(parseAwayMessage("nghỉ phép đến 29/2", "2021-03-01")).toEqual({ until: "2024-02-29" });
  });

  it.each([
    "II.2 tạm dừng vì em nghỉ phép đến 15/3",
    "nhiệm vụ 3 dự kiến xong 30/3",
    "đang làm, dự kiến đến 15/3 xong",
    "nghỉ phép",
    "nghỉ phép đến 31/2",
    "nghỉ phép đến 15/3/2019",
    // The status parser's calendar (status-parser/dates.ts): a year past 2199 is a typo.
    "nghỉ phép đến 15/3/2300",
    "cho em hỏi lịch nghỉ lễ",
  ])("not an absence: %s", (text) => {
    expect(parseAwayMessage(text, "2020-03-10")).toBeNull();
  });
});

describe("parseAwayDate and isAwayOn", () => {
  it("reads the command argument", () => {
    expect(parseAwayDate("15/3", "2020-03-10")).toBe("2020-03-15");
    expect(parseAwayDate("đến 15/03/2020", "2020-03-10")).toBe("2020-03-15");
    expect(parseAwayDate("mai", "2020-03-10")).toBeNull();
  });

  it("covers its days inclusive, and a cancelled absence covers none", () => {
    const absence = { from: "2020-03-10", until: "2020-03-15" };
    expect(isAwayOn(absence, "2020-03-10")).toBe(true);
    expect(isAwayOn(absence, "2020-03-15")).toBe(true);
    expect(isAwayOn(absence, "2020-03-16")).toBe(false);
    expect(isAwayOn({ from: "2020-03-10", until: null }, "2020-03-12")).toBe(false);
    expect(isAwayOn(null, "2020-03-12")).toBe(false);
  });
});
