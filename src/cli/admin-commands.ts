import { rename } from "node:fs/promises";
import SQLite from "better-sqlite3";
import { openDatabase, sqlitePathOf } from "../db/database.ts";
import { databaseProblem } from "../db/database-error.ts";
import { migrateToLatest } from "../db/migrator.ts";
import { createTranslator } from "../i18n/translator.ts";
import { CliError, printJson, printLines, problemOf, readConfig } from "./context.ts";

export async function migrateCommand(options: { json?: boolean }): Promise<void> {
  const config = readConfig();
  const database = openDatabase(config.DATABASE_URL, { create: true });
  try {
    const { applied } = await migrateToLatest(database.db).catch((error: unknown) => {
      throw databaseProblem(error, database);
    });
    if (options.json) return printJson({ applied });
    const { t } = createTranslator(config.LOCALE);
    printLines([
      applied.length > 0 ? t("cli-migrated", { names: applied.join(", ") }) : t("cli-migrate-none"),
    ]);
  } finally {
    await database.close();
  }
}

/**
 * A consistent copy while the bot runs: SQLite's online backup API copies a snapshot page by page
 * without stopping writers.
 */
export async function backupCommand(target: string): Promise<void> {
  const config = readConfig();
  if (!config.DATABASE_URL.startsWith("sqlite:")) {
    throw new CliError("cli-backup-postgres");
  }
  const source = sqlitePathOf(config.DATABASE_URL);
  if (source === ":memory:") throw new CliError("cli-backup-memory");
  const connection = new SQLite(source, { fileMustExist: true });
  try {
    const temporary = `${target}.part`;
    await connection.backup(temporary);
    await rename(temporary, target); // the target is never a half-written file
  } catch (error) {
    throw new CliError("cli-backup-failed", { problem: problemOf(error) });
  } finally {
    connection.close();
  }
  printLines([createTranslator(config.LOCALE).t("cli-backup-done", { source, target })]);
}
