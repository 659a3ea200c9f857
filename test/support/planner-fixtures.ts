import { Writable } from "node:stream";
import { createDelivery, createSchedulerTick, plannerDepsOf, type TickReport } from "../../src/app.ts";
import { printTo } from "../../src/channels/console/console-sender.ts";
import type { Db } from "../../src/db/database.ts";
import { periodContaining } from "../../src/domain/calendar.ts";
import type { ChannelName, UpdateStatus } from "../../src/domain/vocabulary.ts";
import { loadCalendarRules } from "../../src/services/calendar-rules.ts";
import { loadAssignmentSnapshots } from "../../src/services/period-snapshot.ts";
import { type PlanReport, planReminders } from "../../src/services/reminder-planner.ts";
import { appendStatusUpdates } from "../../src/store/status-updates.ts";
import { type LinkedAccount, linkPerson } from "./delivery-fixtures.ts";
import type { TestApp } from "./test-app.ts";

/** 08:00 in Gia Lai (UTC+7) on a local date. */
export function localMorning(localDate: string, hour = 8): Date {
  return new Date(`${localDate}T${String(hour).padStart(2, "0")}:00:00+07:00`);
}

export async function agencyIdOf(db: Db, code: string): Promise<number> {
  const row = await db.selectFrom("agencies").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

export async function linkOfficial(
  app: TestApp,
  agencyCode: string,
  chatId: string,
  options: { name?: string; channel?: ChannelName } = {},
): Promise<LinkedAccount> {
  const db = app.database.db;
  const agencyId = await agencyIdOf(db, agencyCode);
  const name = options.name ?? `Cán bộ ${chatId}`;
  return linkPerson(
    db,
    { name, role: "official", agencyId, chatId, channel: options.channel },
    app.clock.now(),
  );
}

/** A tick (plan, then deliver) with console delivery into `output`. */
export function consoleTicker(app: TestApp, output: string[]): (at: Date) => Promise<TickReport> {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output.push(chunk.toString());
      done();
    },
  });
  const delivery = createDelivery(app.config, {
    db: app.database.db,
    clock: app.clock,
    console: printTo(sink),
  });
  const tick = createSchedulerTick(app, delivery);
  return (at: Date) => {
    app.clock.set(at);
    return tick();
  };
}

export async function linkCoordinator(app: TestApp, chatId: string): Promise<LinkedAccount> {
  return linkPerson(
    app.database.db,
    { name: `Điều phối ${chatId}`, role: "coordinator", agencyId: null, chatId },
    app.clock.now(),
  );
}

export function planAt(app: TestApp, at: Date): Promise<PlanReport> {
  app.clock.set(at);
  return planReminders(plannerDepsOf(app), at);
}

/** Reports a status on every open assignment of an agency (but the `except` task codes), sent at `at`. */
export async function reportEverything(
  app: TestApp,
  agencyCode: string,
  at: Date,
  status: UpdateStatus = "in_progress",
  except: readonly string[] = [],
): Promise<number> {
  const db = app.database.db;
  const rules = await loadCalendarRules(db, app.config.APP_TZ);
  const period = periodContaining(at, rules);
  const agencyId = await agencyIdOf(db, agencyCode);
  const snapshots = await loadAssignmentSnapshots(db, { until: at, periodKey: period.key, agencyId });
  const open = snapshots.filter(
    (s) => s.activeYears.includes(period.year) && !s.dormant && !except.includes(s.taskCode),
  );
  await appendStatusUpdates(
    db,
    open.map((s, index) => ({
      assignmentId: s.assignmentId,
      personId: null,
      channel: "telegram",
      chatId: null,
      messageId: null,
      messageKey: `test:${agencyCode}:${at.toISOString()}:${index}`,
      revision: 0,
      rawText: `${s.taskCode} ${status}`,
      status,
      progress: null,
      blocker: status === "blocked" ? "thiếu kinh phí" : null,
      eta: null,
      sentAt: at,
      periodKey: period.key,
    })),
    at,
  );
  return open.length;
}

/** The outbox's rows, each with its shared content's columns (payload, assignment_ids). */
export async function outboxRows(db: Db) {
  return db
    .selectFrom("outbox")
    .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
    .selectAll("outbox")
    .select(["outbox_texts.payload", "outbox_texts.assignment_ids"])
    .orderBy("outbox.id")
    .execute();
}
