// What one status message costs the database, through the running bot: the SQL statements from the
// update's arrival to the bot's answer, pinned so that they cannot creep back (issue 12).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

let harness: TelegramHarness;

// 10 March 2020, 09:00 in Gia Lai: the Q1 2020 period.
beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
  await linkOfficial(harness.app, "so-tttt", "1001");
});
afterEach(async () => {
  await harness.close();
});

/** Statements run (and prepared) between sending `text` and the bot's answer, which is returned too. */
async function statementsOf(text: string): Promise<{ executed: number; prepared: number; answer: string }> {
  const stats = () =>
    harness.app.database.statements?.stats() ?? { executed: Number.NaN, prepared: Number.NaN };
  const before = stats();
  const answer = await harness.say(1001, text);
  const after = stats();
  return { executed: after.executed - before.executed, prepared: after.prepared - before.prepared, answer };
}

describe("SQL statements per inbound status message", () => {
  it("a message naming its task", async () => {
    await statementsOf("II.1 đang làm 10%");
    const second = await statementsOf("II.2 đang làm 60%, vướng kinh phí");
    console.log(second);
    expect(second.answer).toContain("Đã ghi nhận II.2");
  });

  it("several updates in one message", async () => {
    await statementsOf("II.1 đang làm 10%");
    const several = await statementsOf("II.2 xong; II.3 đang làm 50%");
    console.log(several);
  });

  it("#n from the list the bot showed", async () => {
    await statementsOf("/nhiemvu");
    await statementsOf("#1 đang làm 10%");
    const numbered = await statementsOf("#2 xong");
    console.log(numbered);
  });
});
