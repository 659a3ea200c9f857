import { afterEach, expect, it } from "vitest";
import type { Db } from "../../src/db/database.ts";
import { chat } from "../support/console-chat.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

const WRITTEN_TABLES = [
  "status_updates",
  "inbound_updates",
  "conversation_state",
  "audit_log",
  "people",
  "outbox",
] as const;

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describeEachDatabase("console: its own commands are answered locally", (database) => {
  it("gives hints for missing or bad arguments; the bot never sees a ':' line and nothing is stored", async () => {
    app = await createTestApp({ database, at: "2020-03-10T02:00:00Z" });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const before = await rowCounts(app.database.db);
    const { printed, sentToBot } = await chat(app, [
      ":nguoi",
      ":bam",
      ":bam hai",
      ":ngay ngày mai",
      ":xem",
      ":trogiup",
      ":NGƯỜI dieuphoi",
      ":thoát",
      "II.2 xong",
    ]);
    expect(sentToBot).toEqual([]);
    expect(await rowCounts(app.database.db)).toEqual(before);
    expect(printed).toContain("canbo> :nguoi\n(Gõ «:nguoi <tên>», ví dụ «:nguoi dieuphoi».)");
    expect(printed).toContain("canbo> :bam\n(Gõ «:bam <số>»");
    expect(printed).toContain("canbo> :bam hai\n(Gõ «:bam <số>»");
    expect(printed).toContain("(Không đọc được ngày giờ «ngày mai».");
    expect(printed).toContain("(Console không có lệnh «:xem». Gõ «:trogiup» để xem các lệnh.)");
    expect(printed).toContain("Lệnh của console (trả lời ngay tại đây, không gửi tới bot):");
    expect(printed).toContain("(Anh/chị đang nhắn với tư cách «dieuphoi».)");
    // ":thoát" ended the chat: the line after it was never read.
    expect(printed.endsWith("dieuphoi> :thoát\nTạm biệt!\n")).toBe(true);
  });

  it("presses the buttons of the latest message to the person typing, not another's", async () => {
    app = await createTestApp({ database, at: "2020-03-10T02:00:00Z" });
    await linkOfficial(app, "so-tttt", "canbo", { channel: "console" });
    const { printed, sentToBot } = await chat(app, ["/conlai", ":nguoi khach", ":bam 1"]);
    expect(sentToBot).toEqual(["/conlai"]);
    expect(printed).toContain("(Không có nút số 1 trong tin nhắn gần nhất gửi «khach».)");
  });
});
