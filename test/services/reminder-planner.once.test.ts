import { afterEach, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import { appendStatusUpdates } from "../../src/store/status-updates.ts";
import { decodeButton } from "../../src/texts/callback-data.ts";
import {
  linkCoordinator,
  linkOfficial,
  localMorning,
  outboxRows,
  planAt,
  reportEverything,
} from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describeEachDatabase("reminder planner: once per person, period and round", (database) => {
  it("ticking twice at the same instant plans one reminder", async () => {
    app = await createTestApp({ database });
    const official = await linkOfficial(app, "so-tttt", "9001");
    const at = localMorning("2020-03-13"); // D-7 of Q1 2020, a Friday
    const first = await planAt(app, at);
    const second = await planAt(app, at);
    expect(first.reminderRound).toMatchObject({ period: "2020-Q1", offsetDays: 7 });
    expect(first.planned.reminder).toBe(1);
    expect(second.planned.reminder).toBe(0);
    const rows = await outboxRows(app.database.db);
    expect(rows.map((r) => r.key)).toEqual([`reminder:2020-Q1:d7:p${official.personId}:telegram`]);
  });

  it("names the period, deadline, data window and each owed task, with buttons", async () => {
    app = await createTestApp({ database });
    await linkOfficial(app, "so-tttt", "9002");
    await planAt(app, localMorning("2020-03-13"));
    const [row] = await outboxRows(app.database.db);
    const payload = JSON.parse(row?.payload ?? "{}") as OutboxPayload;
    expect(payload.text).toContain("Quý I/2020");
    expect(payload.text).toContain("trước 00:00 ngày 20/03/2020");
    expect(payload.text).toContain("15/12/2019");
    expect(payload.text).toContain("14/03/2020");
    expect(payload.text).toContain("Trả lời tin nhắn này: «I.2 xong»");
    const assignmentIds = JSON.parse(row?.assignment_ids ?? "[]") as number[];
    expect(assignmentIds.length).toBeGreaterThan(0);
    expect(payload.buttons?.length).toBe(Math.min(30, assignmentIds.length));
    const firstRow = payload.buttons?.[0] ?? [];
    expect(firstRow.map((b) => b.label.split(" ")[0])).toEqual(["✅", "⏳", "⚠️"]);
    expect(firstRow.map((b) => decodeButton(b.data))).toEqual([
      { action: "done", assignmentId: assignmentIds[0] },
      { action: "doing", assignmentId: assignmentIds[0] },
      { action: "blocked", assignmentId: assignmentIds[0] },
    ]);
  });

  it("an agency that reported everything hears nothing more that period", async () => {
    app = await createTestApp({ database });
    const official = await linkOfficial(app, "so-tttt", "9003");
    await linkOfficial(app, "so-y-te", "9004");
    await planAt(app, localMorning("2020-03-13"));
    expect(await reportEverything(app, "so-tttt", localMorning("2020-03-14", 10))).toBeGreaterThan(0);
    const later = await planAt(app, localMorning("2020-03-17")); // D-3
    expect(later.reminderRound?.offsetDays).toBe(3);
    const keys = (await outboxRows(app.database.db)).map((r) => r.key);
    expect(keys.filter((k) => k.endsWith(`:p${official.personId}:telegram`))).toEqual([
      `reminder:2020-Q1:d7:p${official.personId}:telegram`,
    ]);
    // The other agency still owes, so it still hears.
    expect(keys.filter((k) => k.startsWith("reminder:2020-Q1:d3:"))).toHaveLength(1);
    // Nor is it told it is overdue on the 20th.
    await planAt(app, localMorning("2020-03-20"));
    const overdue = (await outboxRows(app.database.db)).filter((r) => r.kind === "overdue");
    expect(overdue.map((r) => r.person_id)).not.toContain(official.personId);
    expect(overdue).toHaveLength(1);
  });

  it("done and dormant assignments are never reminded", async () => {
    app = await createTestApp({ database });
    const db = app.database.db;
    await linkOfficial(app, "so-tttt", "9005");
    await planAt(app, localMorning("2020-03-13"));
    const [before] = await outboxRows(db);
    const owed = JSON.parse(before?.assignment_ids ?? "[]") as number[];
    expect(owed.length).toBeGreaterThan(2);
    const [dormantId, doneId] = owed;
    // One task made dormant by a coordinator, one reported done back in the previous period.
    const dormantTask = await db
      .selectFrom("assignments")
      .select("task_id")
      .where("id", "=", dormantId ?? 0)
      .executeTakeFirstOrThrow();
    await db.updateTable("tasks").set({ dormant: 1 }).where("id", "=", dormantTask.task_id).execute();
    const doneAt = new Date("2019-12-01T03:00:00Z");
    await appendStatusUpdates(
      db,
      [
        {
          assignmentId: doneId ?? 0,
          personId: null,
          channel: "telegram",
          chatId: null,
          messageId: null,
          messageKey: "test:done",
          revision: 0,
          rawText: "xong",
          status: "done",
          progress: 100,
          blocker: null,
          eta: null,
          sentAt: doneAt,
          periodKey: "2019-Q4",
        },
      ],
      doneAt,
    );
    await planAt(app, localMorning("2020-03-17"));
    const d3 = (await outboxRows(db)).find((r) => r.key.startsWith("reminder:2020-Q1:d3:"));
    const remindedNow = JSON.parse(d3?.assignment_ids ?? "[]") as number[];
    expect(remindedNow).not.toContain(dormantId);
    expect(remindedNow).not.toContain(doneId);
    expect(remindedNow).toHaveLength(owed.length - 2);
  });

  it("on the 20th the laggards get an overdue notice and coordinators a summary", async () => {
    app = await createTestApp({ database });
    const late = await linkOfficial(app, "so-y-te", "9006");
    await linkOfficial(app, "so-tttt", "9007");
    const coordinator = await linkCoordinator(app, "9100");
    await reportEverything(app, "so-tttt", localMorning("2020-03-18"), "blocked");
    const report = await planAt(app, localMorning("2020-03-20"));
    expect(report.overdueRound).toMatchObject({ period: "2020-Q1" });
    expect(report.planned).toMatchObject({ overdue: 1, summary: 1 });
    const rows = await outboxRows(app.database.db);
    expect(rows.find((r) => r.kind === "overdue")?.person_id).toBe(late.personId);
    const overdueText = (JSON.parse(rows.find((r) => r.kind === "overdue")?.payload ?? "{}") as OutboxPayload)
      .text;
    expect(overdueText).toContain("Đã quá hạn báo cáo Quý I/2020");
    const summary = rows.find((r) => r.kind === "summary");
    expect(summary?.person_id).toBe(coordinator.personId);
    const text = (JSON.parse(summary?.payload ?? "{}") as OutboxPayload).text;
    expect(text).toContain("Tổng hợp báo cáo Quý I/2020");
    expect(text).toMatch(/Đã báo cáo đủ: \d+\/\d+ đơn vị/);
    expect(text).toContain("Nhiệm vụ đang vướng");
    // The one wording of an obstacle, as in the chat's confirmations: "vướng: …".
    expect(text).toMatch(/^• [IVX]+\.\d+ · Sở Thông tin và Truyền thông — vướng: thiếu kinh phí$/m);
    expect(text).toContain("Sở Y tế");
  });
});
