import { pino } from "pino";

export type Logger = pino.Logger;

/** Logs go to stderr, so stdout stays clean for the CLI's data and the console chat. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
