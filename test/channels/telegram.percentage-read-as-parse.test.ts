// The bot stores what `nhacviec parse` prints for the same message: one progress rule (README: status updates), and a
// negative figure is never stored as a positive progress.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { tempDirectory } from "../support/test-app.ts";

let harness: TelegramHarness;

// 10 March 2020, 09:00 in Gia Lai: the Q1 2020 period.
beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
});
afterEach(async () => {
  await harness.close();
});

const cliEnv = {
  DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-parse-bot-"), "db.sqlite")}`,
  LOG_LEVEL: "silent",
};

async function link(userId: number): Promise<void> {
  expect(await harness.link(userId, "so-tttt", "official")).toContain("Liên kết thành công");
}

async function stored(): Promise<{ status: string | null; progress: number | null }[]> {
  return harness.app.database.db
    .selectFrom("status_updates")
    .select(["status", "progress"])
    .orderBy("id")
    .execute();
}

async function parsed(text: string): Promise<{ status: string | null; progress: number | null }[]> {
  const result = await runCli(["parse", "--at", "2020-03-10"], cliEnv, `${text}\n`);
  expect(result.code).toBe(0);
  const line = JSON.parse(result.stdout) as { updates: { status: string | null; progress: number | null }[] };
  return line.updates.map(({ status, progress }) => ({ status, progress }));
}

describe("a percentage against the words, in the bot and in parse", () => {
  it.each([
    ["II.2 xong 0%", "not_started", 0],
    ["II.2 hoàn thành 80%", "in_progress", 80],
    ["II.2 chưa triển khai, đạt 40%", "in_progress", 40],
  ])("%s is stored as parse prints it", async (text, status, progress) => {
    await link(1101);
    await harness.say(1101, text);
    expect(await stored()).toEqual([{ status, progress }]);
    expect(await parsed(text)).toEqual([{ status, progress }]);
  });

  it("stores no progress from a negative figure and says what it recorded", async () => {
    await link(1102);
    const answer = await harness.say(1102, "II.2 đang làm -50%");
    expect(answer).toContain("II.2: đang thực hiện");
    expect(answer).not.toContain("50%");
    expect(await stored()).toEqual([{ status: "in_progress", progress: null }]);
    expect(await parsed("II.2 đang làm -50%")).toEqual([{ status: "in_progress", progress: null }]);
  });
});
