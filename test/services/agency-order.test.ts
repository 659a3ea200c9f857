import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byVietnamese } from "../../src/domain/collation.ts";
import { agencyStandings } from "../../src/domain/reminder-plan.ts";
import { agencyCandidates } from "../../src/services/agency-lookup.ts";
import { loadAssignmentSnapshots } from "../../src/services/period-snapshot.ts";
import { listAgencies } from "../../src/store/agencies.ts";
import { leadNamesOfTaskCode } from "../../src/store/assignments.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

describeEachDatabase("the agency order", (database) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ database });
  });
  afterAll(async () => {
    await app.dispose();
  });

  /** Asserts Vietnamese order, and that the list is one SQLite's code-point order would get wrong. */
  function expectVietnameseOrder(names: string[]): void {
    expect(names).toEqual([...names].sort(byVietnamese));
    expect(names).not.toEqual([...names].sort());
  }

  function expectBefore(names: string[], first: string, second: string): void {
    expect(names.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(names.indexOf(first)).toBeLessThan(names.indexOf(second));
  }

  describe("agencies are listed in Vietnamese alphabetical order", () => {
    it("in a task's lead agencies (the snapshot behind /tinhhinh, the report and reminders)", async () => {
      const snapshots = await loadAssignmentSnapshots(app.database.db, {
        until: app.clock.now(),
        periodKey: "2020-Q1",
      });
      // II.6 is led by every department, sector and district: 40 agencies.
      const leads = snapshots.filter((s) => s.taskCode === "II.6").map((s) => s.agencyName);
      expect(leads).toHaveLength(40);
      expectVietnameseOrder(leads);
      expectBefore(leads, "UBND huyện Chư Păh", "UBND huyện Chư Prông");
      expectBefore(leads, "UBND huyện Đak Đoa", "UBND huyện Ia Grai");
      expectBefore(leads, "Đài Phát thanh - Truyền hình tỉnh", "Sở Công Thương");
      // Still in plan order across tasks.
      const codes = [...new Set(snapshots.map((s) => s.taskCode))];
      expect(codes.indexOf("II.6")).toBeLessThan(codes.indexOf("II.7"));
    });

    it("in who leads a task, agency lookups and the registry", async () => {
      const db = app.database.db;
      expectVietnameseOrder(await leadNamesOfTaskCode(db, "II.6", null));
      expectVietnameseOrder((await agencyCandidates(db)).map((a) => a.name));
      const districts = (await listAgencies(db)).filter((a) => a.kind === "district").map((a) => a.name);
      expectVietnameseOrder(districts);
    });

    it("in the agencies a reminder round and the coordinators' summary list", async () => {
      const snapshots = await loadAssignmentSnapshots(app.database.db, {
        until: app.clock.now(),
        periodKey: "2020-Q1",
      });
      expectVietnameseOrder(agencyStandings(snapshots, 2020).map((s) => s.agencyName));
    });
  });
});
