import { describe, expect, it } from "vitest";
import { createYieldPoint } from "../src/yield-point.ts";

describe("a yield point", () => {
  it("returns at once within the slice and gives the loop a turn once the slice is spent", async () => {
    let clock = 0;
    const yieldPoint = createYieldPoint(20, () => clock);
    const order: string[] = [];
    setImmediate(() => order.push("waiting request"));
    clock = 19;
    await yieldPoint();
    order.push("work within the slice");
    clock = 20;
    await yieldPoint();
    order.push("work after the slice");
    expect(order).toEqual(["work within the slice", "waiting request", "work after the slice"]);
  });

  it("starts a new slice after each turn", async () => {
    let clock = 0;
    const yieldPoint = createYieldPoint(10, () => clock);
    const turnsAt: number[] = [];
    for (clock = 0; clock <= 35; clock += 5) {
      let turned = false;
      setImmediate(() => {
        turned = true;
      });
      await yieldPoint();
      if (turned) turnsAt.push(clock);
      // Let the probe above run before the next step, whether or not the yield point waited.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // 35 ms of work in 10 ms slices: a turn at 10, 20 and 30.
    expect(turnsAt).toEqual([10, 20, 30]);
  });
});
