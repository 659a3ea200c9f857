// In the console a coordinator's report files are saved beside the database: /bieudo's chart (a photo
// on Telegram) and /baocao word's written report, each named in the reply.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chat } from "../support/console-chat.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp({ at: "2020-03-10T02:00:00Z" });
});
afterEach(async () => {
  await app.dispose();
});

describe("report files in the console", () => {
  it("saves the chart and the written report and says where", async () => {
    const invite = await inviteFor(app, null, "coordinator");
    const { printed } = await chat(app, [
      ":nguoi dieuphoi",
      `/start ${invite.code}`,
      "/bieudo 2020-Q1",
      "/baocao word 2020-Q1",
      ":thoat",
    ]);
    const chart = join(app.directory, "bieu-do-2020-Q1.png");
    const docx = join(app.directory, "bao-cao-2020-Q1.docx");
    expect(printed).toContain(`📎 Đã lưu tệp: ${chart}`);
    expect(printed).toContain(`📎 Đã lưu tệp: ${docx}`);
    expect(existsSync(chart) && readFileSync(chart).subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(readFileSync(docx).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
