// A province-sized plan and update history written straight into a test app's SQLite file (one
// transaction, prepared statements), then summed up by migrations 0008's and 0014's backfills as a
// database that already held it would be. For tests of how long work shares the event loop.
import SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { backfill } from "../../migrations/0008_assignment_latest.ts";
import { backfill as backfillLatestUpdatedPeriod } from "../../migrations/0014_latest_updated_period.ts";
import { DEFAULT_CALENDAR_RULES, periodsOfYear } from "../../src/domain/calendar.ts";
import type { TestApp } from "./test-app.ts";

export interface BulkSize {
  agencies: number;
  tasks: number;
  leadsPerTask: number;
  updates: number;
}

/** Deterministic PRNG (mulberry32): every run seeds the same history. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Updates sent from 15/12/2019 to `until`, on tasks active in 2020, some due 30/6/2020. */
export async function seedBulkHistory(app: TestApp, size: BulkSize, until: Date): Promise<void> {
  const file = new SQLite(app.databasePath);
  const now = "2020-01-01T00:00:00.000Z";
  const rnd = random(7);
  const statuses = ["in_progress", "in_progress", "done", "blocked", "not_started", null];
  // Every update's period is the first deadline after it (README: the report calendar).
  const periods = [2019, 2020, 2021].flatMap((year) => periodsOfYear(year, DEFAULT_CALENDAR_RULES));
  const periodOf = (instant: Date) => periods.find((p) => p.deadline > instant)?.key ?? "2021-Q4";
  file.transaction(() => {
    const planId = (
      file
        .prepare(
          "insert into plans (code, title, span_from_year, span_to_year, first_report_year, first_report_quarter, created_at, updated_at) values ('bulk', 'Bulk', 2019, 2025, 2019, 2, ?, ?) returning id",
        )
        .get(now, now) as { id: number }
    ).id;
    const sectionId = (
      file
        .prepare(
          "insert into sections (plan_id, code, title, position) values (?, 'I', 'Mục I', 1) returning id",
        )
        .get(planId) as { id: number }
    ).id;
    const task = file.prepare(
      "insert into tasks (plan_id, section_id, code, number, title, timeframes, active_years, due_date, position, created_at, updated_at) values (?, ?, ?, ?, ?, '[]', '[2020]', ?, ?, ?, ?) returning id",
    );
    const taskIds = Array.from({ length: size.tasks }, (_, i) => {
      const due = i % 5 === 0 ? "2020-06-30" : "2020-12-31";
      return (
        task.get(planId, sectionId, `I.${i + 1}`, i + 1, `Nhiệm vụ ${i + 1}`, due, i, now, now) as {
          id: number;
        }
      ).id;
    });
    const agency = file.prepare(
      "insert into agencies (code, name, name_key, kind, created_at, updated_at) values (?, ?, ?, 'department', ?, ?) returning id",
    );
    const agencyIds = Array.from(
      { length: size.agencies },
      (_, i) => (agency.get(`bulk-${i}`, `Đơn vị ${i}`, `don vi ${i}`, now, now) as { id: number }).id,
    );
    const assignment = file.prepare(
      "insert into assignments (task_id, agency_id, created_at) values (?, ?, ?) returning id",
    );
    const assignmentIds = taskIds.flatMap((taskId, t) =>
      Array.from(
        { length: size.leadsPerTask },
        (_, k) =>
          (
            assignment.get(taskId, agencyIds[(t * size.leadsPerTask + k) % size.agencies], now) as {
              id: number;
            }
          ).id,
      ),
    );
    const update = file.prepare(
      "insert into status_updates (assignment_id, person_id, channel, raw_text, status, progress, blocker, eta, sent_at, received_at, period_key, message_key, revision) values (?, null, 'telegram', 'cập nhật', ?, null, ?, null, ?, ?, ?, ?, 0)",
    );
    const from = Date.parse("2019-12-15T00:00:00Z");
    for (let i = 0; i < size.updates; i++) {
      const status = statuses[Math.floor(rnd() * statuses.length)] ?? null;
      const sentAt = new Date(from + Math.floor(rnd() * (until.getTime() - from)));
      update.run(
        assignmentIds[Math.floor(rnd() * assignmentIds.length)],
        status,
        status === "blocked" ? "thiếu kinh phí" : null,
        sentAt.toISOString(),
        sentAt.toISOString(),
        periodOf(sentAt),
        `bulk:${i}`,
      );
    }
  })();
  file.close();
  await backfill(app.database.db as unknown as Kysely<unknown>);
  await backfillLatestUpdatedPeriod(app.database.db as unknown as Kysely<unknown>);
}
