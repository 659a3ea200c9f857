import { describe, expect, it } from "vitest";
import {
  derivedPlanShortCode,
  freePlanShortCode,
  normalizePlanShortCode,
} from "../../src/domain/plan-short-code.ts";

describe("a plan's short code", () => {
  it("is derived from the part of the plan code holding letters and digits", () => {
    expect(derivedPlanShortCode("gia-lai-nq17-2019")).toBe("NQ17");
    expect(derivedPlanShortCode("cds2026")).toBe("CDS2026");
  });

  it("runs the parts together when none mixes letters and digits, never starting with a digit", () => {
    expect(derivedPlanShortCode("ke-hoach-cds-2021")).toBe("KEHOACHCDS2021");
    expect(derivedPlanShortCode("2021-de-an")).toBe("DEAN");
    expect(derivedPlanShortCode("2021")).toBe("PLAN");
  });

  it("takes a number when another plan holds it", () => {
    expect(freePlanShortCode("NQ17", new Set(["NQ17", "NQ172"]))).toBe("NQ173");
    expect(freePlanShortCode("CDS2026", new Set(["NQ17"]))).toBe("CDS2026");
  });

  it("accepts what an admin types in any case and refuses what could not be typed before a task code", () => {
    expect(normalizePlanShortCode(" cds2026 ")).toBe("CDS2026");
    expect(normalizePlanShortCode("DA-06")).toBe("DA-06");
    expect(normalizePlanShortCode("2026")).toBeNull();
    expect(normalizePlanShortCode("CDS 2026")).toBeNull();
    expect(normalizePlanShortCode("A".repeat(17))).toBeNull();
  });
});
