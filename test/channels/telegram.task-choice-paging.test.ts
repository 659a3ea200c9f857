// "Anh/chị cập nhật cho nhiệm vụ nào?" over the real bot against the fake Bot API: in 2026 the
// built-in plan has ended, so an update naming no task is asked about all 23 of Sở TTTT's tasks.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SentMessage } from "../fakes/telegram/fake-telegram.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { inviteFor } from "../support/test-app.ts";

const OFFICIAL_TTTT = 7103;

let harness: TelegramHarness;

function ask(userId: number, text: string): Promise<SentMessage> {
  return harness.ask(userId, text);
}

async function press(userId: number, message: SentMessage, data: string): Promise<SentMessage> {
  expect(buttonData(message.replyMarkup)).toContain(data);
  return harness.press(userId, message, data);
}

beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2026-06-10T02:00:00Z" });
  const invite = await inviteFor(harness.app, "so-tttt");
  await harness.say(OFFICIAL_TTTT, `/start ${invite.code}`);
});
afterEach(async () => {
  await harness.close();
});

describe("the task-choice keyboard", () => {
  it("pages all 23 tasks instead of stopping at 20 (regression)", async () => {
    const first = await ask(OFFICIAL_TTTT, "đang làm 50%");
    expect(first.text).toContain("Anh/chị cập nhật cho nhiệm vụ nào?");
    expect(first.text).toContain("Trang 1/3 (23 nhiệm vụ).");
    const picks: string[] = [];
    let page = first;
    for (let n = 2; ; n++) {
      picks.push(...buttonData(page.replyMarkup).filter((data) => data.startsWith("u:k:")));
      if (!buttonData(page.replyMarkup).includes(`k:${n}`)) break;
      page = await press(OFFICIAL_TTTT, page, `k:${n}`);
    }
    expect(page.text).toContain("Trang 3/3");
    expect(new Set(picks).size).toBe(23);
    expect(page.text).toContain("• VI.1 — ");

    // A task from the last page takes the update.
    const last = picks.at(-1) ?? "";
    const recorded = await press(OFFICIAL_TTTT, page, last);
    expect(recorded.text).toContain("✅ Đã ghi nhận VI.1: đang thực hiện 50%");
  });
});

describe("an old page button", () => {
  it("is answered as out of date once the question is gone", async () => {
    const first = await ask(OFFICIAL_TTTT, "đang làm 50%");
    await press(OFFICIAL_TTTT, first, buttonData(first.replyMarkup)[0] ?? "");
    const stale = await press(OFFICIAL_TTTT, first, "k:2");
    expect(stale.text).toContain("Nút này đã hết hạn");
  });
});
