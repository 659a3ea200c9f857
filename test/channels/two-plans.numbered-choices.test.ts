// On channels without buttons (the console, Zalo) the choice of plan for "II.2 xong" comes as numbered
// choices (issue 14): the number, or the plan's code typed, stores the update against that plan.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chat } from "../support/console-chat.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";
import { importTwoPlans, storedUpdates, TWO_PLANS_AT } from "../support/two-plans.ts";
import { startZaloHarness } from "../support/zalo-harness.ts";

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ at: TWO_PLANS_AT });
  await importTwoPlans(app);
});
afterEach(async () => {
  await app.dispose();
});

describe("in the console", () => {
  it("numbers the plans' tasks, and ':bam 2' stores the update against the second", async () => {
    const invite = await inviteFor(app, "so-khcn");
    const { printed } = await chat(app, [`/start ${invite.code}`, "II.2 vướng kinh phí", ":bam 2"]);
    expect(printed).toContain("❓ II.2 có ở 2 kế hoạch; anh/chị cập nhật cho kế hoạch nào?");
    expect(printed).toContain("   [1] CDS2026 II.2\n   [2] DA06 II.2\n");
    expect(printed).toContain("✅ Đã ghi nhận DA06 II.2: vướng: kinh phí");
    expect(await storedUpdates(app.database.db)).toEqual([
      { plan: "DA06", taskCode: "II.2", status: "blocked", progress: null, rawText: "II.2 vướng kinh phí" },
    ]);
  });

  it("takes the task with its plan typed as the answer", async () => {
    const invite = await inviteFor(app, "so-khcn");
    const { printed } = await chat(app, [`/start ${invite.code}`, "II.2 đang làm 50%", "CDS2026 II.2"]);
    expect(printed).toContain("✅ Đã ghi nhận CDS2026 II.2: đang thực hiện 50%");
    expect((await storedUpdates(app.database.db)).map((u) => [u.plan, u.progress])).toEqual([
      ["CDS2026", 50],
    ]);
  });

  it("reads a whole update typed instead of an answer as itself, and drops the question", async () => {
    const invite = await inviteFor(app, "so-khcn");
    const { printed } = await chat(app, [
      `/start ${invite.code}`,
      "II.2 đang làm 50%",
      "DA06 II.2 xong",
      "CDS2026",
    ]);
    expect(printed).toContain("✅ Đã ghi nhận DA06 II.2: hoàn thành");
    // The question was dropped: the plan's code alone is no answer any more.
    expect((await storedUpdates(app.database.db)).map((u) => [u.plan, u.status])).toEqual([["DA06", "done"]]);
  });
});

describe("on Zalo", () => {
  it("sends the choice as numbered lines, and '1' stores the update against the first plan", async () => {
    const zalo = await startZaloHarness({ app });
    try {
      const invite = await inviteFor(app, "so-khcn");
      await zalo.say("zalo-khcn", `/start ${invite.code}`);
      const [question] = await zalo.say("zalo-khcn", "II.2 xong");
      expect(question?.text).toContain(
        "• CDS2026 II.2 — Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
      );
      expect(question?.text).toContain("[1] CDS2026 II.2\n[2] DA06 II.2");
      const [ack] = await zalo.say("zalo-khcn", "1");
      expect(ack?.text).toBe("✅ Đã ghi nhận CDS2026 II.2: hoàn thành\n(Kỳ báo cáo Quý I/2026)");
      expect((await storedUpdates(app.database.db)).map((u) => u.plan)).toEqual(["CDS2026"]);
    } finally {
      await zalo.close();
    }
  });
});
