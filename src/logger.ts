import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * Logs go to stderr, so stdout stays clean for the CLI's data and the console chat; through
 * process.stderr (not fd 2 directly), so a CLI run inside a test captures them too.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, process.stderr);
}
