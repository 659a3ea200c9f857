import { config as loadDotenv } from "dotenv";
import { type App, createApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { databaseProblemOf } from "../db/database-error.ts";
import { isValidLocalDate } from "../domain/calendar.ts";
import type { Translator } from "../i18n/translator.ts";
import { CliError } from "./cli-error.ts";

// Kept in its own module so that src/cli.ts can catch it without loading the app.
export { CliError };

/** The text of an error thrown by a library or the file system, for "…: {problem}" messages. */
export function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `--at <ISO 8601>` as an instant; one clear error for anything else, or for a day the calendar lacks. */
export function parseInstant(value: string): Date {
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(instant.getTime())) {
    throw new CliError("cli-bad-at", { value });
  }
  // Date rolls "2020-02-31" over to 2 March; a typo must not silently become another day.
  if (!isValidLocalDate(value.slice(0, 10))) throw new CliError("cli-at-no-such-day", { value });
  return instant;
}

/** Reads .env (the real environment wins) and validates it; a bad key throws a ConfigError (exit 2). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true, processEnv: env });
  return loadConfig(env);
}

async function runWithApp<T>(
  create: boolean,
  body: (app: App) => Promise<T>,
  config: Config = readConfig(),
): Promise<T> {
  const app = await createApp(config, { create });
  try {
    return await body(app);
  } catch (error) {
    throw databaseProblemOf(error, app.database) ?? error;
  } finally {
    await app.close();
  }
}

/** Runs a command body with an app (database migrated), always closing it; a missing database is an error. */
export function withApp<T>(body: (app: App) => Promise<T>, config?: Config): Promise<T> {
  return runWithApp(false, body, config);
}

/** Like withApp, for the commands that load data (`import`): a missing database is created. */
export function withAppCreatingDb<T>(body: (app: App) => Promise<T>, config?: Config): Promise<T> {
  return runWithApp(true, body, config);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.join("\n")}\n`);
}

export type { Translator };
