import { describe, expect, it } from "vitest";
import { normalizeContent } from "../../src/services/status-reporting.ts";

const base = { status: null, progress: null, blocker: null, eta: null } as const;

describe("normalizing an update's content (README: status updates)", () => {
  it("reads 100% as done and 0% as not started", () => {
    expect(normalizeContent({ ...base, status: "in_progress", progress: 100 }).status).toBe("done");
    expect(normalizeContent({ ...base, progress: 0 }).status).toBe("not_started");
  });

  it("reads a bare percentage between 1 and 99 as in progress", () => {
    expect(normalizeContent({ ...base, progress: 60 }).status).toBe("in_progress");
  });

  it("keeps an obstacle over any percentage", () => {
    expect(normalizeContent({ ...base, status: "blocked", progress: 100, blocker: "kinh phí" }).status).toBe(
      "blocked",
    );
  });

  it("leaves content without progress alone", () => {
    expect(normalizeContent({ ...base, status: "done" })).toEqual({ ...base, status: "done" });
  });
});
