import cron from "node-cron";
import type { Logger } from "../logger.ts";

export interface Scheduler {
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
}): Scheduler {
  let running: Promise<unknown> | null = null;
  const run = async () => {
    if (running) return;
    running = options
      .tick()
      .catch((error: unknown) => options.logger.error({ err: error }, "scheduler tick failed"));
    try {
      await running;
    } finally {
      running = null;
    }
  };
  const task = cron.schedule("* * * * *", run, { timezone: options.zone, name: "nhacviec-reminders" });
  // At start too: what fell due while the bot was down goes out now, not a minute later.
  void run();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
