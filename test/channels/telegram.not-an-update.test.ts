// An excuse or a question about a task stores nothing, and the bot's answer says how to report (issue 16).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

let harness: TelegramHarness;

// 10 March 2020, 09:00 in Gia Lai: the Q1 2020 period.
beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
  expect(await harness.link(2001, "so-tttt", "official")).toContain("Liên kết thành công");
});
afterEach(async () => {
  await harness.close();
});

async function storedCount(): Promise<number> {
  const rows = await harness.app.database.db.selectFrom("status_updates").select("id").execute();
  return rows.length;
}

describe("messages that are no update", () => {
  it("answers an excuse with how to report, storing nothing", async () => {
    const answer = await harness.say(2001, "em đang họp, lát em gửi");
    expect(answer).toContain("chưa ghi nhận gì");
    expect(answer).toContain("«II.2 xong»");
    expect(answer).not.toContain("chưa hiểu");
    expect(await storedCount()).toBe(0);
  });

  it("answers a question about a task with where to look and how to report, storing nothing", async () => {
    const answer = await harness.say(2001, "II.2 hạn khi nào?");
    expect(answer).toContain("/nhiemvu");
    expect(answer).toContain("«II.9 đang làm 60%»");
    expect(await storedCount()).toBe(0);
  });

  it("still stores an update sent beside an excuse", async () => {
    expect(await harness.say(2001, "em đang họp, II.2 xong rồi ạ")).toContain("Đã ghi nhận II.2: hoàn thành");
    expect(await storedCount()).toBe(1);
  });
});
