import { createApp, startBots } from "../app.ts";
import { SimulatedClock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import { BOT_BUSY_TIMEOUT_MS } from "../db/busy-retry.ts";
import { databaseProblemOf } from "../db/database-error.ts";
import { localDateOf } from "../domain/calendar.ts";
import { readInstant } from "../domain/date-time-input.ts";
import { CliError, readConfig } from "./context.ts";

/** `--at 2020-03-13T08:00` or `--at "13/3/2020 08:00"`: a wall time in APP_TZ, or an ISO instant. */
function demoStart(at: string, config: Config): Date {
  const year = Number(localDateOf(new Date(), config.APP_TZ).slice(0, 4));
  const instant = readInstant(at, { year, ...config.REMINDER_TIME }, config.APP_TZ);
  if (instant === null) throw new CliError("cli-bad-start-at", { value: at });
  return instant;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

/**
 * `npm start [-- --at <instant>]`: Telegram when BOT_TOKEN is set, Zalo when ZALO_BOT_TOKEN is (either or
 * both), otherwise a chat in this terminal,
 * whose clock may start at a simulated instant.
 */
export async function startCommand(options: { at?: string } = {}): Promise<void> {
  const config = readConfig();
  const bots = Boolean(config.BOT_TOKEN || config.ZALO_BOT_TOKEN);
  // A simulated clock would send real people reminders of a past quarter.
  if (bots && options.at !== undefined) throw new CliError("cli-start-at-needs-console");
  const start = options.at === undefined ? null : demoStart(options.at, config);
  const consoleClock = bots ? null : new SimulatedClock(start ?? new Date());
  // The bot answers many chats: it never blocks on another process's lock (busy-retry.ts).
  const app = await createApp(config, {
    clock: consoleClock ?? systemClock,
    create: true,
    busyTimeoutMs: BOT_BUSY_TIMEOUT_MS,
  });
  try {
    if (bots) {
      // Listening from the start: a SIGTERM while connecting still ends in an orderly stop.
      const signalled = waitForSignal();
      const running = await startBots(app);
      await signalled;
      await running.stop();
      return;
    }
    if (consoleClock) {
      // The console alone needs the built-in plan's reader and the console channel.
      const { runConsole } = await import("./console-start.ts");
      await runConsole(app, consoleClock, start !== null);
    }
  } catch (error) {
    throw databaseProblemOf(error, app.database) ?? error;
  } finally {
    await app.close();
  }
}
