// After the upgrade to per-channel keys: a round planned under the old person-only key is not planned
// again on any channel; a person on two channels otherwise gets one row per channel.
import { afterEach, expect, it } from "vitest";
import { enqueueOutbox } from "../../src/store/outbox.ts";
import { insertChannelAccount } from "../../src/store/people.ts";
import { linkOfficial, localMorning, outboxRows, planAt } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

async function linkZaloToo(test: TestApp, personId: number, chatId: string): Promise<void> {
  await insertChannelAccount(
    test.database.db,
    personId,
    { channel: "zalo", externalUserId: chatId, chatId, displayName: chatId },
    test.clock.now(),
  );
}

describeEachDatabase("reminder planner across the upgrade to one key per channel", (database) => {
  it("plans once per channel, and nothing for a round already planned under the old key", async () => {
    app = await createTestApp({ database });
    const upgraded = await linkOfficial(app, "so-tttt", "9101");
    await linkZaloToo(app, upgraded.personId, "z-9101");
    const fresh = await linkOfficial(app, "so-y-te", "9102");
    await linkZaloToo(app, fresh.personId, "z-9102");
    const at = localMorning("2020-03-13"); // D-7
    // What the old version planned (and maybe sent) before the restart.
    await enqueueOutbox(
      app.database.db,
      [
        {
          key: `reminder:2020-Q1:d7:p${upgraded.personId}`,
          kind: "reminder",
          personId: upgraded.personId,
          accountId: upgraded.accountId,
          channel: "telegram",
          chatId: upgraded.chatId,
          payload: { text: "⏰ old" },
          assignmentIds: [],
          periodKey: "2020-Q1",
          notBefore: at,
          expiresAt: null,
        },
      ],
      app.clock.now(),
    );
    const report = await planAt(app, at);
    expect(report.planned.reminder).toBe(2);
    const keys = (await outboxRows(app.database.db)).map((row) => row.key).sort();
    expect(keys).toEqual(
      [
        `reminder:2020-Q1:d7:p${upgraded.personId}`,
        `reminder:2020-Q1:d7:p${fresh.personId}:telegram`,
        `reminder:2020-Q1:d7:p${fresh.personId}:zalo`,
      ].sort(),
    );
    expect((await planAt(app, at)).planned.reminder).toBe(0);
  });
});
