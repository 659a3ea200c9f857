// A disk that fills up or a file turned read-only fails a person's update with its own cause
// (SQLITE_FULL, SQLITE_READONLY), not with the second error of a rollback SQLite had already done.
import { closeSync, openSync, writeSync } from "node:fs";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation/conversation.ts";
import { openDatabase } from "../../src/db/database.ts";
import { createTranslator } from "../../src/i18n/translator.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

function update(chatId: string, text: string, at: Date) {
  return {
    channel: "telegram" as const,
    userId: chatId,
    chatId,
    displayName: "Cán bộ",
    text,
    messageId: "1",
    sentAt: at,
    replyToMessageId: null,
    updateKey: `msg:${chatId}:1`,
  };
}

async function failureOf(work: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as { code?: string; message: string };
}

describe("the first cause of a failed write is kept", () => {
  it("disk full: a transaction SQLite has already rolled back fails with SQLITE_FULL", async () => {
    app = await createTestApp();
    const db = app.database.db;
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count}`).execute(db);
    const error = await failureOf(
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < 1000; i++) {
          await trx
            .insertInto("audit_log")
            .values({ at: "-", actor: "a".repeat(500), action: "fill", subject: "-", details: null })
            .execute();
        }
      }),
    );
    expect(error.code).toBe("SQLITE_FULL");
    expect(error.message).not.toMatch(/rollback/);
  });

  it("disk full: a person's update fails with SQLITE_FULL", async () => {
    app = await createTestApp();
    await linkOfficial(app, "so-tttt", "501");
    const db = app.database.db;
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count}`).execute(db);
    // A cache of a few pages writes the transaction out before COMMIT, as a real full disk fails it:
    // that is where SQLite rolls the whole transaction back itself.
    await sql.raw("pragma cache_size = 2").execute(db);
    // No free page left in the file.
    for (const size of [2000, 400]) {
      let room = true;
      while (room) {
        room =
          await sql`insert into audit_log (at, actor, action, subject, details) values ('x', ${"a".repeat(size)}, 'fill', '-', '{}')`
            .execute(db)
            .then(
              () => true,
              () => false,
            );
      }
    }
    // A long obstacle (Telegram allows 4,096 characters) needs pages of its own.
    const longBlocker = `II.9 vướng kinh phí ${"chưa được cấp ".repeat(250)}`;
    const error = await failureOf(app.conversation.handle(update("501", longBlocker, app.clock.now())));
    expect(error.code).toBe("SQLITE_FULL");
    expect(error.message).not.toMatch(/rollback/);
  });

  it("read-only file: the update fails with SQLITE_READONLY", async () => {
    app = await createTestApp();
    await linkOfficial(app, "so-tttt", "502");
    await app.close();
    // A write version above 2 in the header (byte 18) makes SQLite treat the file as read-only.
    const descriptor = openSync(app.databasePath, "r+");
    writeSync(descriptor, Buffer.from([3]), 0, 1, 18);
    closeSync(descriptor);
    const database = openDatabase(`sqlite:${app.databasePath}`, { create: false });
    try {
      const conversation = new Conversation({
        db: database.db,
        translator: createTranslator("vi"),
        clock: app.clock,
        zone: "Asia/Ho_Chi_Minh",
        staleAfterDays: 30,
        reportIssuer: "Sở Khoa học và Công nghệ",
      });
      const error = await failureOf(conversation.handle(update("502", "II.9 xong", app.clock.now())));
      expect(error.code).toMatch(/^SQLITE_READONLY/);
      expect(error.message).not.toMatch(/rollback/);
    } finally {
      await database.close();
    }
  });
});
