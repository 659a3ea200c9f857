// Status messages ready at the same time are written in one transaction on SQLite (db/write-groups.ts):
// each is committed before its caller hears back, a redelivery among them is still stored once, and a
// write that fails takes nobody else's with it. PostgreSQL writes each alone, with the same outcomes.
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_CALENDAR_RULES, periodContaining } from "../../src/domain/calendar.ts";
import { type RecordOutcome, recordUpdates } from "../../src/services/status-reporting.ts";
import { type AssignmentRef, agencyAssignmentsOfTaskCode } from "../../src/store/assignments.ts";
import { findLinkedPerson, type LinkedPerson } from "../../src/store/people.ts";
import { agencyIdOf, linkOfficial } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SENT_AT = new Date("2020-03-10T02:00:00Z");

describeEachDatabase("status messages stored together", (database) => {
  let app: TestApp;
  let person: LinkedPerson;
  let task: AssignmentRef;

  beforeEach(async () => {
    app = await createTestApp({ at: SENT_AT.toISOString(), database });
    await linkOfficial(app, "so-tttt", "1001");
    const db = app.database.db;
    const linked = await findLinkedPerson(db, "telegram", "1001");
    const [own] = await agencyAssignmentsOfTaskCode(db, "II.2", await agencyIdOf(db, "so-tttt"));
    if (!linked || !own) throw new Error("fixture: Sở TT&TT's official and task II.2");
    person = linked;
    task = own;
  });
  afterEach(() => app.dispose());

  /** Message n of the chat: "II.2 đang làm n%", or (assignmentId) an update of another assignment. */
  function record(n: number, options: { updateKey?: string; assignmentId?: number } = {}) {
    const assignment = { ...task, assignmentId: options.assignmentId ?? task.assignmentId };
    return recordUpdates(
      app.database.db,
      {
        person,
        channel: "telegram",
        chatId: "1001",
        messageId: String(n),
        messageKey: `telegram:1001:${n}`,
        updateKey: options.updateKey ?? `msg:1001:${n}`,
        rawText: `II.2 đang làm ${n}%`,
        sentAt: SENT_AT,
      },
      [{ assignment, content: { status: null, progress: n, blocker: null, eta: null } }],
      periodContaining(SENT_AT, DEFAULT_CALENDAR_RULES),
      app.clock.now(),
    );
  }

  /** The stored percentages in the order of their ids (PostgreSQL may number concurrent writes apart). */
  async function storedProgress(): Promise<number[]> {
    const rows = await app.database.db
      .selectFrom("status_updates")
      .select("progress")
      .orderBy("id")
      .execute();
    return rows.map((row) => row.progress ?? -1);
  }

  it("stores every message, the facts those of the last one stored", async () => {
    const outcomes = await Promise.all([1, 2, 3].map((n) => record(n * 10)));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["stored", "stored", "stored"]);
    const stored = await storedProgress();
    expect([...stored].sort((a, b) => a - b)).toEqual([10, 20, 30]);
    // Sent at the same second: the latest is the one with the highest id.
    const latest = await app.database.db
      .selectFrom("assignment_latest")
      .select("progress")
      .where("assignment_id", "=", task.assignmentId)
      .executeTakeFirstOrThrow();
    expect(latest.progress).toBe(stored.at(-1));
  });

  it("stores a redelivered message once, even beside its first delivery", async () => {
    const outcomes = await Promise.all([record(10), record(10), record(20)]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["stored", "duplicate", "stored"]);
    expect((await storedProgress()).sort((a, b) => a - b)).toEqual([10, 20]);
  });

  it("fails only the write that fails, and stores the others", async () => {
    const settled = await Promise.allSettled([
      record(10),
      record(20, { assignmentId: 999_999 }), // no such assignment: the foreign key refuses it
      record(30),
    ]);
    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await storedProgress()).sort((a, b) => a - b)).toEqual([10, 30]);
  });

  if (database === "sqlite") {
    it("commits them in one transaction before any of them is answered", async () => {
      const monitor = app.database.statements;
      if (monitor === null) throw new Error("SQLite has a statement monitor");
      const statements: string[] = [];
      const stop = monitor.watch((sql) => statements.push(sql.trim().split(/\s/)[0]?.toLowerCase() ?? ""));
      // Another connection sees only what is committed.
      const reader = new SQLite(app.databasePath, { readonly: true });
      const committedCount = () =>
        (reader.prepare("select count(*) as n from status_updates").get() as { n: number }).n;
      try {
        const seenWhenAnswered: number[] = [];
        const answered = (outcome: RecordOutcome) => {
          seenWhenAnswered.push(committedCount());
          return outcome;
        };
        await Promise.all([1, 2, 3].map((n) => record(n).then(answered)));
        expect(seenWhenAnswered).toEqual([3, 3, 3]);
        expect(statements.filter((verb) => verb === "begin" || verb === "commit")).toEqual([
          "begin",
          "commit",
        ]);
      } finally {
        stop();
        reader.close();
      }
    });
  }
});
