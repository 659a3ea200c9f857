import type { ChildProcess } from "node:child_process";
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

describe("npm start with BOT_TOKEN", () => {
  it("runs the Telegram channel from the real entry point, links a person, and stops cleanly on SIGTERM", async () => {
    fake = await startFakeTelegram();
    const env = {
      DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-start-"), "db.sqlite")}`,
      LOG_LEVEL: "silent",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const invite = JSON.parse(
      (await runCli(["invite", "--agency", "Sở Y tế", "--role", "official", "--json"], env)).stdout,
    );
    // The link names the bot as Telegram knows it (getMe on the fake).
    expect(invite.telegram_link).toBe(`https://t.me/nhacviec_test_bot?start=${invite.code}`);

    bot = startBotProcess(env);
    await fake.waitForCall((call) => call.method === "setMyCommands", 30_000);
    fake.sendUserMessage({ userId: 5001, text: `/start ${invite.code}`, firstName: "Hoa" });
    const answer = await fake.waitForMessage(5001, undefined, 30_000);
    expect(answer.text).toContain("Sở Y tế");

    const exit = exited(bot);
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    bot = undefined;
  });
});
