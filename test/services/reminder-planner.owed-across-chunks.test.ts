// A round over more agencies than one chunk holds: every reachable official gets one reminder, listing
// exactly what their agency still owes as of the tick (nothing reported in the period, not done, an
// update sent after the tick not yet counted), and agencies nobody can be reached in are reported,
// not written to but named to the coordinator. What is owed is worked out here from the updates the test writes, not read back.
import { afterEach, expect, it } from "vitest";
import { seedPeople, seedPlan } from "../../bench/seed.ts";
import { outboxAssignmentIds, outboxPayloadColumn } from "../../src/db/json-columns.ts";
import type { UpdateStatus } from "../../src/domain/vocabulary.ts";
import { recordAbsence } from "../../src/store/absences.ts";
import { markAccountBlocked } from "../../src/store/outbox.ts";
import { appendStatusUpdates } from "../../src/store/status-updates.ts";
import { linkCoordinator, outboxRows, planAt } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

// D-7 of 2020-Q1 at 08:00 in Gia Lai.
const TICK = new Date("2020-03-13T01:00:00Z");

/** What each assignment's history is, by its place in id order. */
const HISTORIES: ({ status: UpdateStatus; sentAt: string; periodKey: string } | null)[] = [
  null,
  // Reported in the period: not owed.
  { status: "in_progress", sentAt: "2020-03-05T03:00:00Z", periodKey: "2020-Q1" },
  // Done last quarter: no longer open.
  { status: "done", sentAt: "2019-12-01T03:00:00Z", periodKey: "2019-Q4" },
  // Blocked last quarter: still owes this one.
  { status: "blocked", sentAt: "2019-12-01T03:00:00Z", periodKey: "2019-Q4" },
  // Sent after the tick: not counted yet.
  { status: "done", sentAt: "2020-03-14T03:00:00Z", periodKey: "2020-Q1" },
];

describeEachDatabase("reminder planner: what each agency owes, across chunks", (database) => {
  it("reminds each reachable official once of exactly what their agency owes", async () => {
    app = await createTestApp({ database, withBuiltinPlan: false, at: TICK.toISOString() });
    const db = app.database.db;
    const now = app.clock.now();
    const accounts = await seedPeople(db, { agencies: 23, officialsPerAgency: 2, now });
    const agencyIds = [...new Set(accounts.map((account) => account.agencyId))];
    await seedPlan(db, { tasks: 6, year: 2020, agencyIds, now });
    const assignments = await db
      .selectFrom("assignments")
      .select(["id", "agency_id as agencyId"])
      .orderBy("id")
      .execute();
    const owedOf = new Map<number, number[]>();
    for (const [index, assignment] of assignments.entries()) {
      const history = HISTORIES[index % HISTORIES.length] ?? null;
      if (history !== null) {
        await appendStatusUpdates(
          db,
          [
            {
              assignmentId: assignment.id,
              personId: null,
              channel: "telegram",
              chatId: null,
              messageId: null,
              messageKey: `test:${assignment.id}`,
              revision: 0,
              rawText: history.status,
              status: history.status,
              progress: null,
              blocker: history.status === "blocked" ? "thiếu kinh phí" : null,
              eta: null,
              sentAt: new Date(history.sentAt),
              periodKey: history.periodKey,
            },
          ],
          new Date(history.sentAt),
        );
      }
      const owed = history === null || history.status === "blocked" || history.sentAt > TICK.toISOString();
      if (owed) owedOf.set(assignment.agencyId, [...(owedOf.get(assignment.agencyId) ?? []), assignment.id]);
    }
    // Nobody reachable: one agency's officials all blocked the bot, another's are all away.
    const [blockedAgency, awayAgency] = [agencyIds[4], agencyIds[17]];
    for (const account of accounts) {
      if (account.agencyId === blockedAgency) await markAccountBlocked(db, account.accountId, now);
      if (account.agencyId === awayAgency) {
        await recordAbsence(db, account.personId, { from: "2020-03-10", until: "2020-03-20" }, now);
      }
    }

    // A coordinator to tell: every agency is visited, the unreachable ones too.
    await linkCoordinator(app, "8900");

    const report = await planAt(app, TICK);
    expect(report.unreachable.map((u) => u.reason).sort()).toEqual(["away", "blocked"]);
    expect(report.planned.unreachable).toBe(1);
    const reminders = (await outboxRows(db)).filter((row) => row.kind === "reminder");
    const reachable = accounts.filter((a) => a.agencyId !== blockedAgency && a.agencyId !== awayAgency);
    expect(reminders.map((row) => row.person_id).sort((a, b) => a - b)).toEqual(
      reachable.map((a) => a.personId).sort((a, b) => a - b),
    );
    for (const row of reminders) {
      const agencyId = accounts.find((account) => account.personId === row.person_id)?.agencyId ?? 0;
      const owed = owedOf.get(agencyId) ?? [];
      expect(owed.length).toBeGreaterThan(0);
      expect(outboxAssignmentIds.decode(row.assignment_ids)).toEqual(owed);
      const text = outboxPayloadColumn.decode(row.payload).text;
      expect(text).toContain(`Còn ${owed.length} nhiệm vụ chưa cập nhật`);
    }
  });
});
