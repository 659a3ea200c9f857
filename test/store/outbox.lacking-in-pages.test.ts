// Who lacks a round's message is asked a page of people at a time (a country's 20,000 officials would
// hold the event loop in one statement): the pages together answer what one question would, each
// page says where the next starts, and the last says it is the last.
import { afterEach, expect, it } from "vitest";
import { seedPeople } from "../../bench/seed.ts";
import { outboxKeys, roundKeyPrefixes } from "../../src/domain/outbox-keys.ts";
import { accountsLackingKey, enqueueOutbox } from "../../src/store/outbox.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describeEachDatabase("outbox: who lacks a round's message, page by page", (database) => {
  it("answers every person lacking it once across pages, and stops after the last", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
    const db = app.database.db;
    const now = app.clock.now();
    const seeded = await seedPeople(db, { agencies: 1, officialsPerAgency: 5, now });
    const prefix = roundKeyPrefixes.reminder("2020-Q1", 7);
    // The second and fourth already have the round's message.
    const planned = [seeded[1], seeded[3]].flatMap((account) => (account ? [account] : []));
    await enqueueOutbox(
      db,
      planned.map((account) => ({
        key: outboxKeys.onChannel(outboxKeys.ofPerson(prefix, account.personId), "telegram"),
        kind: "reminder",
        personId: account.personId,
        accountId: account.accountId,
        channel: "telegram",
        chatId: account.chatId,
        payload: { text: "nhắc" },
        assignmentIds: [],
        periodKey: "2020-Q1",
        notBefore: now,
      })),
      now,
    );
    const request = { role: "official" as const, keyPrefix: prefix };
    const pages = [];
    for (let after: number | null = 0; after !== null; after = pages.at(-1)?.next ?? null) {
      pages.push(await accountsLackingKey(db, { ...request, afterPersonId: after, pageSize: 2 }));
    }
    const ids = seeded.map((account) => account.personId);
    expect(pages.map((page) => page.next)).toEqual([ids[1], ids[3], null]);
    // A page's accounts in no particular order.
    const lacking = pages
      .flatMap((page) => page.accounts.map((account) => account.personId))
      .sort((a, b) => a - b);
    expect(lacking).toEqual([ids[0], ids[2], ids[4]]);
    const whole = await accountsLackingKey(db, { ...request, afterPersonId: 0, pageSize: 100 });
    expect(whole.next).toBeNull();
    expect(whole.accounts.map((account) => account.personId).sort((a, b) => a - b)).toEqual(lacking);
  });
});
