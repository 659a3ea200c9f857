// What one status message costs the database, through the running bot: the SQL statements from the
// update's arrival to the bot's answer, pinned so that they cannot creep back (issue 12). Before: 9
// for a message naming its task, each prepared anew; then 9 with none prepared, two of them the
// per-assignment facts that let who-is-behind skip the update history (migration 0008); now 8: the
// insert finds the message's revision itself, and each facts table takes one statement for all the
// message's updates. Messages ready together share one begin and commit (db/write-groups.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

let harness: TelegramHarness;

// 10 March 2020, 09:00 in Gia Lai: the Q1 2020 period. Sở TT&TT leads II.1, II.2, II.6, II.9...
beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
  await linkOfficial(harness.app, "so-tttt", "1001");
  // The first message reads what is read once (the report calendar) and prepares the statements.
  expect(await harness.say(1001, "II.1 đang làm 10%")).toContain("Đã ghi nhận II.1");
});
afterEach(async () => {
  await harness.close();
});

// A subquery among the selected columns ("exists (select 1 from assignments …)"), one level of brackets
// inside it at most: not the table the statement reads.
const SUBQUERY = /\(\s*select\b[^()]*(?:\([^()]*\)[^()]*)*\)/gi;

/** "select channel_accounts", "insert status_updates", "begin": what a statement does, to what. */
function summary(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "?";
  const table = /\b(?:from|into|update)\s+"?(\w+)"?/i.exec(sql.replace(SUBQUERY, "()"))?.[1];
  return table === undefined ? verb : `${verb} ${table}`;
}

/** The statements run between sending `text` and the bot's answer; how many were prepared; the answer. */
async function statementsOf(
  text: string,
): Promise<{ statements: string[]; prepared: number; answer: string }> {
  const monitor = harness.app.database.statements;
  if (monitor === null) throw new Error("the harness runs on SQLite");
  const statements: string[] = [];
  const stop = monitor.watch((sql) => statements.push(summary(sql)));
  const before = monitor.stats().prepared;
  try {
    const answer = await harness.say(1001, text);
    return { statements, prepared: monitor.stats().prepared - before, answer };
  } finally {
    stop();
  }
}

// The write: the platform's event claimed, one row per update (the first finds the revision), then
// the updated assignments' facts (their periods' and their latest), in the same transaction.
const FACTS = ["insert assignment_period_facts", "insert assignment_latest"];
const STORE_ONE = ["begin", "insert inbound_updates", "insert status_updates", ...FACTS, "commit"];

describe("SQL statements per inbound status message", () => {
  it("a message naming its task: the sender and their chat state, their agency's task, the write", async () => {
    const { statements, prepared, answer } = await statementsOf("II.2 đang làm 60%, vướng kinh phí");
    expect(answer).toContain("Đã ghi nhận II.2");
    expect(statements).toEqual(["select channel_accounts", "select tasks", ...STORE_ONE]);
    expect(prepared).toBe(0);
  });

  it("two updates in one message: one more task and one more row, the facts still one statement each", async () => {
    const { statements, answer } = await statementsOf("II.2 xong; II.6 đang làm 20%");
    expect(answer).toContain("Đã ghi nhận II.6");
    expect(statements).toEqual([
      "select channel_accounts",
      "select tasks",
      "select tasks",
      "begin",
      "insert inbound_updates",
      "insert status_updates",
      "insert status_updates",
      ...FACTS,
      "commit",
    ]);
  });

  it("#n from the list the bot showed: the assignment by its id", async () => {
    await harness.say(1001, "/nhiemvu");
    const { statements, answer } = await statementsOf("#2 xong");
    expect(answer).toContain("Đã ghi nhận");
    expect(statements).toEqual(["select channel_accounts", "select assignments", ...STORE_ONE]);
  });
});
