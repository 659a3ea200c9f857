// Bulk fixtures for benchmarks: inserted in batches, far faster than one service call per row.
import type { Db } from "../src/db/database.ts";

export interface SeededAccount {
  personId: number;
  accountId: number;
  chatId: string;
  agencyId: number;
}

const BATCH = 500;

async function insertBatches<T>(items: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) await insert(items.slice(start, start + BATCH));
}

/** `agencies` new agencies with `officialsPerAgency` linked Telegram officials each. */
export async function seedPeople(
  db: Db,
  options: { agencies: number; officialsPerAgency: number; now: Date },
): Promise<SeededAccount[]> {
  const at = options.now.toISOString();
  const agencyIds: number[] = [];
  await insertBatches(
    Array.from({ length: options.agencies }, (_, i) => i),
    async (batch) => {
      const rows = await db
        .insertInto("agencies")
        .values(
          batch.map((i) => ({
            code: `bench-${i}`,
            name: `Đơn vị thử ${i}`,
            name_key: `don vi thu ${i}`,
            kind: "department",
            created_at: at,
            updated_at: at,
          })),
        )
        .returning("id")
        .execute();
      agencyIds.push(...rows.map((r) => r.id));
    },
  );
  const people = agencyIds.flatMap((agencyId) =>
    Array.from({ length: options.officialsPerAgency }, () => ({ agencyId })),
  );
  const accounts: SeededAccount[] = [];
  await insertBatches(people, async (batch) => {
    const rows = await db
      .insertInto("people")
      .values(
        batch.map((p, i) => ({
          name: `Cán bộ ${accounts.length + i}`,
          role: "official",
          agency_id: p.agencyId,
          created_at: at,
        })),
      )
      .returning(["id", "agency_id"])
      .execute();
    const chatOf = (personId: number) => String(100_000 + personId);
    const linked = await db
      .insertInto("channel_accounts")
      .values(
        rows.map((r) => ({
          person_id: r.id,
          channel: "telegram",
          external_user_id: chatOf(r.id),
          chat_id: chatOf(r.id),
          display_name: null,
          blocked_at: null,
          linked_at: at,
        })),
      )
      .returning(["id", "person_id"])
      .execute();
    for (const [index, account] of linked.entries()) {
      accounts.push({
        personId: account.person_id,
        accountId: account.id,
        chatId: chatOf(account.person_id),
        agencyId: rows[index]?.agency_id ?? 0,
      });
    }
  });
  return accounts;
}

/** One plan with `tasks` tasks active in `year`, each led by every given agency. */
export async function seedPlan(
  db: Db,
  options: { tasks: number; year: number; agencyIds: number[]; now: Date },
): Promise<number> {
  const at = options.now.toISOString();
  const plan = await db
    .insertInto("plans")
    .values({
      code: "bench-plan",
      short_code: "BENCH",
      title: "Kế hoạch thử",
      issuer: null,
      span_from_year: options.year,
      span_to_year: options.year,
      first_report_year: options.year,
      first_report_quarter: 1,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const section = await db
    .insertInto("sections")
    .values({ plan_id: plan.id, code: "I", title: "Phần thử", position: 1, retired_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const taskIds: number[] = [];
  await insertBatches(
    Array.from({ length: options.tasks }, (_, i) => i + 1),
    async (batch) => {
      const rows = await db
        .insertInto("tasks")
        .values(
          batch.map((n) => ({
            plan_id: plan.id,
            section_id: section.id,
            code: `I.${n}`,
            number: n,
            title: `Nhiệm vụ thử số ${n}: triển khai hệ thống thông tin dùng chung của tỉnh`,
            timeframes: JSON.stringify([String(options.year)]),
            note: null,
            lead_groups: "[]",
            lead_note: null,
            cooperating_note: null,
            active_years: JSON.stringify([options.year]),
            due_date: `${options.year}-12-31`,
            conditional: 0,
            synthetic: 0,
            position: n,
            retired_at: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning("id")
        .execute();
      taskIds.push(...rows.map((r) => r.id));
    },
  );
  const assignments = options.agencyIds.flatMap((agencyId) =>
    taskIds.map((taskId) => ({ agencyId, taskId })),
  );
  await insertBatches(assignments, (batch) =>
    db
      .insertInto("assignments")
      .values(
        batch.map((a) => ({
          task_id: a.taskId,
          agency_id: a.agencyId,
          via_group: null,
          retired_at: null,
          created_at: at,
        })),
      )
      .execute(),
  );
  return assignments.length;
}
