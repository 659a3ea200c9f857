// Zalo takes no file uploads: a coordinator's /baocao arrives as a short-lived link that the bot's
// own HTTP server serves, and the link downloads the real XLSX. Without a public base URL: a notice.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { startBotHttp } from "../../src/http/start-http.ts";
import { getPath } from "../support/http-client.ts";
import { inviteFor } from "../support/test-app.ts";
import { startZaloHarness, type ZaloHarness } from "../support/zalo-harness.ts";

const COORDINATOR = "zalo-dieuphoi";
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function coordinatorOn(harness: ZaloHarness): Promise<void> {
  const { app } = harness;
  const invite = await inviteFor(app, null, "coordinator");
  await harness.say(COORDINATOR, `/start ${invite.code}`);
}

describe("a report on Zalo", () => {
  it("arrives as a link to the bot's HTTP server that downloads the real XLSX", async () => {
    const harness = await startZaloHarness({ env: { PUBLIC_BASE_URL: "https://bot.example.vn/nhacviec" } });
    cleanup.push(() => harness.close());
    const server = await startBotHttp(harness.app, {
      fileLinks: harness.fileLinks,
      lastTickAt: () => null,
      port: 0,
    });
    if (!server) throw new Error("file links must start the HTTP server");
    cleanup.push(() => server.close());
    await coordinatorOn(harness);

    const replies = await harness.say(COORDINATOR, "/baocao 2020-Q1", 2);
    const all = replies.map((message) => message.text).join("\n");
    expect(all).not.toContain("chưa gửi được tệp");
    const link = /https:\/\/bot\.example\.vn\/nhacviec\/files\/[\w-]{40,}/.exec(all)?.[0];
    if (!link) throw new Error(`no file link in: ${all}`);
    expect(all).toContain("24 giờ");

    // The reverse proxy passes the public path on unchanged to the bot's port.
    const response = await getPath(server.port, new URL(link).pathname);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.getWorksheet("Nhiệm vụ");
    expect(sheet?.rowCount).toBeGreaterThan(1);
    // Only that token opens a file: a guessed one is not found.
    expect((await getPath(server.port, "/nhacviec/files/guessed-token")).status).toBe(404);
  });

  it("is a notice pointing elsewhere when the bot has no public address for links", async () => {
    const harness = await startZaloHarness();
    cleanup.push(() => harness.close());
    expect(harness.fileLinks).toBeUndefined();
    await coordinatorOn(harness);
    const replies = await harness.say(COORDINATOR, "/baocao 2020-Q1", 2);
    const all = replies.map((message) => message.text).join("\n");
    expect(all).toContain("chưa gửi được tệp qua Zalo");
    expect(all).not.toContain("/files/");
  });
});
