import { describe, expect, it } from "vitest";
import type { AssignmentSnapshot, UpdateFacts } from "../../src/domain/assignment-status.ts";
import { categoryOf, whoIsBehind } from "../../src/domain/behind.ts";
import { DEFAULT_CALENDAR_RULES, periodByKey, type ReportingPeriod } from "../../src/domain/calendar.ts";
import type { UpdateStatus } from "../../src/domain/vocabulary.ts";

const ZONE = "Asia/Ho_Chi_Minh";

function period(key: string): ReportingPeriod {
  const found = periodByKey(key, DEFAULT_CALENDAR_RULES);
  if (!found) throw new Error(key);
  return found;
}

function update(status: UpdateStatus | null, sentAt: string, extra: Partial<UpdateFacts> = {}): UpdateFacts {
  return {
    status,
    progress: null,
    blocker: null,
    eta: null,
    sentAt,
    periodKey: "2020-Q1",
    personName: "Lan",
    rawText: "",
    ...extra,
  };
}

let nextId = 1;
function assignment(overrides: Partial<AssignmentSnapshot> = {}): AssignmentSnapshot {
  const id = nextId++;
  return {
    assignmentId: id,
    taskId: id,
    taskCode: `II.${id}`,
    taskTitle: `Nhiệm vụ ${id}`,
    agencyId: 1,
    agencyCode: "so-y-te",
    agencyName: "Sở Y tế",
    agencyKind: "department",
    activeYears: [2019, 2020],
    dueDate: "2020-12-31",
    dormant: false,
    latestStatus: null,
    latestInPeriod: null,
    lastReportedAt: null,
    ...overrides,
  };
}

/** A reported update: latest status, latest in period and last reported at once. */
function reported(status: UpdateStatus, sentAt: string, extra: Partial<UpdateFacts> = {}) {
  const facts = update(status, sentAt, extra);
  return { latestStatus: facts, latestInPeriod: facts, lastReportedAt: sentAt };
}

const Q1 = period("2020-Q1");
const before = new Date("2020-03-10T03:00:00Z"); // 10/3 10:00 local
const options = (at: Date, p = Q1) => ({ period: p, at, zone: ZONE, staleAfterDays: 30 });

describe("categoryOf (README: coordinators)", () => {
  it("done on or before the due date is on time; done the day after is late", () => {
    const onTime = assignment({ dueDate: "2019-12-31", ...reported("done", "2019-12-31T16:59:59Z") });
    const late = assignment({ dueDate: "2019-12-31", ...reported("done", "2019-12-31T17:00:00Z") });
    expect(categoryOf(onTime, before, ZONE)).toBe("done_on_time");
    expect(categoryOf(late, before, ZONE)).toBe("done_late");
  });

  it("a task without a due date is done on time or in progress, never overdue", () => {
    expect(
      categoryOf(assignment({ dueDate: null, ...reported("done", "2024-01-01T00:00:00Z") }), before, ZONE),
    ).toBe("done_on_time");
    expect(
      categoryOf(
        assignment({ dueDate: null, ...reported("in_progress", "2020-03-01T00:00:00Z") }),
        before,
        ZONE,
      ),
    ).toBe("in_progress");
  });

  it("in progress or blocked before the due date is 'đang thực hiện trong hạn'", () => {
    expect(categoryOf(assignment(reported("in_progress", "2020-03-01T00:00:00Z")), before, ZONE)).toBe(
      "in_progress",
    );
    expect(categoryOf(assignment(reported("blocked", "2020-03-01T00:00:00Z")), before, ZONE)).toBe(
      "in_progress",
    );
  });

  it("nothing reported, or not_started, before the due date is 'chưa thực hiện'", () => {
    expect(categoryOf(assignment(), before, ZONE)).toBe("not_started");
    expect(categoryOf(assignment(reported("not_started", "2020-03-01T00:00:00Z")), before, ZONE)).toBe(
      "not_started",
    );
  });

  it("past the due date and not done is overdue, and overdue wins over not started", () => {
    const due = "2020-03-05";
    expect(categoryOf(assignment({ dueDate: due }), before, ZONE)).toBe("overdue");
    expect(
      categoryOf(
        assignment({ dueDate: due, ...reported("in_progress", "2020-03-01T00:00:00Z") }),
        before,
        ZONE,
      ),
    ).toBe("overdue");
    // The due date itself is still in time until midnight local.
    const lastMinute = new Date("2020-03-05T16:59:00Z");
    expect(categoryOf(assignment({ dueDate: due }), lastMinute, ZONE)).toBe("not_started");
  });
});

