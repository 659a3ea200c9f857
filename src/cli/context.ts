import { config as loadDotenv } from "dotenv";
import { type App, createApp } from "../app.ts";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import { createTranslator, type Translator } from "../i18n/translator.ts";

/** An error the CLI prints as one line on stderr, exiting with the given code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Reads .env (the real environment wins) and validates it; a bad key stops with one clear line. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true, processEnv: env });
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      const translator = createTranslator(env.LOCALE === "en" ? "en" : "vi");
      throw new CliError(translator.t("start-config-error", { problem: error.message }), 2);
    }
    throw error;
  }
}

/** Runs a command body with an app (database migrated) and always closes it. */
export async function withApp<T>(body: (app: App) => Promise<T>): Promise<T> {
  const app = await createApp(readConfig());
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
