// A proxy in front of the Bot API answering 502 with an HTML page: the row records the status
// ("502 Bad Gateway"), not a plain network error, and stays retryable like any 5xx.
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { deliverThroughFake, linkPerson, nudgeTo, outboxRow } from "../support/delivery-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

describe("a proxy's error page", () => {
  it("is recorded with its HTTP status and retried later", async () => {
    app = await createTestApp({ withBuiltinPlan: false });
    fake = await startFakeTelegram();
    const account = await linkPerson(
      app.database.db,
      { name: "Cán bộ", role: "official", agencyId: null, chatId: "4343" },
      app.clock.now(),
    );
    fake.failChat(4343, { kind: "html", status: 502 });
    const report = await deliverThroughFake(app, fake, [nudgeTo(account, "k", app.clock.now())], {
      DELIVERY_MAX_ATTEMPTS: "2",
    });
    expect(report).toMatchObject({ sent: 0, failed: 0, deferred: 1 });
    const row = await outboxRow(app.database.db, "k");
    expect(row.status).toBe("pending");
    expect(row.last_error).toMatch(/after 2 attempt\(s\): 502 Bad Gateway$/);
  });
});
