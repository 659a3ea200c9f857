import { createInterface } from "node:readline";
import { systemClock } from "../clock.ts";
import { localDateOf } from "../domain/calendar.ts";
import { parseStatusMessage } from "../domain/status-parser.ts";
import { CliError, readConfig } from "./context.ts";

/** `--at` as a local reference date: "2020-03-15" as is, a full ISO instant in the calendar's zone. */
export function referenceDateOf(at: string | undefined, zone: string, now: Date): string {
  if (at === undefined) return localDateOf(now, zone);
  if (/^\d{4}-\d{2}-\d{2}$/.test(at) && !Number.isNaN(Date.parse(`${at}T00:00:00Z`))) return at;
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new CliError("cli-bad-at", { value: at });
  return localDateOf(instant, zone);
}

/**
 * `nhacviec parse`: one message a line on stdin, one JSON line out for each (SPEC §6). An update with a
 * percentage over 100 also carries `progress_over_100` (the figure typed; `progress` stays 0–100 or null);
 * the key is absent otherwise, so the contract's five keys are unchanged for every other update.
 */
export async function parseCommand(options: { at?: string }): Promise<void> {
  const config = readConfig();
  const referenceDate = referenceDateOf(options.at, config.APP_TZ, systemClock.now());
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of lines) {
    const updates = parseStatusMessage(text, referenceDate).map((update) => ({
      task_ref: update.taskRef,
      status: update.status,
      progress: update.progress,
      blocker: update.blocker,
      eta: update.eta,
      ...(update.progressOver100 === null ? {} : { progress_over_100: update.progressOver100 }),
    }));
    process.stdout.write(`${JSON.stringify({ text, updates })}\n`);
  }
}
