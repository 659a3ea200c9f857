// Before working on a message the bot looks whether its database file is still in place (a deleted
// file would swallow what is recorded): one look serves the messages taken up in the same turn of
// the event loop; the look before confirming a message (databaseGone) is always taken afresh.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation/conversation.ts";
import { DatabaseVanishedError } from "../../src/db/file-watch.ts";
import type { IncomingMessage } from "../../src/messages.ts";
import { linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;

beforeEach(async () => {
  app = await createTestApp();
  await linkOfficial(app, "so-tttt", "1001");
});
afterEach(() => app.dispose());

function message(n: number, text: string): IncomingMessage {
  return {
    channel: "telegram",
    userId: "1001",
    chatId: "1001",
    displayName: "Cán bộ 1001",
    text,
    messageId: String(n),
    sentAt: app.clock.now(),
    replyToMessageId: null,
    updateKey: `msg:1001:${n}`,
  };
}

/** The app's conversation, with a database check that counts its looks and can find the file gone. */
function watchedConversation() {
  const watch = { looks: 0, gone: false };
  const conversation = new Conversation({
    ...app.conversation.deps,
    checkDatabase: () => {
      watch.looks += 1;
      if (watch.gone) throw new DatabaseVanishedError(app.databasePath);
    },
  });
  return { conversation, watch };
}

async function storedCount(): Promise<number> {
  const rows = await app.database.db.selectFrom("status_updates").select("id").execute();
  return rows.length;
}

describe("the database file looked at before working on messages", () => {
  it("is looked at once for the messages taken up in one turn, afresh in the next, and before each confirmation", async () => {
    const { conversation, watch } = watchedConversation();
    const burst = [1, 2, 3].map((n) => conversation.handle(message(n, `II.2 đang làm ${n * 10}%`)));
    expect(watch.looks).toBe(1);
    const replies = await Promise.all(burst);
    expect(replies.map(([reply]) => reply?.text)).toEqual([
      expect.stringContaining("Đã ghi nhận"),
      expect.stringContaining("Đã ghi nhận"),
      expect.stringContaining("Đã ghi nhận"),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = conversation.handle(message(4, "II.2 đang làm 50%"));
    expect(watch.looks).toBe(2);
    await later;
    expect(conversation.databaseGone()).toBe(false);
    expect(conversation.databaseGone()).toBe(false);
    expect(watch.looks).toBe(4);
    expect(await storedCount()).toBe(4);
  });

  it("records nothing once the file is found gone, and says so", async () => {
    const { conversation, watch } = watchedConversation();
    await conversation.handle(message(1, "II.2 đang làm 10%"));
    await new Promise((resolve) => setImmediate(resolve));
    watch.gone = true;
    const [reply] = await conversation.handle(message(2, "II.2 đang làm 20%"));
    expect(reply?.text).toBe(app.translator.t("database-vanished"));
    expect(conversation.databaseGone()).toBe(true);
    expect(await storedCount()).toBe(1);
  });
});
