// Zalo takes no file uploads: a coordinator's /baocao arrives as a short-lived link that the bot's
// own HTTP server serves, and the link downloads the real XLSX. Without a public base URL: a notice.
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { startBotHttp } from "../../src/http/start-http.ts";
import { readDocx } from "../support/docx-xml.ts";
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

/** A Zalo bot with file links behind its HTTP server, and a linked coordinator. */
async function coordinatorWithFileLinks() {
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
  return { harness, server };
}

describe("a report on Zalo", () => {
  it("arrives as a link to the bot's HTTP server that downloads the real XLSX", async () => {
    const { harness, server } = await coordinatorWithFileLinks();

    const replies = await harness.say(COORDINATOR, "/baocao excel 2020-Q1", 2);
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

  it("offers the written report as numbered choices, and the chart as a photo behind a link", async () => {
    const { harness, server } = await coordinatorWithFileLinks();

    const [offer] = await harness.say(COORDINATOR, "/baocao 2020-Q1");
    expect(offer?.text).toContain("[1] 📄 Báo cáo (Word)");
    expect(offer?.text).toContain("[3] 📈 Biểu đồ");
    const replies = await harness.say(COORDINATOR, "1", 2);
    const link = /https:\/\/bot\.example\.vn\/nhacviec\/files\/[\w-]{40,}/.exec(
      replies.map((m) => m.text).join("\n"),
    )?.[0];
    if (!link) throw new Error("no link to the written report");
    const docx = await getPath(server.port, new URL(link).pathname);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const text = readDocx(new Uint8Array(await docx.arrayBuffer()))
      .paragraphs.map((p) => p.text)
      .join("\n");
    expect(text).toContain("BÁO CÁO");

    const [caption] = await harness.say(COORDINATOR, "/bieudo 2020-Q1");
    expect(caption?.text).toContain("📈 Biểu đồ tiến độ Quý I/2020");
    const photo = harness.fake.callsOf("sendPhoto").at(-1)?.params.photo;
    if (typeof photo !== "string") throw new Error("no sendPhoto");
    const image = await getPath(server.port, new URL(photo).pathname);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("content-disposition")).toMatch(/^inline/);
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("is a notice pointing elsewhere when the bot has no public address for links", async () => {
    const harness = await startZaloHarness();
    cleanup.push(() => harness.close());
    expect(harness.fileLinks).toBeUndefined();
    await coordinatorOn(harness);
    const replies = await harness.say(COORDINATOR, "/baocao excel 2020-Q1", 2);
    const all = replies.map((message) => message.text).join("\n");
    expect(all).toContain("chưa gửi được tệp qua Zalo");
    expect(all).not.toContain("/files/");
    const chart = await harness.say(COORDINATOR, "/bieudo 2020-Q1", 2);
    expect(chart.map((message) => message.text).join("\n")).toContain("bot chưa gửi được ảnh qua Zalo");
    expect(harness.fake.callsOf("sendPhoto")).toHaveLength(0);
  });
});
