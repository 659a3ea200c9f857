// The database file deleted under the running bot: the next message is answered that nothing was
// recorded, the log says what happened, and the bot stops taking updates, so Telegram keeps them
// for a start on the restored file instead of the bot confirming them into a deleted file.
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { exited, runCli, startBotProcess } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let fake: FakeTelegram | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  await fake?.close();
});

describe("the database file deleted while the bot runs", () => {
  it("answers that nothing was recorded, logs it, and stops confirming updates", async () => {
    fake = await startFakeTelegram();
    const path = join(tempDirectory("nhacviec-vanish-"), "db.sqlite");
    const env = {
      DATABASE_URL: `sqlite:${path}`,
      LOG_LEVEL: "error",
      SHUTDOWN_TIMEOUT_MS: "1000",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const invite = JSON.parse(
      (await runCli(["invite", "--agency", "so-tttt", "--role", "official", "--json"], env)).stdout,
    );
    bot = startBotProcess(env, ["ignore", "ignore", "pipe"]);
    let stderr = "";
    bot.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await fake.waitForCall((call) => call.method === "setMyCommands", 30_000);
    fake.sendUserMessage({ userId: 5001, text: `/start ${invite.code}`, firstName: "Hoa" });
    expect((await fake.waitForMessage(5001, undefined, 30_000)).text).toContain("Liên kết thành công");

    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    const since = fake.checkpoint();
    fake.sendUserMessage({ userId: 5001, text: "II.9 xong", firstName: "Hoa" });
    const answer = await fake.waitForMessage(5001, undefined, 30_000, since);
    expect(answer.text).toContain("chưa được ghi nhận");
    expect(answer.text).not.toContain("Đã ghi nhận");
    // The log line is written asynchronously: it may come just after the answer.
    const logged = `Tệp cơ sở dữ liệu ${path} đã bị xoá hoặc thay thế`;
    for (let waited = 0; !stderr.includes(logged) && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stderr).toContain(logged);

    // Nothing more is fetched, so neither that message nor a later one is confirmed: Telegram keeps
    // both for the next start.
    fake.sendUserMessage({ userId: 5001, text: "II.10 xong", firstName: "Hoa" });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(fake.pendingUpdateCount).toBe(2);
    expect(fake.sentMessages().filter((m) => m.chatId === 5001)).toHaveLength(2);

    const exit = exited(bot);
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    bot = undefined;
  }, 60_000);
});
