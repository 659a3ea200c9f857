// A tick with nothing left to plan asks the database who still lacks the round's messages, hears
// "nobody", and stops: no assignment, update or text is read, and no message is rendered.
import { createQueryId, type KyselyPlugin, type RootOperationNode } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { plannerDepsOf } from "../../src/app.ts";
import type { Translator } from "../../src/i18n/translator.ts";
import { planReminders } from "../../src/services/reminder-planner.ts";
import { linkCoordinator, linkOfficial, localMorning, planAt } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

/** The planner's dependencies, recording every statement it runs and every message it formats. */
function watchedDeps(testApp: TestApp) {
  const statements: RootOperationNode[] = [];
  const formatted: string[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(args.node);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const translator: Translator = {
    locale: testApp.translator.locale,
    t: (id, args) => {
      formatted.push(id);
      return testApp.translator.t(id, args);
    },
  };
  const deps = { ...plannerDepsOf(testApp), db: testApp.database.db.withPlugin(recorder), translator };
  const sqlOf = () =>
    statements.map((node) => testApp.database.db.getExecutor().compileQuery(node, createQueryId()).sql);
  return { deps, formatted, sqlOf };
}

describe("reminder planner: a tick with nothing to plan", () => {
  it("reads who lacks the round's messages, nothing more, and renders nothing", async () => {
    app = await createTestApp();
    await linkOfficial(app, "so-tttt", "8101");
    await linkOfficial(app, "so-tttt", "8102");
    await linkOfficial(app, "so-y-te", "8103");
    await linkCoordinator(app, "8900");
    const first = await planAt(app, localMorning("2020-03-13"));
    // The reminders, and the coordinator told of the agencies nobody linked.
    expect(first.planned).toMatchObject({ reminder: 3, unreachable: 1 });

    const { deps, formatted, sqlOf } = watchedDeps(app);
    const repeat = await planReminders(deps, localMorning("2020-03-13", 9));
    expect(Object.values(repeat.planned).every((count) => count === 0)).toBe(true);
    expect(formatted).toEqual([]);
    const statements = sqlOf();
    // The calendar's first period, then who lacks the reminder and who lacks the coordinators' notice.
    expect(statements).toHaveLength(3);
    for (const statement of statements) {
      expect(statement).not.toMatch(/\b(assignments|status_updates|outbox_texts)\b/);
    }
  });

  it("plans and renders only what a newly linked official lacks", async () => {
    app = await createTestApp();
    await linkOfficial(app, "so-tttt", "8201");
    await linkOfficial(app, "so-y-te", "8202");
    await planAt(app, localMorning("2020-03-13"));
    await linkOfficial(app, "so-tai-chinh", "8203");

    const { deps, formatted } = watchedDeps(app);
    const report = await planReminders(deps, localMorning("2020-03-13", 9));
    expect(report.planned.reminder).toBe(1);
    // One agency's reminder: its header once, none of the other agencies'.
    expect(formatted.filter((id) => id === "reminder-header")).toHaveLength(1);
  });
});
