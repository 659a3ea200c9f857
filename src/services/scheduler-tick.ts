// One scheduler run: plan what is due, then deliver the outbox. `npm start` runs it every minute,
// `nhacviec tick` once.
import type { App } from "../app.ts";
import type { ConsoleDeliver } from "../channels/console/console-sender.ts";
import { createDelivery, type Delivery } from "../delivery/delivery.ts";
import type { DrainReport } from "../delivery/drain.ts";
import type { SendPacer } from "../delivery/send-pacer.ts";
import { makeHolidayChecker } from "../domain/holidays.ts";
import { reminderScheduleOf } from "./calendar-rules.ts";
import { type PlannerDeps, type PlanReport, planReminders } from "./reminder-planner.ts";
import { type Scheduler, startScheduler } from "./scheduler.ts";

export interface TickReport {
  plan: PlanReport;
  delivery: DrainReport;
}

export function plannerDepsOf(app: Pick<App, "config" | "database" | "translator">): PlannerDeps {
  return {
    db: app.database.db,
    translator: app.translator,
    zone: app.config.APP_TZ,
    schedule: reminderScheduleOf(app.config),
    isHoliday: makeHolidayChecker(),
    weeklySummary: app.config.WEEKLY_SUMMARY,
  };
}

export function createSchedulerTick(
  app: Pick<App, "config" | "database" | "translator" | "clock">,
  delivery: Delivery,
): () => Promise<TickReport> {
  const deps = plannerDepsOf(app);
  return async () => {
    // A vanished database fails every tick, so the log says so every minute.
    app.database.fileWatch.check();
    const plan = await planReminders(deps, app.clock.now());
    return { plan, delivery: await delivery.drain() };
  };
}

/**
 * `npm start`: plan and deliver every minute. Stopping lets sends in flight finish and hands the
 * rest of a fan-out back to the outbox for the next start.
 */
export function startReminderScheduler(
  app: App,
  outlets: { console?: ConsoleDeliver; pacer?: SendPacer } = {},
): Scheduler {
  const delivery = createDelivery(app.config, {
    db: app.database.db,
    clock: app.clock,
    logger: app.logger,
    ...outlets,
  });
  const scheduler = startScheduler({
    tick: createSchedulerTick(app, delivery),
    zone: app.config.APP_TZ,
    logger: app.logger,
  });
  return {
    ...scheduler,
    async stop() {
      delivery.close();
      await scheduler.stop();
    },
  };
}
