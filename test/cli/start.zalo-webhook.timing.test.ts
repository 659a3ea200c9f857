// `nhacviec start` in webhook mode with ZALO_BOT_TOKEN, as a real process: it registers its Zalo webhook
// after listening, polls nothing, answers an update posted to it with the right secret (401 without),
// serves a coordinator's report as a file link that downloads the XLSX, and stops cleanly on SIGTERM.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeZalo, startFakeZalo } from "../fakes/zalo-api-server.ts";
import { getPath, postWebhook } from "../support/http-client.ts";
import { exited, runCli, startBotProcess } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const SECRET = "zalo-webhook-secret-1";
const HEADER = "X-Bot-Api-Secret-Token";

let fake: FakeZalo | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  await fake?.close();
});

/** A port nothing listens on now (the system's pick, released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function until<T>(read: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const textEvent = (userId: string, messageId: string, text: string) => ({
  event_name: "message.text.received",
  message: {
    message_id: messageId,
    from: { id: userId, display_name: "Điều phối", is_bot: false },
    chat: { id: userId, chat_type: "PRIVATE" },
    date: Date.now(),
    text,
  },
});

describe("npm start with ZALO_BOT_TOKEN and WEBHOOK_URL", () => {
  it("registers the Zalo webhook, answers posted updates, serves the report link, and stops on SIGTERM", async () => {
    fake = await startFakeZalo();
    const port = await freePort();
    const env = {
      DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-start-zalo-hook-"), "db.sqlite")}`,
      LOG_LEVEL: "silent",
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      WEBHOOK_URL: "https://bot.example.vn/zalo-hook",
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    };
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const invite = JSON.parse((await runCli(["invite", "--role", "coordinator", "--json"], env)).stdout);

    bot = startBotProcess(env);
    // Registered only once the server listens: Zalo may post at once.
    const registered = await until(() => fake?.webhook ?? undefined, 30_000);
    expect(registered).toEqual({ url: "https://bot.example.vn/zalo-hook", secretToken: SECRET });
    expect(fake.callsOf("getUpdates")).toHaveLength(0);

    const link = textEvent("zalo-dieuphoi", "m-1", `/start ${invite.code}`);
    expect((await postWebhook(port, "/zalo-hook", link)).status).toBe(401);
    expect((await postWebhook(port, "/zalo-hook", link, { [HEADER]: SECRET })).status).toBe(200);
    const [linked] = await fake.waitForMessages("zalo-dieuphoi", 1, 0, 30_000);
    expect(linked?.text).toContain("điều phối viên");

    const since = fake.sent.length;
    const report = textEvent("zalo-dieuphoi", "m-2", "/baocao excel 2020-Q1");
    expect((await postWebhook(port, "/zalo-hook", report, { [HEADER]: SECRET })).status).toBe(200);
    const replies = await fake.waitForMessages("zalo-dieuphoi", 2, since, 30_000);
    const url = /https:\/\/bot\.example\.vn\/files\/[\w-]+/.exec(replies.map((m) => m.text).join("\n"))?.[0];
    if (!url) throw new Error("no file link in the report's replies");
    const download = await getPath(port, new URL(url).pathname);
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    expect(workbook.getWorksheet("Nhiệm vụ")).toBeDefined();

    const exit = exited(bot);
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    bot = undefined;
  });
});
