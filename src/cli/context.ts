import { config as loadDotenv } from "dotenv";
import { type App, createApp } from "../app.ts";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import type { Translator } from "../i18n/translator.ts";
import { CliError } from "./cli-error.ts";

// Kept in its own module so that src/cli.ts can catch it without loading the app.
export { CliError };

/** The text of an error thrown by a library or the file system, for "…: {problem}" messages. */
export function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `--at <ISO 8601>` as an instant; one clear error for anything else. */
export function parseInstant(value: string): Date {
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(instant.getTime())) {
    throw new CliError("cli-bad-at", { value });
  }
  return instant;
}

/** Reads .env (the real environment wins) and validates it; a bad key stops with one clear line. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true, processEnv: env });
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError("start-config-error", { problem: error.message }, 2);
    throw error;
  }
}

/** Runs a command body with an app (database migrated) and always closes it. */
export async function withApp<T>(body: (app: App) => Promise<T>, config = readConfig()): Promise<T> {
  const app = await createApp(config);
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.join("\n")}\n`);
}

export type { Translator };
