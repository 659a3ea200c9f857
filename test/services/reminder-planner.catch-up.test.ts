// README: the report calendar: a reminder due while the bot was down is sent once when it comes back, if the deadline has
// not passed; older missed reminders of the period are not replayed one by one.
import { afterEach, expect, it } from "vitest";
import { enqueueOutbox } from "../../src/store/outbox.ts";
import { consoleTicker, linkOfficial, localMorning, outboxRows } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describeEachDatabase("catch-up after downtime", (database) => {
  it("back on D-2 after missing D-7 and D-3: the D-3 reminder goes out once, D-7 is not replayed", async () => {
    app = await createTestApp({ database });
    const official = await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const printed: string[] = [];
    const tick = consoleTicker(app, printed);
    const first = await tick(localMorning("2020-03-18", 9));
    expect(first.plan.reminderRound?.offsetDays).toBe(3);
    expect(first.delivery.sent).toBe(1);
    // The bot keeps ticking every minute: nothing more that day.
    const again = await tick(new Date(localMorning("2020-03-18", 9).getTime() + 60_000));
    expect(again.plan.planned.reminder).toBe(0);
    expect(again.delivery.sent).toBe(0);
    const rows = await outboxRows(app.database.db);
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      [`reminder:2020-Q1:d3:p${official.personId}:console`, "sent"],
    ]);
    expect(printed.join("")).toContain("📬 → canbo: ⏰ Nhắc báo cáo Quý I/2020");
  });

  it("back after the deadline: no reminder, the overdue notice instead", async () => {
    app = await createTestApp({ database });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const printed: string[] = [];
    const report = await consoleTicker(app, printed)(localMorning("2020-03-20", 9));
    expect(report.plan.reminderRound).toBeNull();
    expect(report.plan.planned.reminder).toBe(0);
    expect(report.plan.planned.overdue).toBe(1);
    expect(printed.join("")).not.toContain("⏰ Nhắc báo cáo");
    expect(printed.join("")).toContain("Đã quá hạn báo cáo Quý I/2020");
  });

  it("a reminder planned before a crash but still undelivered after the deadline is skipped, not sent", async () => {
    app = await createTestApp({ database });
    const official = await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const deadline = new Date("2020-03-19T17:00:00Z"); // 00:00 on 20/3 in Gia Lai
    await enqueueOutbox(
      app.database.db,
      [
        {
          key: `reminder:2020-Q1:d1:p${official.personId}`,
          kind: "reminder",
          personId: official.personId,
          accountId: official.accountId,
          channel: "console",
          chatId: "canbo",
          payload: { text: "⏰ stale" },
          assignmentIds: [],
          periodKey: "2020-Q1",
          notBefore: localMorning("2020-03-19"),
          expiresAt: deadline,
        },
      ],
      app.clock.now(),
    );
    const printed: string[] = [];
    const report = await consoleTicker(app, printed)(localMorning("2020-03-20", 9));
    expect(report.delivery.skipped).toBe(1);
    expect(printed.join("")).not.toContain("stale");
  });

  it("in quiet hours a caught-up reminder waits for the morning", async () => {
    app = await createTestApp({ database });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const printed: string[] = [];
    const tick = consoleTicker(app, printed);
    const night = await tick(localMorning("2020-03-17", 22));
    expect(night.plan.planned.reminder).toBe(1);
    expect(night.delivery.sent).toBe(0);
    const morning = await tick(localMorning("2020-03-18", 7));
    expect(morning.delivery.sent).toBe(1);
  });
});
