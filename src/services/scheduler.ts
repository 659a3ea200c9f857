import cron from "node-cron";
import type { Logger } from "../logger.ts";

export interface Scheduler {
  /** The run made at start. */
  started: Promise<void>;
  /** Runs once more now (after a run still going), e.g. when the console's clock was moved. */
  tickNow(): Promise<void>;
  /** When the last run that succeeded ended (null before the first one): `/healthz` shows it. */
  lastTickAt(): Date | null;
  stop(): Promise<void>;
}

/**
 * Runs `tick` every minute in the calendar's zone. A run still going when the next minute comes is
 * not doubled (a long fan-out simply continues); a failed run is logged and the next one tries again.
 */
export function startScheduler(options: {
  tick: () => Promise<unknown>;
  zone: string;
  logger: Logger;
  now: () => Date;
}): Scheduler {
  let running: Promise<void> | null = null;
  let lastTick: Date | null = null;
  const run = async () => {
    if (running) return;
    running = options
      .tick()
      .then(() => {
        lastTick = options.now();
      })
      .catch((error: unknown) => options.logger.error({ err: error }, "scheduler tick failed"));
    try {
      await running;
    } finally {
      running = null;
    }
  };
  const task = cron.schedule("* * * * *", run, { timezone: options.zone, name: "nhacviec-reminders" });
  // At start too: what fell due while the bot was down goes out now, not a minute later.
  const started = run();
  return {
    started,
    async tickNow() {
      while (running) await running;
      await run();
    },
    lastTickAt: () => lastTick,
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
