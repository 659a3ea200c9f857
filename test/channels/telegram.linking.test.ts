import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/vocabulary.ts";
import { insertChannelAccount, insertPerson } from "../../src/store/people.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { inviteFor } from "../support/test-app.ts";

describeEachDatabase("linking over Telegram", (database) => {
  let harness: TelegramHarness;

  beforeEach(async () => {
    harness = await startTelegramHarness({ database });
  });
  afterEach(async () => {
    await harness.close();
  });

  async function invite(agency: string | null, role: Role = "official"): Promise<string> {
    const { app } = harness;
    const created = await inviteFor(app, agency, role);
    return created.code;
  }

  async function countRows(
    table: "people" | "channel_accounts" | "status_updates" | "audit_log",
  ): Promise<number> {
    const rows = await harness.app.database.db.selectFrom(table).select("id").execute();
    return rows.length;
  }

  describe("linking over Telegram", () => {
    it("registers the bot's commands with Telegram at start", () => {
      const commands = harness.fake.callsOf("setMyCommands")[0]?.params.commands;
      expect(JSON.stringify(commands)).toContain("nhiemvu");
      expect(JSON.stringify(commands)).toContain("trogiup");
    });

    it("links /start <code> and answers in Vietnamese naming the agency", async () => {
      const code = await invite("Sở Y tế");
      const answer = await harness.say(1001, `/start ${code}`, "Lan");
      expect(answer).toContain("Liên kết thành công");
      expect(answer).toContain("Sở Y tế");
      expect(answer).toContain("cán bộ đầu mối");

      const account = await harness.app.database.db
        .selectFrom("channel_accounts")
        .innerJoin("people", "people.id", "channel_accounts.person_id")
        .innerJoin("agencies", "agencies.id", "people.agency_id")
        .select([
          "channel_accounts.channel",
          "channel_accounts.chat_id",
          "people.name",
          "people.role",
          "agencies.code",
        ])
        .executeTakeFirstOrThrow();
      expect(account).toEqual({
        channel: "telegram",
        chat_id: "1001",
        name: "Lan",
        role: "official",
        code: "so-y-te",
      });

      const tasks = await harness.say(1001, "/nhiemvu");
      expect(tasks).toContain("III.4");
      expect(tasks).toContain("Sở Y tế");
    });

    it("accepts the code however it is typed (lower case, spaced)", async () => {
      const code = await invite("so-tttt", "coordinator");
      const typed = `${code.slice(0, 8).toLowerCase()} ${code.slice(8)}`;
      expect(await harness.say(1003, `/start ${typed}`)).toContain("điều phối viên");
    });

    it("refuses a wrong code, a reused code and an expired code, writing nothing", async () => {
      expect(await harness.say(2001, "/start ABCDEFGHJKMNPQRS")).toContain("Mã mời không đúng");
      expect(await harness.say(2001, "/start xyz")).toContain("Mã mời không đúng");

      const code = await invite("ca-tinh");
      expect(await harness.say(2002, `/start ${code}`)).toContain("Công an tỉnh");
      const peopleAfterFirst = await countRows("people");
      expect(await harness.say(2003, `/start ${code}`)).toContain("đã được sử dụng");

      const late = await invite("so-noi-vu");
      harness.app.clock.advance(8 * 24 * 60 * 60 * 1000);
      expect(await harness.say(2004, `/start ${late}`)).toContain("hết hạn");

      expect(await countRows("people")).toBe(peopleAfterFirst);
      expect(await countRows("channel_accounts")).toBe(peopleAfterFirst);
    });

    it("gives an unlinked person an explanation and nothing else, and writes no data", async () => {
      const before = {
        people: await countRows("people"),
        accounts: await countRows("channel_accounts"),
        updates: await countRows("status_updates"),
        audit: await countRows("audit_log"),
      };
      for (const text of ["II.2 xong", "/nhiemvu", "/start", "xin chào"]) {
        const answer = await harness.say(3001, text);
        expect(answer).toContain("chưa được liên kết");
        expect(answer).not.toContain("II.2 —");
      }
      expect({
        people: await countRows("people"),
        accounts: await countRows("channel_accounts"),
        updates: await countRows("status_updates"),
        audit: await countRows("audit_log"),
      }).toEqual(before);
    });

    it("tells a linked person who sends another code that they are linked already", async () => {
      await harness.say(4001, `/start ${await invite("so-y-te")}`);
      const second = await invite("so-tai-chinh");
      expect(await harness.say(4001, `/start ${second}`)).toContain("đã được liên kết");
      // The second invite stays unused and can still link someone else.
      expect(await harness.say(4002, `/start ${second}`)).toContain("Sở Tài chính");
    });
  });

  describe("linking in a group", () => {
    it("refuses /start <code> in a group, links nobody, and the code still works in private", async () => {
      const code = await invite("Sở Y tế");
      const since = harness.fake.checkpoint();
      harness.fake.sendUserMessage({ userId: 1001, chatId: -500, text: `/start ${code}`, firstName: "Lan" });
      const answer = await harness.fake.waitForMessage(-500, undefined, 10_000, since);
      expect(answer.text).toContain("trò chuyện riêng");
      expect(await countRows("channel_accounts")).toBe(0);
      expect(await countRows("people")).toBe(0);

      const linked = await harness.say(1001, `/start ${code}`, "Lan");
      expect(linked).toContain("Liên kết thành công");
      const account = await harness.app.database.db
        .selectFrom("channel_accounts")
        .select("chat_id")
        .executeTakeFirstOrThrow();
      expect(account.chat_id).toBe("1001");
    });
  });

  describe("a group upgraded to a supergroup", () => {
    it("moves the linked account to the new chat id Telegram names (migrate_to_chat_id)", async () => {
      const { app } = harness;
      const personId = await insertPerson(
        app.database.db,
        { name: "Nhóm", role: "official", agencyId: null },
        app.clock.now(),
      );
      await insertChannelAccount(
        app.database.db,
        personId,
        { channel: "telegram", externalUserId: "-500", chatId: "-500", displayName: "Nhóm" },
        app.clock.now(),
      );
      harness.fake.enqueueRawUpdate({
        message: {
          message_id: 77,
          date: Math.floor(app.clock.now().getTime() / 1000),
          chat: { id: -500, type: "group", title: "Nhóm" },
          from: { id: 1001, is_bot: false, first_name: "Lan" },
          migrate_to_chat_id: -1001234567890,
        },
      });
      const chatIdNow = async () =>
        (
          await app.database.db
            .selectFrom("channel_accounts")
            .select("chat_id")
            .where("person_id", "=", personId)
            .executeTakeFirstOrThrow()
        ).chat_id;
      for (let waited = 0; waited < 5000 && (await chatIdNow()) === "-500"; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await chatIdNow()).toBe("-1001234567890");
    });
  });
});
