import { afterEach, expect, it } from "vitest";
import type { OutboxPayload } from "../../src/db/json-columns.ts";
import {
  linkOfficial,
  localMorning,
  outboxRows,
  planAt,
  reportEverything,
} from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

async function payloadOf(testApp: TestApp, kind: string, personId: number): Promise<string> {
  const rows = await outboxRows(testApp.database.db);
  const row = rows.find((r) => r.kind === kind && r.person_id === personId);
  return (JSON.parse(row?.payload ?? "{}") as OutboxPayload).text ?? "";
}

describeEachDatabase("the reminder's reply hint names the reader's own owed tasks", (database) => {
  // Sở Y tế leads II.6, II.7, II.8, III.4, V.1, V.6, V.7, VI.1 in 2020; II.2, II.9 and V.3 are other
  // agencies' tasks, so a hint naming them would send the official to a refusal.
  it("in the reminder and in the overdue notice", async () => {
    const testApp = await createTestApp({ database });
    app = testApp;
    const official = await linkOfficial(testApp, "so-y-te", "9101");
    await planAt(testApp, localMorning("2020-03-13"));
    const reminder = await payloadOf(testApp, "reminder", official.personId);
    expect(reminder).toContain(
      "Trả lời tin nhắn này: «II.6 xong», «II.7 đang làm 60%», «II.8 vướng kinh phí»",
    );
    for (const foreign of ["II.2", "II.9", "V.3"]) expect(reminder).not.toContain(`«${foreign}`);

    await planAt(testApp, localMorning("2020-03-20"));
    const overdue = await payloadOf(testApp, "overdue", official.personId);
    expect(overdue).toContain("«II.6 xong», «II.7 đang làm 60%», «II.8 vướng kinh phí»");
  });

  it("repeats the one code when only one task is owed", async () => {
    const testApp = await createTestApp({ database });
    app = testApp;
    const official = await linkOfficial(testApp, "so-y-te", "9102");
    // Everything but III.4 reported: the next reminder owes III.4 only.
    await reportEverything(testApp, "so-y-te", localMorning("2020-03-12"), "in_progress", ["III.4"]);
    await planAt(testApp, localMorning("2020-03-13"));
    const reminder = await payloadOf(testApp, "reminder", official.personId);
    expect(reminder).toContain("«III.4 xong», «III.4 đang làm 60%», «III.4 vướng kinh phí»");
  });
});
