import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { inviteFor } from "../support/test-app.ts";
import { startZaloHarness, type ZaloHarness } from "../support/zalo-harness.ts";

let harness: ZaloHarness | undefined;
afterEach(async () => {
  await harness?.close();
});

describe("Zalo's quota (429) on sendMessage", () => {
  it("pauses the sends for Zalo's retry_after, then delivers the reminder", async () => {
    harness = await startZaloHarness();
    const { app, fake } = harness;
    const { code } = await inviteFor(app, "so-tttt");
    await harness.say("zalo-canbo", `/start ${code}`);
    fake.fail({ method: "sendMessage", code: 429, retryAfterSeconds: 3 });
    const before = fake.callsOf("sendMessage").length;
    // The outbox's own retry pause is tiny: and the per-chat spacing is one second: only the 429 hold spaces the attempts by three.
    const tick = await runCli(["tick", "--at", "2020-03-13T08:00:00+07:00", "--json"], {
      ...harness.env,
      DELIVERY_RETRY_BASE_MS: "10",
    });
    expect(tick.code).toBe(0);
    expect((JSON.parse(tick.stdout) as { delivery: { sent: number } }).delivery.sent).toBe(1);
    const [refused, retried] = fake.callsOf("sendMessage").slice(before);
    expect(refused && retried).toBeTruthy();
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(2950);
  });
});
