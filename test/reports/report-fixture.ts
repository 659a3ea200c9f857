// The Gia Lai plan (40 lead agencies) with a quarter's worth of varied updates: typed messages, button
// presses, blockers, progress, agencies that sent nothing; for the report's files.
import { isActiveInYear } from "../../src/domain/assignment-status.ts";
import { redeemInvite } from "../../src/services/linking.ts";
import { loadAssignmentSnapshots } from "../../src/services/period-snapshot.ts";
import { loadQuarterReport } from "../../src/services/quarter-report.ts";
import { appendStatusUpdates, type NewStatusUpdate } from "../../src/store/status-updates.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";

/** 25/06/2020 09:00 in Gia Lai: Q2 2020 is five days past its deadline (before 20/06). */
export const MADE_AT = new Date("2020-06-25T02:00:00Z");
export const QUARTER = "2020-Q2";
const IN_Q1 = new Date("2020-03-05T02:00:00Z");
const IN_Q2 = new Date("2020-06-10T03:30:00Z");
const NAMES = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai", "Phạm Quốc Bảo", "Rơ Châm H'Yuôn"];

type Content = Pick<NewStatusUpdate, "rawText" | "status" | "progress" | "blocker">;

// One of six ways an official answers in the quarter, chosen by agency and task so every kind shows.
function answer(code: string, kind: number): Content | null {
  const plain = { progress: null, blocker: null };
  switch (kind) {
    case 0:
      return { ...plain, rawText: `[nút] ✅ Xong ${code}`, status: "done" };
    case 1:
      return { ...plain, rawText: `[nút] ⏳ ${code} 60%`, status: "in_progress", progress: 60 };
    case 2:
      return {
        ...plain,
        rawText: `${code} đã thực hiện được 45%, đang chờ thẩm định hồ sơ thiết kế`,
        status: "in_progress",
        progress: 45,
      };
    case 3:
      return {
        ...plain,
        rawText: `${code} vướng kinh phí chưa được bố trí trong năm`,
        status: "blocked",
        blocker: "vướng kinh phí chưa được bố trí trong năm",
      };
    case 4:
      return { ...plain, rawText: `${code} xong`, status: "done" };
    default:
      return null;
  }
}

/** The test app with the plan, one linked official per agency and their updates in Q1 and Q2 2020. */
export async function reportFixture(): Promise<TestApp> {
  const app = await createTestApp({ at: MADE_AT.toISOString() });
  const db = app.database.db;
  const snapshots = (await loadAssignmentSnapshots(db, { until: MADE_AT, periodKey: QUARTER })).filter((s) =>
    isActiveInYear(s, 2020),
  );
  const agencies = [...new Set(snapshots.map((s) => s.agencyCode))];
  const people = new Map<string, number>();
  for (const [index, agency] of agencies.entries()) {
    const invite = await inviteFor(app, agency);
    const identity = {
      channel: "telegram" as const,
      externalUserId: String(7000 + index),
      chatId: String(7000 + index),
      displayName: NAMES[index % NAMES.length] ?? "Cán bộ",
    };
    const linked = await redeemInvite(db, invite.code, identity, app.clock.now());
    if (linked.outcome !== "linked") throw new Error(`could not link an official of ${agency}`);
    people.set(agency, linked.person.personId);
  }
  const updates: NewStatusUpdate[] = [];
  snapshots.forEach((s, index) => {
    const agency = agencies.indexOf(s.agencyCode);
    const base = {
      assignmentId: s.assignmentId,
      personId: people.get(s.agencyCode) ?? null,
      channel: "telegram" as const,
      chatId: null,
      messageId: null,
      revision: 0,
      eta: null,
    };
    if (agency % 3 === 0) {
      updates.push({
        ...base,
        messageKey: `fixture:q1:${index}`,
        rawText: `${s.taskCode} đang triển khai`,
        status: "in_progress",
        progress: 30,
        blocker: null,
        sentAt: IN_Q1,
        periodKey: "2020-Q1",
      });
    }
    // Every seventh agency sends nothing this quarter, every fourth answers on every task, the others
    // leave one task in six unanswered.
    const kind = agency % 4 === 1 ? (agency + index) % 5 : (agency + index) % 6;
    const content = agency % 7 === 3 ? null : answer(s.taskCode, kind);
    if (content) {
      updates.push({
        ...base,
        ...content,
        messageKey: `fixture:q2:${index}`,
        sentAt: IN_Q2,
        periodKey: QUARTER,
      });
    }
  });
  await appendStatusUpdates(db, updates, IN_Q2);
  return app;
}

/** The fixture's Q2 2020 report as the CLI and /baocao load it. */
export function loadFixtureReport(app: TestApp): ReturnType<typeof loadQuarterReport> {
  return loadQuarterReport(app.database.db, { quarter: QUARTER, now: MADE_AT, zone: app.config.APP_TZ });
}
