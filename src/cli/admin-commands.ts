import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import SQLite from "better-sqlite3";
import { openDatabase, sqlitePathOf } from "../db/database.ts";
import { databaseProblem } from "../db/database-error.ts";
import { migrateToLatest } from "../db/migrator.ts";
import { createTranslator } from "../i18n/translator.ts";
import { CliError, printJson, printLines, problemOf, readConfig } from "./context.ts";
import { checkOutputFile } from "./output-file.ts";

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
 * A consistent copy while the bot runs: VACUUM INTO writes the database as one read transaction sees
 * it, and in WAL mode the bot goes on writing meanwhile. (SQLite's online backup API restarts its copy
 * whenever another process writes, so while the bot sends a fan-out it may never finish.) An existing
 * target is replaced only with `--force`.
 */
export async function backupCommand(target: string, options: { force?: boolean }): Promise<void> {
  const config = readConfig();
  if (!config.DATABASE_URL.startsWith("sqlite:")) {
    throw new CliError("cli-backup-postgres", { target });
  }
  const source = sqlitePathOf(config.DATABASE_URL);
  if (source === ":memory:") throw new CliError("cli-backup-memory");
  checkOutputFile("backup", target, options.force === true);
  if (!existsSync(source)) throw new CliError("cli-backup-no-database", { source });
  const connection = new SQLite(source, { fileMustExist: true, readonly: true });
  const temporary = `${target}.part`;
  try {
    await rm(temporary, { force: true }); // VACUUM INTO refuses an existing file
    connection.prepare("vacuum into ?").run(temporary);
    await rename(temporary, target); // the target is never a half-written file
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError("cli-backup-failed", { problem: problemOf(error) });
  } finally {
    connection.close();
  }
  printLines([createTranslator(config.LOCALE).t("cli-backup-done", { source, target })]);
}
