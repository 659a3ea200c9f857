// Who is behind and the quarter's report at a province's scale give the event loop a turn every few
// milliseconds (README: never frozen): while each runs, a chat's query keeps being answered, and none
// waits long. The margin (250 ms) holds on a loaded two-core machine; the bench asks for 100 ms.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBehindPage } from "../../src/services/behind-page.ts";
import { loadBehindReport } from "../../src/services/behind-query.ts";
import { loadQuarterReport } from "../../src/services/quarter-report.ts";
import { findAgencyById } from "../../src/store/agencies.ts";
import { createYieldPoint } from "../../src/yield-point.ts";
import { seedBulkHistory } from "../support/bulk-history.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const AT = new Date("2020-09-10T02:00:00Z");
const ZONE = "Asia/Ho_Chi_Minh";
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ withBuiltinPlan: false, at: AT.toISOString() });
  await seedBulkHistory(app, { agencies: 500, tasks: 100, leadsPerTask: 100, updates: 60_000 }, AT);
}, 120_000);
afterAll(() => app.dispose());

/**
 * Runs `work` while a chat-like query is asked every few milliseconds: how many answers came while
 * it ran, and the longest wait for one, counted from when the question was due (a loop held by the
 * work delays the asking too).
 */
async function chatWhile(work: () => Promise<unknown>): Promise<{ answered: number; longestWait: number }> {
  let answered = 0;
  let longestWait = 0;
  let running = true;
  const asking = (async () => {
    while (running) {
      const due = performance.now() + 5;
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
      await findAgencyById(app.database.db, 1);
      longestWait = Math.max(longestWait, performance.now() - due);
      if (running) answered += 1;
    }
  })();
  await work();
  running = false;
  await asking;
  return { answered, longestWait };
}

// Turns after every slice of a millisecond: each yield point between statements is one, however fast
// the machine (the default slice, 20 ms, would let a fast one run a small load through at once).
const yieldPoint = () => createYieldPoint(1);
const query = () => ({ at: AT, zone: ZONE, staleAfterDays: 30, yieldPoint: yieldPoint() });
const report = (quarter: string) => () =>
  loadQuarterReport(app.database.db, { quarter, now: AT, zone: ZONE, yieldPoint: yieldPoint() });
const loads: [string, () => Promise<unknown>][] = [
  [
    "the chat's first page",
    () => loadBehindPage(app.database.db, query(), { view: "missing", page: 1, size: 10 }),
  ],
  ["the whole report (behind --json)", () => loadBehindReport(app.database.db, query())],
  ["the running quarter's report", report("2020-Q3")],
  ["an ended quarter's report", report("2020-Q2")],
];

describe("who is behind and the report at 10,000 assignments and 60,000 updates", () => {
  // Once each first, as a running bot has: compiling the code is not what is measured.
  beforeAll(async () => {
    for (const [, work] of loads) await work();
  }, 120_000);

  it.each(loads)("%s leaves no chat query waiting long", async (_, work) => {
    const { answered, longestWait } = await chatWhile(work);
    // Held from start to end, the loop would answer nothing until the work is done.
    expect(answered).toBeGreaterThanOrEqual(1);
    expect(longestWait).toBeLessThanOrEqual(250);
  });
});
