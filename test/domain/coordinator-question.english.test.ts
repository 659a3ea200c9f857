import { describe, expect, it } from "vitest";
import { matchCoordinatorQuestion } from "../../src/domain/coordinator-question.ts";

describe("coordinator questions in English", () => {
  it.each([
    "who has not reported?",
    "Who hasn't reported yet?",
    "who has not reported this quarter",
    "who is behind?",
    "Who's late?",
    "which agencies are behind?",
    "which agencies have not sent their reports?",
    "who still owes a report?",
    "how is everyone doing?",
    "overall status",
  ])("reads %s as who is behind", (text) => {
    expect(matchCoordinatorQuestion(text)).toEqual({ kind: "behind" });
  });

  it.each([
    ["how is task II.2?", "II.2"],
    ["How is II.2 going?", "II.2"],
    ["status of task V.3", "V.3"],
    ["what's the progress of II-6?", "II.6"],
    ["II.9 status?", "II.9"],
  ])("reads %s as a question about task %s", (text, code) => {
    expect(matchCoordinatorQuestion(text)).toEqual({ kind: "task", code });
  });

  it.each([
    ["status of Sở Y tế", "so y te"],
    ["What is the status of So Y te?", "so y te"],
    ["how is Công an tỉnh doing?", "cong an tinh"],
    ["Sở TTTT status", "so tttt"],
  ])("reads %s as a question about an agency", (text, name) => {
    expect(matchCoordinatorQuestion(text)).toEqual({ kind: "agency", name });
  });

  it.each(["II.2 done", "II.9 in progress 60%", "II.9 doing 40%", "how are you?", "thanks", "ok"])(
    "leaves %s to other handlers",
    (text) => {
      expect(matchCoordinatorQuestion(text)).toBeNull();
    },
  );
});
