// Asking for many people at once (a summary naming everyone an outage kept from their reminders) reads
// them a few hundred per statement, and answers each once, in the order of their ids.
import { afterEach, describe, expect, it } from "vitest";
import { seedPeople } from "../../bench/seed.ts";
import { listRecipients } from "../../src/store/recipients.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

describe("recipients: many people asked for by id", () => {
  it("answers every one of 1,200 people once, in id order, with their account", async () => {
    app = await createTestApp({ withBuiltinPlan: false });
    const seeded = await seedPeople(app.database.db, {
      agencies: 3,
      officialsPerAgency: 400,
      now: app.clock.now(),
    });
    const asked = seeded.map((account) => account.personId).reverse();
    const found = await listRecipients(app.database.db, { personIds: asked });
    expect(found.map((recipient) => recipient.personId)).toEqual([...asked].sort((a, b) => a - b));
    expect(found.every((recipient) => recipient.accounts.length === 1)).toBe(true);
  });
});
