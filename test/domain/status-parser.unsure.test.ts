// When the words state a task both done and not done, the parser says it is unsure (issue 16): the status is
// still the precedence's pick, flagged for the bot to confirm before storing. Every other reading carries no flag.
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";

const AT = "2021-06-15";

describe("an unsure reading is flagged", () => {
  it.each([
    ["II.2 xong rồi, chưa làm", "done"],
    ["II.2 đã hoàn thành, chưa xong phần 2", "done"],
    ["II.2 chưa xong, à đã xong rồi", "done"],
  ] as const)("%j: %s, unsure", (text, status) => {
    expect(parseStatusMessage(text, AT)).toEqual([
      expect.objectContaining({ taskRef: "II.2", status, unsure: true }),
    ]);
  });
});

describe("a sure reading carries no flag", () => {
  it.each([
    "II.2 xong rồi",
    "II.2 chưa làm",
    "II.2 chưa xong, đang làm 60%",
    "II.2 xong phần 1, chưa xong phần 2",
    // An obstacle settles it: blocked whatever the done words say.
    "II.2 xong phần thiết bị, chưa xong vì vướng kinh phí",
  ])("%j", (text) => {
    const updates = parseStatusMessage(text, AT);
    expect(updates.length).toBe(1);
    expect(updates[0]).not.toHaveProperty("unsure");
  });
});
