// A plan's short code typed with a task code names the plan when two plans share the code (issue 14):
// "CDS2026 II.2 xong", "II.2 (CDS) xong". The word is carried as typed (upper-cased) and only when named;
// a word of the message before a code, or a known word in brackets, is never taken for a plan.
import { describe, expect, it } from "vitest";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { firstTaskRef } from "../../src/domain/status-parser/task-refs.ts";

const AT = "2026-03-10";

describe("a plan word names the task's plan", () => {
  it.each([
    ["CDS2026 II.2 xong", "CDS2026", "done"],
    ["cds2026 II.2: đang làm 50%", "CDS2026", "in_progress"],
    ["II.2 (CDS2026) xong", "CDS2026", "done"],
    ["II.2 (CDS) xong", "CDS", "done"],
    ["II.2 (cds2026) vướng kinh phí", "CDS2026", "blocked"],
    ["nhiệm vụ II.2 (DA06) hoàn thành", "DA06", "done"],
    ["DA-06 II.2 xong", "DA-06", "done"],
  ] as const)("%j → %s", (text, plan, status) => {
    expect(parseStatusMessage(text, AT)).toEqual([
      expect.objectContaining({ taskRef: "II.2", plan, status }),
    ]);
  });

  it("the rest of the update reads as without it", () => {
    const [named] = parseStatusMessage("CDS2026 II.2 đang làm 60%, vướng kinh phí", AT);
    const [bare] = parseStatusMessage("II.2 đang làm 60%, vướng kinh phí", AT);
    expect(named).toEqual({ ...bare, plan: "CDS2026" });
  });

  it("tasks joined in one group share the plan; another segment has its own", () => {
    expect(parseStatusMessage("CDS2026 II.6 và II.7 xong; II.8 đang làm 20%", AT)).toEqual([
      expect.objectContaining({ taskRef: "II.6", plan: "CDS2026" }),
      expect.objectContaining({ taskRef: "II.7", plan: "CDS2026" }),
      expect.not.objectContaining({ plan: expect.anything() }),
    ]);
  });
});

describe("no plan is read where none is named", () => {
  it.each([
    "II.2 xong",
    "ok II.2 xong",
    "Q1 II.2 xong",
    "II.2 (ok) xong",
    "II.2 (cds) xong",
    "II.2 (XONG)",
    "II.2 xong (CDS2026 là kế hoạch khác)",
    "#3 (CDS) xong",
  ])("%j", (text) => {
    const updates = parseStatusMessage(text, AT);
    expect(updates.length).toBe(1);
    expect(updates[0]).not.toHaveProperty("plan");
  });
});

describe("a typed choice", () => {
  it.each([
    ["CDS2026 II.2", { code: "II.2", plan: "CDS2026" }],
    ["II.2 (CDS)", { code: "II.2", plan: "CDS" }],
    ["II.2", { code: "II.2", plan: null }],
    ["xin chào", null],
  ] as const)("%j", (text, ref) => {
    expect(firstTaskRef(text)).toEqual(ref);
  });
});
