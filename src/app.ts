import { type Clock, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { Conversation } from "./conversation/conversation.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { databaseProblem } from "./db/database-error.ts";
import { hasMigrations, migrateToLatest } from "./db/migrator.ts";
import { LocalizedError } from "./i18n/localized-error.ts";
import { createTranslator, type Translator } from "./i18n/translator.ts";
import { createLogger, type Logger } from "./logger.ts";
import { seedRegistry } from "./services/agency-directory.ts";

export interface App {
  config: Config;
  database: DatabaseHandle;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  conversation: Conversation;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /**
   * Create and migrate a missing database (`migrate`, `start`, `import`). Without it, a missing or
   * never-migrated database is an error and nothing is created; pending migrations are still applied.
   */
  create?: boolean;
  /** SQLite's blocking wait for another process's write lock (see OpenOptions). */
  busyTimeoutMs?: number;
}

/** Composition root: database (migrated, registry seeded), texts, clock and the conversation core. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const create = options.create ?? false;
  const database = openDatabase(config.DATABASE_URL, { create, busyTimeoutMs: options.busyTimeoutMs });
  try {
    if (!create && !(await hasMigrations(database.db))) {
      throw new LocalizedError("db-missing", { database: database.label });
    }
    await migrateToLatest(database.db);
    await seedRegistry(database.db, clock.now());
  } catch (error) {
    await database.close();
    throw databaseProblem(error, database);
  }
  const translator = createTranslator(config.LOCALE);
  database.fileWatch.onVanished(() =>
    logger.error(translator.t("db-vanished-running", { database: database.label })),
  );
  const conversation = new Conversation({
    checkDatabase: () => database.fileWatch.check(),
    db: database.db,
    translator,
    clock,
    zone: config.APP_TZ,
    staleAfterDays: config.STALE_AFTER_DAYS,
  });
  return {
    config,
    database,
    translator,
    clock,
    logger,
    conversation,
    close: () => database.close(),
  };
}
