// Away and stand-ins: an away official gets no reminders, colleagues still do, and an agency nobody
// can hear from is reported to the coordinators.
import { afterEach, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import type { IncomingMessage } from "../../src/messages.ts";
import {
  linkCoordinator,
  linkOfficial,
  localMorning,
  outboxRows,
  planAt,
} from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

async function say(testApp: TestApp, chatId: string, text: string): Promise<string> {
  const message: IncomingMessage = {
    channel: "telegram",
    userId: chatId,
    chatId,
    displayName: chatId,
    text,
    messageId: `m-${text}`,
    sentAt: testApp.clock.now(),
    replyToMessageId: null,
  };
  const replies = await testApp.conversation.handle(message);
  return replies.map((r) => r.text).join("\n");
}

describeEachDatabase("away and stand-ins", (database) => {
  it("/vang: the away official is skipped and the stand-in reminded", async () => {
    app = await createTestApp({ database, at: "2020-03-10T03:00:00Z" });
    const away = await linkOfficial(app, "so-tttt", "801", { name: "Chị An" });
    const standIn = await linkOfficial(app, "so-tttt", "802", { name: "Anh Bình" });
    const answer = await say(app, "801", "/vang 15/3");
    expect(answer).toContain("vắng đến hết ngày 15/03/2020");
    expect(answer).toContain("vẫn nhận nhắc: Anh Bình");
    expect(await say(app, "801", "/vang")).toContain("đến hết ngày 15/03/2020");
    await planAt(app, localMorning("2020-03-13"));
    const rows = await outboxRows(app.database.db);
    expect(rows.map((r) => r.person_id)).toEqual([standIn.personId]);
    expect((JSON.parse(rows[0]?.payload ?? "{}") as OutboxPayload).text).toContain("Chị An đang vắng");
    // Back on the 16th: the D-3 reminder reaches both.
    await planAt(app, localMorning("2020-03-17"));
    const d3 = (await outboxRows(app.database.db))
      .filter((r) => r.key.includes(":d3:"))
      .map((r) => r.person_id);
    expect(d3.sort()).toEqual([away.personId, standIn.personId].sort());
  });

  it("plain text 'nghỉ phép đến 15/3' is understood, and '/vang huy' cancels it", async () => {
    app = await createTestApp({ database, at: "2020-03-10T03:00:00Z" });
    const official = await linkOfficial(app, "so-tttt", "803");
    expect(await say(app, "803", "em nghi phep den 15/3 a")).toContain("15/03/2020");
    expect(await say(app, "803", "/vang huy")).toContain("Chào mừng trở lại");
    await planAt(app, localMorning("2020-03-13"));
    expect((await outboxRows(app.database.db)).map((r) => r.person_id)).toEqual([official.personId]);
    expect(await say(app, "803", "/vang mai")).toContain("Không hiểu ngày «mai»");
  });

  it("an agency whose only official is away is reported to the coordinators as unreachable", async () => {
    app = await createTestApp({ database, at: "2020-03-10T03:00:00Z" });
    await linkOfficial(app, "so-tttt", "804", { name: "Chị Cúc" });
    const coordinator = await linkCoordinator(app, "900");
    expect(await say(app, "804", "/vang 15/3")).toContain("không còn cán bộ nào khác nhận nhắc");
    const report = await planAt(app, localMorning("2020-03-13"));
    expect(report.planned.reminder).toBe(0);
    expect(report.unreachable).toContainEqual({
      period: "2020-Q1",
      agency: "Sở Thông tin và Truyền thông",
      reason: "away",
    });
    const notice = (await outboxRows(app.database.db)).find((r) => r.kind === "unreachable");
    expect(notice?.person_id).toBe(coordinator.personId);
    const text = (JSON.parse(notice?.payload ?? "{}") as OutboxPayload).text;
    expect(text).toContain("Sở Thông tin và Truyền thông — cán bộ đầu mối đang vắng");
    // Agencies with nobody linked are listed too.
    expect(text).toContain("chưa có cán bộ đầu mối liên kết với bot");
    // Told once per round, however often the scheduler ticks.
    expect((await planAt(app, localMorning("2020-03-13", 9))).planned.unreachable).toBe(0);
  });

  it("an official who blocked the bot makes the agency unreachable and is named in the summary", async () => {
    app = await createTestApp({ database, at: "2020-03-10T03:00:00Z" });
    const blocked = await linkOfficial(app, "so-tttt", "805", { name: "Anh Dũng" });
    await linkCoordinator(app, "901");
    await app.database.db
      .updateTable("channel_accounts")
      .set({ blocked_at: "2020-03-12T00:00:00Z" })
      .where("id", "=", blocked.accountId)
      .execute();
    await planAt(app, localMorning("2020-03-20"));
    const summary = (await outboxRows(app.database.db)).find((r) => r.kind === "summary");
    const text = (JSON.parse(summary?.payload ?? "{}") as OutboxPayload).text;
    expect(text).toContain("Sở Thông tin và Truyền thông — cán bộ đầu mối đã chặn bot");
    expect(text).toContain("Tài khoản đã chặn bot (1):");
    expect(text).toContain("Anh Dũng (Sở Thông tin và Truyền thông)");
  });
});
