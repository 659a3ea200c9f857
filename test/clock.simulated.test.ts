import { describe, expect, it } from "vitest";
import { ManualClock, SimulatedClock } from "../src/clock.ts";

describe("the demo clock: a simulated instant advancing in real time", () => {
  it("starts at the chosen instant and moves with the real clock; set() jumps and keeps running", () => {
    const real = new ManualClock(new Date("2026-11-28T03:00:00Z"));
    const clock = new SimulatedClock(new Date("2020-03-13T01:00:00Z"), real);
    expect(clock.now().toISOString()).toBe("2020-03-13T01:00:00.000Z");
    real.advance(90_000);
    expect(clock.now().toISOString()).toBe("2020-03-13T01:01:30.000Z");
    clock.set(new Date("2020-06-13T01:00:00Z"));
    expect(clock.now().toISOString()).toBe("2020-06-13T01:00:00.000Z");
    real.advance(60_000);
    expect(clock.now().toISOString()).toBe("2020-06-13T01:01:00.000Z");
  });
});
