// With the database file gone, an update is answered but not accepted (nothing is stored). Zalo keeps
// no copy of a polled update, so the poller goes on to the next one once the answer is sent.
import { rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startZaloHarness, type ZaloHarness } from "../support/zalo-harness.ts";

let harness: ZaloHarness;

beforeEach(async () => {
  harness = await startZaloHarness();
});
afterEach(async () => {
  await harness.close();
});

describe("Zalo long polling when the database file is gone", () => {
  it("answers each message and keeps fetching the next", async () => {
    rmSync(harness.app.databasePath);
    const [first] = await harness.say("zalo-canbo", "V.1 xong");
    const [second] = await harness.say("zalo-canbo", "/trogiup", 1);
    expect(first?.text).toBeTruthy();
    expect(second?.text).toBeTruthy();
  });
});
