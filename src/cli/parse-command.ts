import { StringDecoder } from "node:string_decoder";
import { systemClock } from "../clock.ts";
import { localDateOf } from "../domain/calendar.ts";
import { parseStatusMessage } from "../domain/status-parser/parse.ts";
import { parseInstant, readConfig } from "./context.ts";

/** `--at` as a local reference date: "2020-03-15" as is, a full ISO instant in the calendar's zone. */
export function referenceDateOf(at: string | undefined, zone: string, now: Date): string {
  if (at === undefined) return localDateOf(now, zone);
  const instant = parseInstant(at);
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : localDateOf(instant, zone);
}

/**
 * stdin's lines: one message a line, ended by LF or CRLF. A lone CR stays inside its line (readline would
 * cut there), so one message never yields two outputs; the parser reads it as a break inside the message.
 */
async function* messageLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  const line = (text: string) => (text.endsWith("\r") ? text.slice(0, -1) : text);
  for await (const chunk of input) {
    const parts = (typeof chunk === "string" ? chunk : decoder.write(chunk)).split("\n");
    parts[0] = rest + parts[0];
    rest = parts.pop() ?? "";
    for (const part of parts) yield line(part);
  }
  rest += decoder.end();
  if (rest !== "") yield line(rest);
}

/**
 * `nhacviec parse`: one message a line on stdin, one JSON line out for each (README: the CLI). An update with a
 * percentage over 100 also carries `progress_over_100` (the figure typed; `progress` stays 0–100 or null);
 * the key is absent otherwise, so the contract's five keys are unchanged for every other update. `plan`
 * likewise, only on an update whose task code came with a plan word ("CDS2026 II.2", "II.2 (CDS)").
 */
export async function parseCommand(options: { at?: string }): Promise<void> {
  const config = readConfig();
  const referenceDate = referenceDateOf(options.at, config.APP_TZ, systemClock.now());
  for await (const text of messageLines(process.stdin)) {
    const updates = parseStatusMessage(text, referenceDate).map((update) => ({
      task_ref: update.taskRef,
      ...(update.plan === undefined ? {} : { plan: update.plan }),
      status: update.status,
      progress: update.progress,
      blocker: update.blocker,
      eta: update.eta,
      ...(update.progressOver100 === null ? {} : { progress_over_100: update.progressOver100 }),
    }));
    process.stdout.write(`${JSON.stringify({ text, updates })}\n`);
  }
}
