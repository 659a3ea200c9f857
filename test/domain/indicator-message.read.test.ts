// How an official writes an indicator's figure in chat, and what is not one.
import { describe, expect, it } from "vitest";
import { readIndicatorMessage } from "../../src/domain/indicator-message.ts";

describe("readIndicatorMessage", () => {
  it.each([
    ["chỉ tiêu 2: 45%", 2, 45],
    ["chi tieu 2 45%", 2, 45],
    ["CT2: 45%", 2, 45],
    ["ct 12 = 45,5%", 12, 45.5],
    ["Chỉ tiêu số 3: 7.25", 3, 7.25],
  ])("reads %s", (text, number, value) => {
    expect(readIndicatorMessage(text)).toEqual({ kind: "value", number, value });
  });

  it("asks for the figure of a bare number, and tells an unreadable one apart", () => {
    expect(readIndicatorMessage("chỉ tiêu 2")).toEqual({ kind: "ask", number: 2 });
    expect(readIndicatorMessage("chỉ tiêu 2: khoảng một nửa")).toEqual({ kind: "unreadable", number: 2 });
  });

  it("leaves status updates and other words alone", () => {
    expect(readIndicatorMessage("2: 45%")).toBeNull();
    expect(readIndicatorMessage("II.2 đang làm 45%")).toBeNull();
    expect(readIndicatorMessage("ctv 2 xong")).toBeNull();
  });
});
