// A small plan whose tasks cover every case the rules tell apart (due dates past and future or none,
// active years, dormant, retired), and random update histories for it: several updates per message,
// edits that move a message's updates to other tasks, backdated sent_at. For the property tests that
// hold the facts tables to the history they sum up.
import fc from "fast-check";
import { sql } from "kysely";
import type { Db } from "../../src/db/database.ts";
import { DEFAULT_CALENDAR_RULES, periodContaining } from "../../src/domain/calendar.ts";
import { UPDATE_STATUSES, type UpdateStatus } from "../../src/domain/vocabulary.ts";
import { insertAgency } from "../../src/store/agencies.ts";
import { insertAssignment, updateAssignment } from "../../src/store/assignments.ts";
import { insertPlan, insertSection, insertTask, updateTask } from "../../src/store/plans.ts";
import { appendStatusUpdates, latestRevision } from "../../src/store/status-updates.ts";

const NOW = new Date("2019-10-01T00:00:00Z");

// Names whose Vietnamese order differs from code-point order, and two agencies sharing a name.
const AGENCIES = [
  "Sở Y tế",
  "UBND huyện Đức Cơ",
  "UBND huyện Ia Grai",
  "Sở Nội vụ",
  "UBND huyện Chư Păh",
  "Sở Y tế",
];

const TASKS: { dueDate: string | null; years: number[]; dormant?: boolean; retired?: boolean }[] = [
  { dueDate: "2019-12-31", years: [2019] },
  { dueDate: "2020-06-30", years: [2020] },
  { dueDate: "2020-12-31", years: [2019, 2020] },
  { dueDate: null, years: [2020, 2021] },
  { dueDate: "2021-06-30", years: [2021] },
  { dueDate: "2020-09-30", years: [2020], dormant: true },
  { dueDate: "2020-12-31", years: [2020], retired: true },
  { dueDate: "2022-12-31", years: [] },
];

/** The plan's live and retired assignments, every one of them open to updates. */
export async function seedSmallPlan(db: Db): Promise<number[]> {
  const at = NOW.toISOString();
  const planId = await insertPlan(db, {
    code: "test-plan",
    short_code: "TEST",
    title: "Kế hoạch thử",
    issuer: null,
    span_from_year: 2019,
    span_to_year: 2022,
    first_report_year: 2019,
    first_report_quarter: 2,
    created_at: at,
    updated_at: at,
  });
  const sections = [
    await insertSection(db, { plan_id: planId, code: "I", title: "Mục I", position: 1, retired_at: null }),
    await insertSection(db, { plan_id: planId, code: "II", title: "Mục II", position: 2, retired_at: null }),
  ];
  const agencyIds: number[] = [];
  for (const [index, name] of AGENCIES.entries()) {
    const agency = await insertAgency(
      db,
      { code: `a${index}`, name, nameKey: `key ${index}`, kind: "department", aliases: [] },
      NOW,
    );
    agencyIds.push(agency.id);
  }
  const assignmentIds: number[] = [];
  for (const [index, task] of TASKS.entries()) {
    const sectionId = sections[index % 2] ?? 0;
    const taskId = await insertTask(db, {
      plan_id: planId,
      section_id: sectionId,
      code: `${index % 2 === 0 ? "I" : "II"}.${index + 1}`,
      number: TASKS.length - index,
      title: `Nhiệm vụ ${index + 1}`,
      timeframes: "[]",
      lead_groups: "[]",
      conditional: 0,
      synthetic: 0,
      active_years: JSON.stringify(task.years),
      due_date: task.dueDate,
      dormant: task.dormant ? 1 : 0,
      position: index,
      retired_at: null,
      created_at: at,
      updated_at: at,
    });
    // Three lead agencies per task, a different three each time.
    for (let k = 0; k < 3; k++) {
      await insertAssignment(
        db,
        { taskId, agencyId: agencyIds[(index + k * 2) % agencyIds.length] ?? 0, viaGroup: null },
        at,
      );
    }
    if (task.retired) await updateTask(db, taskId, { retired_at: at });
  }
  const rows = await db.selectFrom("assignments").select("id").orderBy("id").execute();
  assignmentIds.push(...rows.map((row) => row.id));
  // One retired assignment of a live task.
  await updateAssignment(db, assignmentIds[1] ?? 0, { retired_at: at });
  return assignmentIds;
}

const FROM = Date.parse("2019-11-01T00:00:00Z");
const TO = Date.parse("2021-03-01T00:00:00Z");

