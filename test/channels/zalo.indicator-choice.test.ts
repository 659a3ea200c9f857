// On Zalo, /chitieu numbers the agency's indicators; typing a number chooses one, the bot asks for its
// figure, and the next message with a number is stored. A message that is not a number is answered
// with how to report.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importBuiltinIndicators } from "../../src/services/indicator-import.ts";
import { inviteFor } from "../support/test-app.ts";
import { startZaloHarness, type ZaloHarness } from "../support/zalo-harness.ts";

let harness: ZaloHarness;

beforeEach(async () => {
  harness = await startZaloHarness();
  // 10/8/2020 in Gia Lai: Quý III/2020.
  harness.app.clock.set(new Date("2020-08-10T02:00:00Z"));
  await importBuiltinIndicators(harness.app.database.db, harness.app.clock.now());
  const invite = await inviteFor(harness.app, "so-y-te");
  await harness.say("zalo-lan", `/start ${invite.code}`);
});
afterEach(async () => {
  await harness.close();
});

function values() {
  return harness.app.database.db
    .selectFrom("indicator_values")
    .innerJoin("indicators", "indicators.id", "indicator_values.indicator_id")
    .select([
      "indicators.number",
      "indicator_values.value",
      "indicator_values.channel",
      "indicator_values.period_key",
    ])
    .execute();
}

describe("/chitieu on Zalo", () => {
  it("numbers the indicators; '2' chooses the second, and the figure that follows is stored", async () => {
    // Longer than one Zalo message: two parts, the numbered choices at the end.
    const parts = await harness.say("zalo-lan", "/chitieu", 2);
    const list = { text: parts.map((part) => part.text).join("\n") };
    expect(list.text).toContain("Các chỉ tiêu Sở Y tế báo cáo trong Quý III/2020:");
    expect(list.text).toMatch(/\[1\] Chỉ tiêu 1\s+\[2\] Chỉ tiêu 2\s+\[3\] Chỉ tiêu 3/);
    const [asked] = await harness.say("zalo-lan", "2");
    expect(asked?.text).toContain("Chỉ tiêu 2: Tỷ lệ hồ sơ giải quyết trực tuyến");
    expect(asked?.text).toContain("Anh/chị gửi số liệu của Sở Y tế cho Quý III/2020");
    const [stored] = await harness.say("zalo-lan", "35,5%");
    expect(stored?.text).toContain("Đã ghi nhận Chỉ tiêu 2");
    expect(stored?.text).toContain("Quý III/2020: 35,5% (Đạt)");
    expect(await values()).toEqual([{ number: 2, value: 35.5, channel: "zalo", period_key: "2020-Q3" }]);
  });

  it("answers how to report when the answer is not a number, and stores nothing", async () => {
    await harness.say("zalo-lan", "/chitieu", 2);
    await harness.say("zalo-lan", "3");
    const [answer] = await harness.say("zalo-lan", "chưa có số liệu");
    expect(answer?.text).toContain(
      "Để báo cáo chỉ tiêu, anh/chị nhắn số thứ tự và số liệu, ví dụ: «chỉ tiêu 3: 45%»",
    );
    expect(await values()).toEqual([]);
  });
});
