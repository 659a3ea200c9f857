// The plans shipped with the product: each entry names its file's own codes, the 2026 example reads
// whole (every task in 2026, no problem), shares task codes with NQ17, and its communes are well formed.
import { describe, expect, it } from "vitest";
import { inferAgencyKind } from "../../src/domain/agency-name.ts";
import { taskSchedule } from "../../src/domain/timeframe.ts";
import { BUILTIN_AGENCIES, EXAMPLE_LOCAL_UNITS } from "../../src/plan-import/builtin/agencies.ts";
import { BUILTIN_PLANS, builtinPlansNamed, GIA_LAI_CDS2026 } from "../../src/plan-import/builtin-plans.ts";
import { builtinCatalogue } from "../../src/plan-import/read-catalogue.ts";

describe("the built-in plans", () => {
  it.each(BUILTIN_PLANS.map((plan) => [plan.shortCode, plan] as const))(
    "%s: the entry names its file's codes",
    async (_name, plan) => {
      const { catalogue, problems } = await builtinCatalogue(plan);
      expect(problems).toEqual([]);
      expect({ code: catalogue.code, shortCode: catalogue.shortCode }).toEqual({
        code: plan.code,
        shortCode: plan.shortCode,
      });
    },
  );

  it("are named by short code in any case, by full code, or all; the Gia Lai plan by default", () => {
    expect(builtinPlansNamed(true)?.map((plan) => plan.shortCode)).toEqual(["NQ17"]);
    expect(builtinPlansNamed("cds2026")).toEqual([GIA_LAI_CDS2026]);
    expect(builtinPlansNamed("gia-lai-cds-2026")).toEqual([GIA_LAI_CDS2026]);
    expect(builtinPlansNamed("All")?.length).toBe(BUILTIN_PLANS.length);
    expect(builtinPlansNamed("CDS2025")).toBeNull();
  });

  it("the 2026 example: 3–4 sections, 10–14 tasks, all within 2026, codes shared with NQ17", async () => {
    const { catalogue } = await builtinCatalogue(GIA_LAI_CDS2026);
    expect(catalogue.sections.length).toBeGreaterThanOrEqual(3);
    expect(catalogue.sections.length).toBeLessThanOrEqual(4);
    expect(catalogue.tasks.length).toBeGreaterThanOrEqual(10);
    expect(catalogue.tasks.length).toBeLessThanOrEqual(14);
    for (const task of catalogue.tasks) {
      const schedule = taskSchedule(task.timeframes, task.note, { fromYear: 2026, toYear: 2026 });
      expect(schedule.unreadable, task.code).toEqual([]);
      expect(schedule.activeYears, task.code).toEqual([2026]);
      expect(schedule.dueDate === null || schedule.dueDate.startsWith("2026-"), task.code).toBe(true);
    }
    const nq17 = new Set((await builtinCatalogue()).catalogue.tasks.map((task) => task.code));
    const shared = catalogue.tasks.filter((task) => nq17.has(task.code)).map((task) => task.code);
    expect(shared).toEqual(expect.arrayContaining(["I.1", "II.2"]));
  });

  it("its wards and communes: kinds as their names say, codes of their own", () => {
    const seeded = new Set(BUILTIN_AGENCIES.map((agency) => agency.code));
    for (const unit of EXAMPLE_LOCAL_UNITS) {
      expect(inferAgencyKind(unit.name), unit.name).toBe(unit.kind);
      expect(["commune", "ward"]).toContain(unit.kind);
      expect(seeded.has(unit.code), unit.code).toBe(false);
    }
    expect(new Set(EXAMPLE_LOCAL_UNITS.map((unit) => unit.code)).size).toBe(EXAMPLE_LOCAL_UNITS.length);
  });
});
