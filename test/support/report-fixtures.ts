// A quarter worth writing a report about: 2020-Q3 on the built-in plan, with officials of several
// agencies reporting done, progress, obstacles and nothing at all, in their own words.
import { periodContaining } from "../../src/domain/calendar.ts";
import type { UpdateStatus } from "../../src/domain/vocabulary.ts";
import { loadCalendarRules } from "../../src/services/calendar-rules.ts";
import { appendStatusUpdates } from "../../src/store/status-updates.ts";
import { agencyIdOf, linkOfficial } from "./planner-fixtures.ts";
import type { TestApp } from "./test-app.ts";

interface Reported {
  task: string;
  status: UpdateStatus;
  progress?: number;
  blocker?: string;
  eta?: string;
  /** Local date and time in Gia Lai. */
  at: string;
}

export const THIRD_QUARTER_REPORTS: { agency: string; person: string; reports: Reported[] }[] = [
  {
    agency: "so-tttt",
    person: "Nguyễn Văn An",
    reports: [
      { task: "II.1", status: "in_progress", progress: 40, at: "2020-05-10T09:00" },
      { task: "IV.1", status: "done", at: "2020-07-20T10:15" },
      { task: "II.10", status: "in_progress", progress: 70, eta: "2020-11-30", at: "2020-08-12T14:30" },
      {
        task: "I.1",
        status: "blocked",
        progress: 40,
        blocker: "chưa bố trí được kinh phí thuê chuyên gia",
        at: "2020-09-01T08:20",
      },
      { task: "II.1", status: "in_progress", progress: 80, at: "2020-09-03T16:00" },
      { task: "II.9", status: "blocked", blocker: "chờ Bộ TT&TT hướng dẫn kết nối", at: "2020-07-02T09:00" },
      { task: "II.9", status: "in_progress", progress: 60, at: "2020-08-28T09:00" },
    ],
  },
  {
    agency: "so-y-te",
    person: "Trần Thị Bình",
    reports: [
      { task: "III.4", status: "done", at: "2020-08-05T15:00" },
      {
        task: "II.6",
        status: "blocked",
        progress: 30,
        blocker: "thiếu máy chủ, đường truyền chậm",
        at: "2020-09-08T10:00",
      },
      { task: "V.1", status: "not_started", at: "2020-09-09T10:00" },
    ],
  },
  {
    agency: "so-noi-vu",
    person: "Lê Minh Châu",
    reports: [
      { task: "I.5", status: "in_progress", progress: 50, at: "2020-07-15T08:45" },
      { task: "II.5", status: "done", at: "2020-09-10T11:00" },
    ],
  },
  {
    agency: "tp-pleiku",
    person: "Phạm Quốc Dũng",
    reports: [
      { task: "II.6", status: "in_progress", progress: 25, at: "2020-06-20T09:30" },
      { task: "II.7", status: "done", at: "2020-09-14T17:00" },
    ],
  },
];

/** Stores the reports above as the agencies' officials sent them. */
export async function seedThirdQuarter(app: TestApp): Promise<void> {
  const db = app.database.db;
  const rules = await loadCalendarRules(db, app.config.APP_TZ);
  for (const [agencyIndex, { agency, person, reports }] of THIRD_QUARTER_REPORTS.entries()) {
    const official = await linkOfficial(app, agency, `report-${agencyIndex}`, { name: person });
    const agencyId = await agencyIdOf(db, agency);
    for (const [index, report] of reports.entries()) {
      const assignment = await db
        .selectFrom("assignments")
        .innerJoin("tasks", "tasks.id", "assignments.task_id")
        .select("assignments.id")
        .where("assignments.agency_id", "=", agencyId)
        .where("tasks.code", "=", report.task)
        .executeTakeFirstOrThrow();
      const sentAt = new Date(`${report.at}:00+07:00`);
      const words = [
        report.task,
        report.status,
        report.progress ? `${report.progress}%` : "",
        report.blocker ?? "",
      ];
      await appendStatusUpdates(
        db,
        [
          {
            assignmentId: assignment.id,
            personId: official.personId,
            channel: "telegram",
            chatId: official.chatId,
            messageId: `${index}`,
            messageKey: `report-fixture:${agency}:${index}`,
            revision: 0,
            rawText: words.filter(Boolean).join(" "),
            status: report.status,
            progress: report.progress ?? null,
            blocker: report.blocker ?? null,
            eta: report.eta ?? null,
            sentAt,
            periodKey: periodContaining(sentAt, rules).key,
          },
        ],
        sentAt,
      );
    }
  }
}
