// `nhacviec start` with ZALO_BOT_TOKEN, as a real process against the fake Zalo Bot API: it long-polls,
// links a person with an invite code, answers, and stops cleanly on SIGTERM (a long poll in flight too).
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeZalo, startFakeZalo } from "../fakes/zalo-api-server.ts";
import { exited, runCli, startBotProcess } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

let fake: FakeZalo | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  await fake?.close();
});

describe("npm start with ZALO_BOT_TOKEN", () => {
  it("runs the Zalo channel from the real entry point, links a person, and stops cleanly on SIGTERM", async () => {
    fake = await startFakeZalo();
    const env = {
      DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-start-zalo-"), "db.sqlite")}`,
      LOG_LEVEL: "silent",
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
    };
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const invite = JSON.parse(
      (await runCli(["invite", "--agency", "Sở Y tế", "--role", "official", "--json"], env)).stdout,
    );

    bot = startBotProcess(env);
    // On Zalo `/start CODE` is plain text; the bot fetches it with its first getUpdates.
    fake.sendUserMessage({ userId: "zalo-5001", text: `/start ${invite.code}`, displayName: "Hoa" });
    const [linked] = await fake.waitForMessages("zalo-5001", 1, 0, 30_000);
    expect(linked?.text).toContain("Sở Y tế");
    const since = fake.sent.length;
    fake.sendUserMessage({ userId: "zalo-5001", text: "/nhiemvu" });
    const [tasks] = await fake.waitForMessages("zalo-5001", 1, since, 30_000);
    expect(tasks?.text).toContain("Nhiệm vụ Sở Y tế chủ trì");
    expect(fake.callsOf("getMe")).toHaveLength(1);
    expect(fake.callsOf("deleteWebhook")).toHaveLength(1);

    // The bot is now in a long poll (30 s): SIGTERM ends it at once, in order.
    const exit = exited(bot);
    const stoppedAt = performance.now();
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(performance.now() - stoppedAt).toBeLessThan(10_000);
    bot = undefined;
  });
});
