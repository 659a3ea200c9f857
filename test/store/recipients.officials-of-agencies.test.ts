// The planner reads a few agencies' officials at a time, their accounts packed one row per agency:
// it must see each official as the general reader does (listRecipients), with the same accounts to
// write to (a channel chosen with /kenh, blocked accounts left out), the same absence and the same
// "blocked the bot", and no coordinator nor anyone of another agency.
import { afterEach, expect, it } from "vitest";
import type { Recipient } from "../../src/domain/reminder-plan.ts";
import { latestAbsences, recordAbsence } from "../../src/store/absences.ts";
import { insertAgency } from "../../src/store/agencies.ts";
import { markAccountBlocked } from "../../src/store/outbox.ts";
import { insertChannelAccount, insertPerson, setScheduledChannel } from "../../src/store/people.ts";
import { listRecipients, officialsOfAgencies } from "../../src/store/recipients.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const byPerson = (a: Recipient, b: Recipient) => a.personId - b.personId;

describeEachDatabase("recipients: the officials of a few agencies", (database) => {
  it("reads each official as listRecipients does, and no one else", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    const db = app.database.db;
    const now = app.clock.now();
    const agency = async (code: string, name: string) =>
      (await insertAgency(db, { code, name, nameKey: code, kind: "department", aliases: [] }, now)).id;
    const [first, second, other] = [
      await agency("a1", "Sở Y tế"),
      await agency("a2", "UBND huyện Đức Cơ"),
      await agency("a3", "Sở Nội vụ"),
    ];
    let chat = 7000;
    const person = async (
      agencyId: number,
      role: "official" | "coordinator",
      channels: ("telegram" | "zalo")[],
    ): Promise<number> => {
      const personId = await insertPerson(db, { name: `Người ${chat}`, role, agencyId }, now);
      for (const channel of channels) {
        chat += 1;
        const id = String(chat);
        await insertChannelAccount(
          db,
          personId,
          { channel, externalUserId: id, chatId: id, displayName: id },
          now,
        );
      }
      return personId;
    };
    const accountOf = async (personId: number, channel: "telegram" | "zalo") =>
      (
        await db
          .selectFrom("channel_accounts")
          .select("id")
          .where("person_id", "=", personId)
          .where("channel", "=", channel)
          .executeTakeFirstOrThrow()
      ).id;
    await person(first, "official", ["telegram", "zalo"]);
    const zaloOnly = await person(first, "official", ["telegram", "zalo"]);
    await setScheduledChannel(db, zaloOnly, "zalo");
    const zaloBlocked = await person(first, "official", ["telegram", "zalo"]);
    await setScheduledChannel(db, zaloBlocked, "zalo");
    await markAccountBlocked(db, await accountOf(zaloBlocked, "zalo"), now);
    const blockedBot = await person(second, "official", ["telegram"]);
    await markAccountBlocked(db, await accountOf(blockedBot, "telegram"), now);
    const away = await person(second, "official", ["telegram"]);
    await recordAbsence(db, away, { from: "2020-03-01", until: "2020-03-31" }, now);
    await person(second, "official", []);
    await person(second, "coordinator", ["telegram"]);
    await person(other, "official", ["telegram"]);

    const absences = await latestAbsences(db);
    const read = await officialsOfAgencies(db, [first, second], absences);
    const expected = (await listRecipients(db, { role: "official", absences })).filter(
      (official) => official.agencyId === first || official.agencyId === second,
    );
    expect(expected).toHaveLength(5);
    expect([...read].sort(byPerson)).toEqual([...expected].sort(byPerson));
    // Each agency's officials in the order they were registered.
    const ofSecond = read.filter((official) => official.agencyId === second).map((o) => o.personId);
    expect(ofSecond).toEqual([blockedBot, away]);
    expect(await officialsOfAgencies(db, [], absences)).toEqual([]);
  });
});