describe("whoIsBehind", () => {
  it("lists an agency with several lead assignments, some reported, with the missing codes", () => {
    const snapshots = [
      assignment({ taskCode: "II.2", ...reported("in_progress", "2020-03-01T03:00:00Z") }),
      assignment({ taskCode: "III.4" }),
      assignment({ taskCode: "V.1" }),
      assignment({
        agencyId: 2,
        agencyCode: "so-tc",
        agencyName: "Sở Tài chính",
        taskCode: "II.2",
        ...reported("done", "2020-02-01T00:00:00Z"),
      }),
    ];
    const report = whoIsBehind(snapshots, options(before));
    expect(report.notReported.map((s) => s.agencyName)).toEqual(["Sở Y tế"]);
    const yTe = report.notReported[0];
    expect(yTe?.missingTaskCodes).toEqual(["III.4", "V.1"]);
    expect(yTe?.owedCount).toBe(3);
    expect(yTe?.reportedCount).toBe(1);
    expect(yTe?.daysLate).toBeNull();
    // Sở Tài chính finished its only task with an update sent in the period: that was its report.
    expect(report.totals).toMatchObject({
      agenciesInScope: 2,
      agenciesOwing: 2,
      agenciesReported: 1,
      owedAssignments: 4,
      reportedAssignments: 2,
      missingAssignments: 2,
      updatedAssignments: 2,
    });
    const taiChinh = report.agencies.find((s) => s.agencyId === 2);
    expect(taiChinh).toMatchObject({ owedCount: 1, reportedCount: 1, missingTaskCodes: [] });
    expect(taiChinh?.categories.done_on_time).toBe(1);
  });

  it("counts every update of the period, owed or not (regression: '2/306 updated' when 3 were)", () => {
    const lastYear = { activeYears: [2019], dueDate: "2019-12-31" };
    const snapshots = [
      assignment({ taskCode: "II.2", ...reported("done", "2020-03-01T03:00:00Z") }),
      assignment({ taskCode: "II.9", ...reported("in_progress", "2020-03-01T03:00:00Z") }),
      assignment({ taskCode: "I.1", ...lastYear, ...reported("blocked", "2020-03-01T03:00:00Z") }),
      assignment({ taskCode: "III.1" }),
      // Not active this year (2019, then 2021–2025), but reported on in the period: counted too.
      assignment({
        taskCode: "II.4",
        activeYears: [2019, 2021],
        dueDate: "2021-12-31",
        ...reported("done", "2020-03-01T03:00:00Z"),
      }),
      // Done in an earlier period: owes nothing now, and is no longer in scope.
      assignment({ taskCode: "V.1", ...lastYear, latestStatus: update("done", "2019-11-01T00:00:00Z") }),
    ];
    const report = whoIsBehind(snapshots, options(before));
    expect(report.totals).toMatchObject({
      assignments: 5,
      owedAssignments: 3,
      reportedAssignments: 2,
      missingAssignments: 1,
      updatedAssignments: 4,
    });
    expect(report.agencies[0]).toMatchObject({
      missingTaskCodes: ["III.1"],
      overdueTaskCodes: ["I.1"],
      updatedCount: 4,
    });
  });

  it("takes an ended period's statuses at its deadline, and counts days late to the question's instant", () => {
    const due = "2020-01-31";
    const doneAfter = assignment({
      taskCode: "II.2",
      dueDate: due,
      ...reported("done", "2020-04-01T00:00:00Z"),
    });
    const silent = assignment({ taskCode: "II.3", dueDate: due });
    const asked = new Date("2026-06-10T02:00:00Z");
    // What the loader gives for an ended period: nothing sent after the deadline.
    const atDeadline = [
      { ...doneAfter, latestStatus: null, latestInPeriod: null, lastReportedAt: null },
      silent,
    ];
    const report = whoIsBehind(atDeadline, options(asked));
    expect(report.asOf).toBe(Q1.deadline.toISOString());
    expect(report.notReported[0]).toMatchObject({ missingTaskCodes: ["II.2", "II.3"], daysLate: 2274 });
    // Overdue as of the deadline: 31/1 → 20/3/2020, not six years.
    expect(report.overdue.map((item) => item.daysOverdue)).toEqual([49, 49]);
  });

  it("counts days late across the deadline in the calendar zone", () => {
    const snapshots = [assignment()];
    const lastMinute = whoIsBehind(snapshots, options(new Date("2020-03-19T16:59:59Z")));
    expect(lastMinute.afterDeadline).toBe(false);
    expect(lastMinute.notReported[0]?.daysLate).toBeNull();
    const deadline = whoIsBehind(snapshots, options(new Date("2020-03-19T17:00:00Z")));
    expect(deadline.afterDeadline).toBe(true);
    expect(deadline.notReported[0]?.daysLate).toBe(1);
    // 23:30 local on the 22nd (16:30 UTC) is day 3 of lateness; 00:30 local on the 23rd is day 4.
    expect(whoIsBehind(snapshots, options(new Date("2020-03-22T16:30:00Z"))).notReported[0]?.daysLate).toBe(
      3,
    );
    expect(whoIsBehind(snapshots, options(new Date("2020-03-22T17:30:00Z"))).notReported[0]?.daysLate).toBe(
      4,
    );
  });

  it("orders the most behind first", () => {
    const snapshots = [
      assignment({ agencyId: 3, agencyName: "Sở Xây dựng" }),
      assignment({ agencyId: 4, agencyName: "Sở Nội vụ" }),
      assignment({ agencyId: 4, agencyName: "Sở Nội vụ" }),
      assignment({ agencyId: 5, agencyName: "Công an tỉnh" }),
    ];
    expect(whoIsBehind(snapshots, options(before)).notReported.map((s) => s.agencyName)).toEqual([
      "Sở Nội vụ",
      "Công an tỉnh",
      "Sở Xây dựng",
    ]);
  });

  it("leaves out dormant tasks and tasks not active in the period's year", () => {
    const snapshots = [
      assignment({ dormant: true }),
      assignment({ activeYears: [2021, 2022], dueDate: "2022-12-31" }),
    ];
    const report = whoIsBehind(snapshots, options(before));
    expect(report.notReported).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it("lists blocked assignments with the blocker text and its age in local days", () => {
    const blocked = assignment(reported("blocked", "2020-03-01T18:00:00Z", { blocker: "thiếu kinh phí" }));
    const report = whoIsBehind([blocked], options(before));
    expect(report.blocked).toHaveLength(1);
    expect(report.blocked[0]).toMatchObject({ blocker: "thiếu kinh phí", ageDays: 8 }); // 2/3 local → 10/3
    expect(report.agencies[0]?.blockedCount).toBe(1);
  });

  it("lists overdue tasks, including an unfinished task whose due date was last year", () => {
    // Both reported in 2019-Q4, nothing in this period.
    const carried = assignment({
      activeYears: [2019],
      dueDate: "2019-12-31",
      latestStatus: update("in_progress", "2019-11-01T00:00:00Z", { periodKey: "2019-Q4" }),
    });
    const finished = assignment({
      activeYears: [2019],
      dueDate: "2019-12-31",
      latestStatus: update("done", "2019-11-01T00:00:00Z", { periodKey: "2019-Q4" }),
    });
    const report = whoIsBehind([carried, finished], options(before));
    expect(report.overdue.map((item) => item.assignmentId)).toEqual([carried.assignmentId]);
    expect(report.overdue[0]).toMatchObject({
      dueDate: "2019-12-31",
      daysOverdue: 70,
      status: "in_progress",
    });
    // Not active in 2020, so it is not reminded and not "not reported".
    expect(report.notReported).toEqual([]);
    expect(report.totals.categories).toMatchObject({ overdue: 1, done_on_time: 0 });
  });

  it("lists stale assignments: open, nothing for more than N days (never reported counts)", () => {
    const fresh = assignment({
      lastReportedAt: "2020-03-01T00:00:00Z",
      latestStatus: update("in_progress", "2020-03-01T00:00:00Z"),
    });
    const old = assignment({
      lastReportedAt: "2020-01-01T00:00:00Z",
      latestStatus: update("in_progress", "2020-01-01T00:00:00Z"),
    });
    const never = assignment();
    const report = whoIsBehind([fresh, old, never], options(before));
    expect(report.stale.map((item) => item.assignmentId)).toEqual([never.assignmentId, old.assignmentId]);
    expect(report.stale[1]?.daysSince).toBe(69);
  });

  it("counts every category per agency", () => {
    const at = new Date("2020-06-25T03:00:00Z");
    const snapshots = [
      assignment({ dueDate: "2020-06-01", ...reported("done", "2020-05-01T00:00:00Z") }),
      assignment({ dueDate: "2020-06-01", ...reported("done", "2020-06-10T00:00:00Z") }),
      assignment({ dueDate: "2020-12-31", ...reported("in_progress", "2020-06-10T00:00:00Z") }),
      assignment({ dueDate: "2020-06-01", ...reported("not_started", "2020-05-10T00:00:00Z") }),
      assignment({ dueDate: "2020-12-31" }),
    ];
    const report = whoIsBehind(snapshots, options(at, period("2020-Q3")));
    expect(report.agencies[0]?.categories).toEqual({
      done_on_time: 1,
      done_late: 1,
      in_progress: 1,
      overdue: 1,
      not_started: 1,
    });
  });
});
