// A running quarter's report reads each range of assignments in one statement: their facts, the
// update each row shows and the counts per period come packed in it, so no update is fetched by id
// when nothing was sent since the instant asked about. An assignment reported on since is read as of
// the instant, and only its update is fetched by id.
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadQuarterReport } from "../../src/services/quarter-report.ts";
import { applyHistory, type HistoryStep, seedSmallPlan } from "../support/random-history.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const ZONE = "Asia/Ho_Chi_Minh";
let app: TestApp;
let assignmentIds: number[];

const inProgress = (progress: number) => ({ status: "in_progress" as const, progress, blocker: null });
const HISTORY: HistoryStep[] = [
  { kind: "message", targets: [9], sentAt: new Date("2020-05-04T03:00:00Z"), contents: [inProgress(20)] },
  { kind: "message", targets: [9], sentAt: new Date("2020-08-04T03:00:00Z"), contents: [inProgress(50)] },
  { kind: "message", targets: [10], sentAt: new Date("2020-08-05T03:00:00Z"), contents: [inProgress(30)] },
  { kind: "message", targets: [10], sentAt: new Date("2020-09-01T03:00:00Z"), contents: [inProgress(70)] },
];

beforeAll(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  assignmentIds = await seedSmallPlan(app.database.db);
  await applyHistory(app.database.db, HISTORY, assignmentIds);
});
afterAll(() => app.dispose());

/** The report of 2020-Q3 asked at `now`, and the statements it ran. */
async function reportAt(now: string) {
  const statements: string[] = [];
  const monitor = app.database.statements;
  if (monitor === null) throw new Error("SQLite has a statement monitor");
  const stop = monitor.watch((statement) => statements.push(statement));
  try {
    const { report } = await loadQuarterReport(app.database.db, {
      quarter: "2020-Q3",
      now: new Date(now),
      zone: ZONE,
    });
    return { report, statements };
  } finally {
    stop();
  }
}

const packed = (statements: readonly string[]) =>
  statements.filter((statement) => statement.includes("json_group_array(json_array("));
const updatesById = (statements: readonly string[]) =>
  statements.filter((statement) => /from "status_updates" as "u".*"u"\."id" in \(/s.test(statement));
const rowOf = (report: { rows: { assignmentId: number }[] }, target: number) =>
  report.rows.find((row) => row.assignmentId === assignmentIds[target]);

it("reads the facts, the shown updates and the counts in one statement, none by id", async () => {
  const { report, statements } = await reportAt("2020-09-10T02:00:00Z");
  expect(packed(statements)).toHaveLength(1);
  expect(updatesById(statements)).toEqual([]);
  expect(rowOf(report, 9)).toMatchObject({ progress: 50, rawText: "tin 1", reportedInPeriod: true });
  expect(rowOf(report, 10)).toMatchObject({ progress: 70, rawText: "tin 3" });
  const cumulative = report.cumulative?.rows.find((row) => row.assignmentId === assignmentIds[9]);
  expect(cumulative).toMatchObject({ updatesSinceYearStart: 2, reportedByPeriod: [false, true, true] });
});

it("reads an assignment reported on since the instant as of it, its update by id", async () => {
  const { report, statements } = await reportAt("2020-08-20T00:00:00Z");
  expect(packed(statements)).toHaveLength(1);
  expect(updatesById(statements)).toHaveLength(1);
  expect(rowOf(report, 10)).toMatchObject({ progress: 30, rawText: "tin 2" });
  expect(rowOf(report, 9)).toMatchObject({ progress: 50, rawText: "tin 1" });
});