// When the tasks' due dates end in Gia Lai (UTC+7, the next local midnight): done at that instant is
// done late, a minute before on time.
const DUE_ENDS = [...new Set(TASKS.flatMap((task) => (task.dueDate === null ? [] : [task.dueDate])))]
  .map((dueDate) => Date.parse(`${dueDate}T17:00:00Z`))
  .filter((end) => end > FROM && end < TO);

/**
 * An instant between November 2019 and March 2021, on whole minutes (so many share one), now and
 * then the end of a due date.
 */
export const instantArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .integer({ min: 0, max: Math.floor((TO - FROM) / 60_000) })
      .map((minutes) => new Date(FROM + minutes * 60_000)),
  },
  { weight: 1, arbitrary: fc.constantFrom(...DUE_ENDS).map((end) => new Date(end)) },
);

interface Content {
  status: UpdateStatus | null;
  progress: number | null;
  blocker: string | null;
}

const contentArb: fc.Arbitrary<Content> = fc.record({
  status: fc.constantFrom<UpdateStatus | null>(...UPDATE_STATUSES, null),
  progress: fc.option(fc.integer({ min: 0, max: 100 })),
  blocker: fc.option(fc.constantFrom("thiếu kinh phí", "chờ phê duyệt")),
});

export type HistoryStep =
  | { kind: "message"; targets: number[]; sentAt: Date; contents: Content[] }
  | {
      kind: "edit";
      message: number;
      targets: number[];
      sentAt: Date | null;
      contents: Content[];
    };

const targetsArb = fc.uniqueArray(fc.nat({ max: 23 }), { minLength: 1, maxLength: 3 });

const messageArb: fc.Arbitrary<HistoryStep> = fc.record({
  kind: fc.constant("message" as const),
  targets: targetsArb,
  sentAt: instantArb,
  contents: fc.array(contentArb, { minLength: 3, maxLength: 3 }),
});

const editArb: fc.Arbitrary<HistoryStep> = fc.record({
  kind: fc.constant("edit" as const),
  message: fc.nat(),
  targets: targetsArb,
  // Mostly the message's own time (Telegram keeps it on an edit), now and then another.
  sentAt: fc.option(instantArb, { freq: 4 }),
  contents: fc.array(contentArb, { minLength: 3, maxLength: 3 }),
});

/** A random history: messages in any order of sent_at (backdated ones too), and edits of them. */
export const historyArb: fc.Arbitrary<HistoryStep[]> = fc
  .tuple(
    messageArb,
    fc.array(fc.oneof({ weight: 3, arbitrary: messageArb }, { weight: 1, arbitrary: editArb }), {
      maxLength: 40,
    }),
  )
  .map(([first, rest]) => [first, ...rest]);

/**
 * Stores history steps one at a time through the application's append (which keeps the facts): an
 * edit edits a message stored before by the same writer.
 */
export function historyWriter(
  db: Db,
  assignmentIds: readonly number[],
): (step: HistoryStep) => Promise<void> {
  const messages: { key: string; sentAt: Date }[] = [];
  let index = 0;
  return async (step) => {
    const stepIndex = index++;
    const original = step.kind === "edit" ? messages[step.message % Math.max(messages.length, 1)] : undefined;
    if (step.kind === "edit" && original === undefined) return;
    const key = original?.key ?? `test:${stepIndex}`;
    const sentAt = (step.kind === "edit" ? (step.sentAt ?? original?.sentAt) : step.sentAt) ?? NOW;
    if (original === undefined) messages.push({ key, sentAt });
    const revision = ((await latestRevision(db, key)) ?? -1) + 1;
    const periodKey = periodContaining(sentAt, DEFAULT_CALENDAR_RULES).key;
    await appendStatusUpdates(
      db,
      step.targets.map((target, k) => ({
        assignmentId: assignmentIds[target % assignmentIds.length] ?? 0,
        personId: null,
        channel: "telegram",
        chatId: "1",
        messageId: key,
        messageKey: key,
        revision,
        rawText: `tin ${stepIndex}`,
        status: step.contents[k]?.status ?? null,
        progress: step.contents[k]?.progress ?? null,
        blocker: step.contents[k]?.blocker ?? null,
        eta: null,
        sentAt,
        periodKey,
      })),
      sentAt,
    );
  };
}

/** Stores a history through the application's append (which keeps the facts), message by message. */
export async function applyHistory(db: Db, steps: readonly HistoryStep[], assignmentIds: readonly number[]) {
  const write = historyWriter(db, assignmentIds);
  for (const step of steps) await write(step);
}

/** Forgets every update and its facts, for the next history on the same plan. */
export async function clearHistory(db: Db): Promise<void> {
  await sql`delete from assignment_latest`.execute(db);
  await sql`delete from assignment_period_facts`.execute(db);
  await sql`delete from status_updates`.execute(db);
}
