// The report calendar is read once per database and zone (every message needs it), and read again
// when a plan is imported: at once in this process, within a minute from another process.
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_CALENDAR_RULES, periodContaining } from "../../src/domain/calendar.ts";
import { readCatalogueFile } from "../../src/plan-import/read-catalogue.ts";
import { loadCalendar, loadCalendarRules } from "../../src/services/calendar-rules.ts";
import { importPlan } from "../../src/services/plan-import.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SAMPLE = fileURLToPath(new URL("../../examples/plan-sample.csv", import.meta.url));
const ZONE = "Asia/Ho_Chi_Minh";

let app: TestApp | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await app?.dispose();
  app = undefined;
});

async function openApp(withBuiltinPlan: boolean): Promise<TestApp> {
  app = await createTestApp({ withBuiltinPlan });
  return app;
}

function executed(testApp: TestApp): number {
  return testApp.database.statements?.stats().executed ?? Number.NaN;
}

const firstOf = async (testApp: TestApp) => {
  const { firstYear, firstQuarter } = await loadCalendarRules(testApp.database.db, ZONE);
  return `${firstYear}-Q${firstQuarter}`;
};

describe("the cached report calendar", () => {
  it("is read from the database once", async () => {
    const testApp = await openApp(true);
    expect(await firstOf(testApp)).toBe("2019-Q2");
    const before = executed(testApp);
    expect(await firstOf(testApp)).toBe("2019-Q2");
    expect(executed(testApp)).toBe(before);
  });

  it("is read again after a plan is imported in this process", async () => {
    const testApp = await openApp(false);
    expect(await firstOf(testApp)).toBe("2019-Q2"); // no plan yet: the fallback
    const read = await readCatalogueFile(SAMPLE, { planCode: "cds-2024" });
    await importPlan(testApp.database.db, read, { actor: "test", now: testApp.clock.now(), source: SAMPLE });
    expect(await firstOf(testApp)).toBe("2024-Q1"); // the sample says nothing: its first year's Q1
  });

  it("sees another process's import within a minute", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const testApp = await openApp(true);
    expect(await firstOf(testApp)).toBe("2019-Q2");
    const other = new SQLite(testApp.databasePath);
    try {
      other.prepare("update plans set first_report_year = 2018, first_report_quarter = 4").run();
    } finally {
      other.close();
    }
    vi.advanceTimersByTime(59_000);
    expect(await firstOf(testApp)).toBe("2019-Q2");
    vi.advanceTimersByTime(2_000);
    expect(await firstOf(testApp)).toBe("2018-Q4");
  });

  it("is read afresh inside a transaction, which may be changing the plan", async () => {
    const testApp = await openApp(true);
    await firstOf(testApp);
    const db = testApp.database.db;
    const inside = await db.transaction().execute(async (trx) => {
      await trx.updateTable("plans").set({ first_report_year: 2018, first_report_quarter: 4 }).execute();
      return loadCalendarRules(trx, ZONE);
    });
    expect(inside).toMatchObject({ firstYear: 2018, firstQuarter: 4 });
  });

  it("gives every instant the period the calendar's rule gives it, boundaries included", async () => {
    const testApp = await openApp(true);
    const calendar = await loadCalendar(testApp.database.db, ZONE);
    const rules = { ...DEFAULT_CALENDAR_RULES, zone: ZONE };
    const instants: Date[] = [new Date("2018-05-01T00:00:00Z"), new Date("2019-06-19T16:59:59.999Z")];
    for (let day = 0; day < 900; day += 3) {
      instants.push(new Date(Date.UTC(2019, 2, 1) + day * 86_400_000 + (day % 24) * 3_600_000));
    }
    // Each deadline (00:00 on the 20th, local) and the millisecond before it.
    for (const deadline of ["2019-06-19T17:00:00Z", "2019-12-19T17:00:00Z", "2020-03-19T17:00:00Z"]) {
      instants.push(new Date(deadline), new Date(Date.parse(deadline) - 1));
    }
    // Back and forth, so that later instants meet periods kept from earlier ones.
    for (const instant of [...instants, ...instants.reverse()]) {
      const expected = periodContaining(instant, rules);
      expect(calendar.periodContaining(instant), instant.toISOString()).toEqual(expected);
    }
  });
});
