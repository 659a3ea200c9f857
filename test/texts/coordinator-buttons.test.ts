import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CoordinatorPress,
  decodeCoordinatorButton,
  encodeCoordinatorButton,
} from "../../src/texts/coordinator-buttons.ts";

const periodKey = fc.option(
  fc
    .tuple(fc.integer({ min: 2019, max: 9999 }), fc.integer({ min: 1, max: 4 }))
    .map(([y, q]) => `${y}-Q${q}`),
  { nil: null },
);

describe("coordinator button callback data", () => {
  it("round-trips nudges and pages with their period, within Telegram's 64 bytes", () => {
    const press: fc.Arbitrary<CoordinatorPress> = fc.oneof(
      fc.record({
        kind: fc.constant("nudge" as const),
        agencyId: fc.integer({ min: 1, max: 999_999_999_999 }),
        periodKey,
      }),
      fc.record({
        kind: fc.constant("behind_page" as const),
        view: fc.constantFrom("missing" as const, "overdue" as const),
        page: fc.integer({ min: 1, max: 999 }),
        periodKey,
        plan: fc.option(fc.stringMatching(/^[A-Z][A-Z0-9-]{0,15}$/), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(press, (value) => {
        const data = encodeCoordinatorButton(value);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(decodeCoordinatorButton(data)).toEqual(value);
      }),
    );
    expect(encodeCoordinatorButton({ kind: "nudge", agencyId: 15, periodKey: "2020-Q2" })).toBe(
      "n:15:2020-Q2",
    );
    const onePlan = { kind: "behind_page" as const, view: "missing" as const, page: 2, plan: "CDS2026" };
    expect(encodeCoordinatorButton({ ...onePlan, periodKey: "2026-Q1" })).toBe("b:2:2026-Q1:pCDS2026");
    expect(encodeCoordinatorButton({ ...onePlan, periodKey: null })).toBe("b:2:pCDS2026");
  });

  it("reads buttons sent before the period was carried as the current period", () => {
    expect(decodeCoordinatorButton("n:12")).toEqual({ kind: "nudge", agencyId: 12, periodKey: null });
    expect(decodeCoordinatorButton("b:2")).toEqual({
      kind: "behind_page",
      view: "missing",
      page: 2,
      periodKey: null,
      plan: null,
    });
  });

  it.each([
    "",
    "n",
    "n:0",
    "b:1000",
    "o:0:2020-Q1",
    "n:5:2020-Q5",
    "n:5:2020Q1",
    "x:1",
    "u:d:1",
    "n:5:p2",
    "b:2:p",
  ])("rejects %j as not ours", (data) => {
    expect(decodeCoordinatorButton(data)).toBeNull();
  });
});
