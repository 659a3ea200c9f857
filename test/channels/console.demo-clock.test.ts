import { afterEach, describe, expect, it } from "vitest";
import { createDelivery, createSchedulerTick } from "../../src/app.ts";
import type { ConsoleDeliver } from "../../src/channels/console/console-sender.ts";
import { openTestConsole } from "../support/console-chat.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

/** A console whose `:ngay` runs the real scheduler tick, delivering into the console itself. */
function consoleWithScheduler(current: TestApp) {
  let deliver: ConsoleDeliver = () => {};
  const delivery = createDelivery(current.config, {
    db: current.database.db,
    clock: current.clock,
    console: (chatId, reply) => deliver(chatId, reply),
  });
  const tick = createSchedulerTick(current, delivery);
  const terminal = openTestConsole(current, {
    onClockMoved: async () => {
      await tick();
    },
  });
  deliver = terminal.channel.deliver;
  return { terminal, close: () => delivery.close() };
}

describe("console: the demo clock (:ngay)", () => {
  it("jumps from 2026 to 13/3/2020 and ticks at once: the 08:00 reminder shows, its buttons work", async () => {
    app = await createTestApp({ at: "2026-11-28T03:00:00Z" });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const { terminal, close } = consoleWithScheduler(app);
    terminal.input.end(":ngay\n:ngay 13/3/2020\n:ngay\n:bam 1\n");
    await terminal.channel.finished;
    close();
    const printed = terminal.printed();
    expect(printed).toContain("Đồng hồ của console: 28/11/2026 10:00");
    expect(printed).toContain("Đã chuyển đồng hồ tới 13/03/2020 08:00");
    expect(printed).toContain("📬 Tin nhắn theo lịch gửi tới «canbo»");
    expect(printed).toContain("⏰ Nhắc báo cáo Quý I/2020");
    expect(printed).toMatch(/\[1\] ✅ Xong I\.2 {3}\[2\] ⏳ Đang làm I\.2/);
    expect(printed).toContain("Đồng hồ của console: 13/03/2020 08:00");
    // ":bam 1" pressed the reminder's first button, stamped with the simulated time.
    const stored = await app.database.db
      .selectFrom("status_updates")
      .innerJoin("assignments", "assignments.id", "status_updates.assignment_id")
      .innerJoin("tasks", "tasks.id", "assignments.task_id")
      .select(["tasks.code", "status_updates.status", "status_updates.sent_at", "status_updates.period_key"])
      .execute();
    expect(stored).toEqual([
      { code: "I.2", status: "done", sent_at: "2020-03-13T01:00:00.000Z", period_key: "2020-Q1" },
    ]);
    expect(terminal.conversation.texts).toEqual([]);
  });

  it("reads a time and ISO forms, and answers a date it cannot read with examples", async () => {
    app = await createTestApp({ at: "2026-11-28T03:00:00Z" });
    const { terminal, close } = consoleWithScheduler(app);
    terminal.input.end(
      ":ngay 13/3/2020 14:30\n:ngay 2020-06-13T09:15\n:ngay 31/2/2020\n:ngay mai\n:ngay 1/7\n",
    );
    await terminal.channel.finished;
    close();
    const printed = terminal.printed();
    expect(printed).toContain("Đã chuyển đồng hồ tới 13/03/2020 14:30");
    expect(printed).toContain("Đã chuyển đồng hồ tới 13/06/2020 09:15");
    expect(printed).toContain("Không đọc được ngày giờ «31/2/2020»");
    expect(printed).toContain("Không đọc được ngày giờ «mai». Ví dụ: «:ngay 13/3/2020»");
    // No year: the year the console is in.
    expect(printed).toContain("Đã chuyển đồng hồ tới 01/07/2020 08:00");
    expect(app.clock.now().toISOString()).toBe("2020-07-01T01:00:00.000Z");
  });
});
