import { PassThrough } from "node:stream";
import { afterEach, expect, it } from "vitest";
import { createDelivery, createSchedulerTick } from "../../src/app.ts";
import { startConsoleChannel } from "../../src/channels/console/console-channel.ts";
import { linkOfficial, localMorning } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describeEachDatabase("console: a scheduled reminder appears in the terminal chat", (database) => {
  it("shows the reminder with numbered task buttons", async () => {
    app = await createTestApp({ database });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const terminal = startConsoleChannel({
      conversation: app.conversation,
      translator: app.translator,
      clock: app.clock,
      zone: app.config.APP_TZ,
      input,
      output,
      documentsFolder: app.directory,
    });
    const delivery = createDelivery(app.config, {
      db: app.database.db,
      clock: app.clock,
      console: terminal.deliver,
    });
    app.clock.set(localMorning("2020-03-13"));
    const report = await createSchedulerTick(app, delivery)();
    delivery.close();
    input.end();
    await terminal.finished;
    expect(report.delivery.sent).toBe(1);
    expect(printed).toContain("⏰ Nhắc báo cáo Quý I/2020");
    expect(printed).toMatch(/\[1\] ✅ Xong [IVX]+\.\d+/);
  });
});
