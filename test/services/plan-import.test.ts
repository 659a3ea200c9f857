import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgencyKind } from "../../src/domain/vocabulary.ts";
import type { CatalogueReadResult } from "../../src/plan-import/catalogue.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";
import { ImportError, type ImportSummary, importPlan } from "../../src/services/plan-import.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

describeEachDatabase("importing a plan", (database) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await createTestApp({ database, withBuiltinPlan: false });
  });
  afterEach(async () => {
    await app.dispose();
  });

  function runImport(read: CatalogueReadResult): Promise<ImportSummary> {
    return importPlan(app.database.db, read, { actor: "test", now: app.clock.now(), source: "test" });
  }

  async function leadCodes(taskCode: string): Promise<string[]> {
    const rows = await app.database.db
      .selectFrom("assignments")
      .innerJoin("tasks", "tasks.id", "assignments.task_id")
      .innerJoin("agencies", "agencies.id", "assignments.agency_id")
      .select("agencies.code")
      .where("tasks.code", "=", taskCode)
      .where("assignments.retired_at", "is", null)
      .orderBy("agencies.code")
      .execute();
    return rows.map((row) => row.code);
  }

  describe("importing the built-in Gia Lai plan", () => {
    it("creates 7 sections, 34 tasks and an assignment per lead agency", async () => {
      const summary = await runImport(await builtinCatalogue());
      expect(summary.planCreated).toBe(true);
      expect(summary.added).toHaveLength(34);
      // Every agency it names, outside bodies included, is in the built-in registry.
      expect(summary.agenciesCreated).toEqual([]);
      expect(summary.problems).toEqual([]);
      expect(summary.withoutLead).toEqual(["VII.1"]);
      const db = app.database.db;
      expect(await db.selectFrom("sections").select("code").execute()).toHaveLength(7);
      expect(await leadCodes("I.5")).toEqual(["so-noi-vu", "so-tttt"]);
      // "..." is ignored; the three named agencies lead II.3.
      expect(await leadCodes("II.3")).toEqual(["ca-tinh", "so-khdt", "so-tnmt"]);
      // "Công an tỉnh và các sở, ngành liên quan": Công an tỉnh leads, the vague rest is a note.
      expect(await leadCodes("V.8")).toEqual(["ca-tinh", "so-noi-vu", "so-tttt"]);
      const v8 = await db.selectFrom("tasks").selectAll().where("code", "=", "V.8").executeTakeFirstOrThrow();
      expect(v8.lead_note).toMatch(/liên quan/);
    });

    it("expands collective names to every registered agency of those kinds", async () => {
      await runImport(await builtinCatalogue());
      const db = app.database.db;
      const count = async (kinds: AgencyKind[]) =>
        (await db.selectFrom("agencies").select("id").where("kind", "in", kinds).execute()).length;
      // II.6: "Các sở, ngành, địa phương" — departments, sectors and districts.
      expect(await leadCodes("II.6")).toHaveLength(await count(["department", "sector", "district"]));
      // II.7: "Các sở, ngành" and "UBND cấp huyện".
      expect(await leadCodes("II.7")).toHaveLength(await count(["department", "sector", "district"]));
      // V.7: Sở TT&TT, Đài PT-TH tỉnh and "Các sở, ngành, UBND cấp huyện" in one item.
      const v7 = await leadCodes("V.7");
      expect(v7).toContain("so-tttt");
      expect(v7).toContain("dai-ptth");
      expect(v7).toContain("tp-pleiku");
      expect(v7).toContain("h-chu-pah");
      expect(await count(["district"])).toBe(17);
    });

    it("stores each task's active years and due date", async () => {
      await runImport(await builtinCatalogue());
      const rows = await app.database.db.selectFrom("tasks").selectAll().execute();
      const byCode = new Map(rows.map((row) => [row.code, row]));
      expect(byCode.get("I.1")?.due_date).toBe("2019-12-31");
      expect(JSON.parse(byCode.get("I.1")?.active_years ?? "")).toEqual([2019]);
      expect(byCode.get("I.2")?.due_date).toBeNull();
      expect(byCode.get("I.2")?.conditional).toBe(1);
      expect(JSON.parse(byCode.get("I.2")?.active_years ?? "")).toEqual([
        2019, 2020, 2021, 2022, 2023, 2024, 2025,
      ]);
      expect(byCode.get("II.1")?.due_date).toBe("2025-12-31");
      expect(byCode.get("II.10")?.due_date).toBe("2020-12-31");
    });

    it("changes nothing when the same plan is imported again", async () => {
      await runImport(await builtinCatalogue());
      const db = app.database.db;
      const before = await db.selectFrom("assignments").selectAll().orderBy("id").execute();
      const again = await runImport(await builtinCatalogue());
      expect(again.planCreated).toBe(false);
      expect(again.added).toEqual([]);
      expect(again.changed).toEqual([]);
      expect(again.retired).toEqual([]);
      expect(again.agenciesCreated).toEqual([]);
      expect(again.assignmentsAdded).toBe(0);
      expect(again.assignmentsRetired).toBe(0);
      expect(await db.selectFrom("assignments").selectAll().orderBy("id").execute()).toEqual(before);
      expect(await db.selectFrom("tasks").select("id").execute()).toHaveLength(34);
    });
  });

  describe("re-importing an edited plan", () => {
    it("updates in place, retires dropped tasks and keeps their status history", async () => {
      const original = await builtinCatalogue();
      await runImport(original);
      const db = app.database.db;
      const assignment = await db
        .selectFrom("assignments")
        .innerJoin("tasks", "tasks.id", "assignments.task_id")
        .select(["assignments.id", "tasks.id as taskId"])
        .where("tasks.code", "=", "III.4")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("status_updates")
        .values({
          assignment_id: assignment.id,
          person_id: null,
          channel: "console",
          chat_id: null,
          message_id: null,
          raw_text: "III.4 đang làm 50%",
          status: "in_progress",
          progress: 50,
          blocker: null,
          eta: null,
          sent_at: "2020-03-01T03:00:00.000Z",
          received_at: "2020-03-01T03:00:00.000Z",
          period_key: "2020-Q1",
          message_key: "console:test:1",
        })
        .execute();

      const edited: CatalogueReadResult = structuredClone(original);
      edited.catalogue.tasks = edited.catalogue.tasks
        .filter((task) => task.code !== "III.4")
        .map((task) =>
          task.code === "II.2"
            ? { ...task, title: `${task.title} (sửa đổi)`, lead: ["Sở TT&TT", "Sở Y tế"] }
            : task,
        );
      const summary = await runImport(edited);
      expect(summary.added).toEqual([]);
      expect(summary.retired).toEqual(["III.4"]);
      expect(summary.changed.map((change) => change.code)).toEqual(["II.2"]);
      expect(summary.changed[0]?.fields).toContain("title");
      expect(summary.assignmentsAdded).toBe(1);
      // "Sở TT&TT" is the same agency as "Sở Thông tin và Truyền thông".
      expect(await leadCodes("II.2")).toEqual(["so-tttt", "so-y-te"]);

      const retired = await db
        .selectFrom("tasks")
        .selectAll()
        .where("code", "=", "III.4")
        .executeTakeFirstOrThrow();
      expect(retired.retired_at).not.toBeNull();
      const history = await db.selectFrom("status_updates").selectAll().execute();
      expect(history).toHaveLength(1);
      expect(history[0]?.raw_text).toBe("III.4 đang làm 50%");

      // Bringing the task back restores the same row, history attached.
      const restored = await runImport(original);
      expect(restored.changed.map((change) => change.code).sort()).toEqual(["II.2", "III.4"]);
      const back = await db
        .selectFrom("tasks")
        .selectAll()
        .where("code", "=", "III.4")
        .executeTakeFirstOrThrow();
      expect(back.id).toBe(assignment.taskId);
      expect(back.retired_at).toBeNull();
      expect(await leadCodes("II.2")).toEqual(["so-tttt"]);
    });

    it("refuses a catalogue with no task", async () => {
      const empty: CatalogueReadResult = structuredClone(await builtinCatalogue());
      empty.catalogue.tasks = [];
      await expect(runImport(empty)).rejects.toBeInstanceOf(ImportError);
    });
  });

  describe("a task row with an unreadable timeframe", () => {
    it("is imported and reported once, as a warning, never as an unread row", async () => {
      const read: CatalogueReadResult = structuredClone(await builtinCatalogue());
      const edited = read.catalogue.tasks.map((task) =>
        task.code === "I.1" ? { ...task, timeframes: ["Quý 5/2020", null], sourceRow: 8 } : task,
      );
      read.catalogue.tasks = edited;
      const summary = await runImport(read);
      expect(summary.added).toContain("I.1");
      expect(summary.problems).toEqual([
        {
          row: 8,
          severity: "warning",
          messageId: "import-problem-unreadable-timeframe",
          args: { task: "I.1", text: "Quý 5/2020", fallback: "span" },
        },
      ]);
      const task = await app.database.db
        .selectFrom("tasks")
        .selectAll()
        .where("code", "=", "I.1")
        .executeTakeFirstOrThrow();
      expect(task.due_date).toBeNull();
      expect(task.timeframes).toBe(JSON.stringify(["Quý 5/2020"]));
    });
  });
});
