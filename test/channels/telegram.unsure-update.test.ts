// An update the parser is unsure of is not stored as a guess (issue 16): the bot says what it understood and
// offers the task's buttons; a press stores the choice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeButton } from "../../src/texts/callback-data.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

let harness: TelegramHarness;

// 10 March 2020, 09:00 in Gia Lai: the Q1 2020 period.
beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
  expect(await harness.link(3001, "so-tttt", "official")).toContain("Liên kết thành công");
});
afterEach(async () => {
  await harness.close();
});

async function storedStatuses(): Promise<(string | null)[]> {
  const rows = await harness.app.database.db.selectFrom("status_updates").select("status").execute();
  return rows.map((row) => row.status);
}

describe("an unsure update", () => {
  it("is confirmed with buttons, not stored, and the chosen button stores it", async () => {
    const now = Math.floor(harness.app.clock.now().getTime() / 1000);
    const question = await harness.exchange(3001, () =>
      harness.fake.sendUserMessage({ userId: 3001, text: "II.2 xong rồi, chưa làm", date: now }),
    );
    expect(question.text).toContain("II.2");
    expect(question.text).toContain("hoàn thành");
    expect(question.text).toContain("chưa ghi");
    expect(await storedStatuses()).toEqual([]);
    const doing = buttonData(question.replyMarkup).find((data) => decodeButton(data)?.action === "doing");
    expect(doing).toBeDefined();
    await harness.exchange(3001, () =>
      harness.fake.pressButton({ userId: 3001, messageId: question.messageId, data: doing ?? "" }),
    );
    expect(await harness.say(3001, "40")).toContain("đang thực hiện 40%");
    expect(await storedStatuses()).toEqual(["in_progress"]);
  });

  it("does not hold back the sure updates of the same message", async () => {
    const answer = await harness.say(3001, "II.2 xong rồi, chưa làm; II.9 đang làm 60%");
    expect(answer).toContain("Đã ghi nhận II.9: đang thực hiện 60%");
    expect(answer).toContain("chưa ghi");
    expect(await storedStatuses()).toEqual(["in_progress"]);
  });
});
