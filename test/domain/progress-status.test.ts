import { describe, expect, it } from "vitest";
import { statusWithProgress } from "../../src/domain/progress-status.ts";

describe("the one progress rule (README: status updates: 100% done, 0% not started)", () => {
  it("lets the figure settle the words' status: 100 done, 0 not started, 1–99 in progress", () => {
    expect(statusWithProgress("in_progress", 100)).toBe("done");
    expect(statusWithProgress(null, 100)).toBe("done");
    expect(statusWithProgress("done", 0)).toBe("not_started");
    expect(statusWithProgress(null, 0)).toBe("not_started");
    expect(statusWithProgress("done", 80)).toBe("in_progress");
    expect(statusWithProgress("not_started", 40)).toBe("in_progress");
    expect(statusWithProgress(null, 1)).toBe("in_progress");
  });

  it("keeps an obstacle over any figure, and the words when there is no figure", () => {
    expect(statusWithProgress("blocked", 100)).toBe("blocked");
    expect(statusWithProgress("blocked", 0)).toBe("blocked");
    expect(statusWithProgress("done", null)).toBe("done");
    expect(statusWithProgress(null, null)).toBeNull();
  });
});
