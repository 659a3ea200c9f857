// The composition root: the one place that builds the parts and wires them together. `createApp`
// opens the core; the functions below it wire delivery (senders and pacer), the scheduler and the
// Telegram channel from it, so the CLI commands only call them.
import { type ConsoleDeliver, createConsoleSender } from "./channels/console/console-sender.ts";
import { startTelegram } from "./channels/telegram/telegram-channel.ts";
import { createTelegramSender } from "./channels/telegram/telegram-sender.ts";
import { ZaloApi } from "./channels/zalo/zalo-api.ts";
import { startZalo } from "./channels/zalo/zalo-channel.ts";
import { createZaloPacer, createZaloSender } from "./channels/zalo/zalo-sender.ts";
import { type Clock, systemClock } from "./clock.ts";
import { type Config, reportSettingsOf } from "./config.ts";
import { Conversation } from "./conversation/conversation.ts";
import { type DatabaseHandle, type Db, openDatabase } from "./db/database.ts";
import { databaseProblem } from "./db/database-error.ts";
import { hasMigrations, migrateToLatest } from "./db/migrator.ts";
import type { ChannelSender } from "./delivery/channel-sender.ts";
import { createDeliveryThrough, type Delivery } from "./delivery/delivery.ts";
import type { DrainReport } from "./delivery/drain.ts";
import { SendPacer, TELEGRAM_LIMITS } from "./delivery/send-pacer.ts";
import { makeHolidayChecker } from "./domain/holidays.ts";
import { type BotHttpOptions, fileLinksFor, startBotHttp, webhookUrlsFor } from "./http/start-http.ts";
import { startTelegramWebhook } from "./http/telegram-webhook.ts";
import { startZaloWebhook } from "./http/zalo-webhook.ts";
import { LocalizedError } from "./i18n/localized-error.ts";
import { createTranslator, type Translator } from "./i18n/translator.ts";
import { createLogger, type Logger } from "./logger.ts";
import { seedRegistry } from "./services/agency-directory.ts";
import { reminderScheduleOf } from "./services/calendar-rules.ts";
import { type PlannerDeps, type PlanReport, planReminders } from "./services/reminder-planner.ts";
import { type Scheduler, startScheduler } from "./services/scheduler.ts";

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

/** The core every command needs: database (migrated, registry seeded), texts, clock, the conversation. */
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
    reportSettings: reportSettingsOf(config),
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

/** The one pacer of a process's bot token: chat replies and scheduled sends share it. */
export function createSendPacer(config: Config): SendPacer {
  return new SendPacer({ perSecond: config.SEND_RATE_PER_SECOND, ...TELEGRAM_LIMITS });
}

/**
 * Delivery as configured: Telegram when BOT_TOKEN is set, the console when a console display is given.
 * Without `pacer`, the delivery has a pacer of its own (a process with a bot passes the bot's).
 */
export function createDelivery(
  config: Config,
  deps: {
    db: Db;
    clock: Clock;
    logger?: Logger;
    console?: ConsoleDeliver;
    pacer?: SendPacer;
    /** The Zalo token's pacer, shared with the Zalo channel's replies. */
    zaloPacer?: SendPacer;
  },
): Delivery {
  const pacer = deps.pacer ?? createSendPacer(config);
  const senders: ChannelSender[] = [];
  if (config.BOT_TOKEN) {
    senders.push(createTelegramSender({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, pacer }));
  }
  if (config.ZALO_BOT_TOKEN) {
    const api = new ZaloApi({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT });
    const zaloPacer = deps.zaloPacer ?? createZaloPacer(config.ZALO_SEND_RATE_PER_SECOND);
    senders.push(createZaloSender({ api, pacer: zaloPacer, db: deps.db, clock: deps.clock }));
  }
  if (deps.console) senders.push(createConsoleSender(deps.console));
  return createDeliveryThrough(senders, {
    config,
    db: deps.db,
    clock: deps.clock,
    pacer,
    logger: deps.logger,
  });
}

export interface TickReport {
  plan: PlanReport;
  delivery: DrainReport;
}

export function plannerDepsOf(app: Pick<App, "config" | "database" | "translator">): PlannerDeps {
  return {
    db: app.database.db,
    walCheckpoints: app.database.walCheckpoints,
    translator: app.translator,
    zone: app.config.APP_TZ,
    schedule: reminderScheduleOf(app.config),
    isHoliday: makeHolidayChecker(),
    weeklySummary: app.config.WEEKLY_SUMMARY,
  };
}

/** One scheduler run: plan what is due, then deliver the outbox. `npm start` runs it every minute, `nhacviec tick` once. */
export function createSchedulerTick(
  app: Pick<App, "config" | "database" | "translator" | "clock">,
  delivery: Delivery,
): () => Promise<TickReport> {
  const deps = plannerDepsOf(app);
  return async () => {
    // A vanished database fails every tick, so the log says so every minute.
    app.database.fileWatch.check();
    const plan = await planReminders(deps, app.clock.now());
    return { plan, delivery: await delivery.drain() };
  };
}

/**
 * `npm start`: plan and deliver every minute. Stopping lets sends in flight finish and hands the
 * rest of a fan-out back to the outbox for the next start.
 */
export function startReminderScheduler(
  app: App,
  outlets: { console?: ConsoleDeliver; pacer?: SendPacer; zaloPacer?: SendPacer } = {},
): Scheduler {
  const delivery = createDelivery(app.config, {
    db: app.database.db,
    clock: app.clock,
    logger: app.logger,
    ...outlets,
  });
  const scheduler = startScheduler({
    tick: createSchedulerTick(app, delivery),
    zone: app.config.APP_TZ,
    logger: app.logger,
    now: () => app.clock.now(),
  });
  return {
    ...scheduler,
    async stop() {
      delivery.close();
      await scheduler.stop();
    },
  };
}

export interface RunningBots {
  /** Stops the HTTP server, then the scheduler and the channels (updates in hand finish first). */
  stop(): Promise<void>;
}

/**
 * The bots as configured (Telegram, Zalo or both; webhooks when WEBHOOK_URL is set), the reminder
 * scheduler and the HTTP server, wired around one pacer per token and one store of file links.
 */
export async function startBots(app: App): Promise<RunningBots> {
  const { config } = app;
  const { t } = app.translator;
  const pacer = createSendPacer(config);
  const zaloPacer = createZaloPacer(config.ZALO_SEND_RATE_PER_SECOND);
  const channels: { stop(timeoutMs?: number): Promise<void> }[] = [];
  const getMe = {
    attempts: config.TELEGRAM_START_ATTEMPTS,
    timeoutMs: config.TELEGRAM_START_TIMEOUT_MS,
    retryMs: config.TELEGRAM_START_RETRY_MS,
  };
  const stopChannels = () => Promise.all(channels.map((channel) => channel.stop(config.SHUTDOWN_TIMEOUT_MS)));
  // One store of files: the Zalo channel makes the links, the HTTP server serves them.
  const fileLinks = fileLinksFor(config, app);
  let telegram: BotHttpOptions["telegram"];
  let zalo: BotHttpOptions["zalo"];
  try {
    if (config.BOT_TOKEN) {
      const telegramOptions = {
        pacer,
        token: config.BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        getMe,
        clock: app.clock,
        conversation: app.conversation,
        translator: app.translator,
        logger: app.logger,
      };
      // Webhook mode when WEBHOOK_URL is set; long polling (the default) deletes any webhook left.
      const started = config.WEBHOOK_URL
        ? await startTelegramWebhook(telegramOptions)
        : await startTelegram(telegramOptions);
      channels.push(started);
      telegram = started;
      app.logger.info(
        config.WEBHOOK_URL
          ? t("start-telegram-webhook", { username: started.username, url: config.WEBHOOK_URL })
          : t("start-telegram", { username: started.username }),
      );
    }
    if (config.ZALO_BOT_TOKEN) {
      const zaloOptions = {
        api: new ZaloApi({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT }),
        apiRoot: config.ZALO_API_ROOT,
        getMe,
        pacer: zaloPacer,
        fileLinks,
        conversation: app.conversation,
        translator: app.translator,
        logger: app.logger,
      };
      // getUpdates and a webhook exclude each other: webhook mode has no poller, polling deletes the webhook.
      const zaloUrl = webhookUrlsFor(config)?.zalo;
      const hooked = zaloUrl ? await startZaloWebhook(zaloOptions) : undefined;
      const started = hooked ?? (await startZalo(zaloOptions));
      channels.push(started);
      zalo = { api: zaloOptions.api, webhook: hooked?.webhook };
      app.logger.info(
        zaloUrl
          ? t("zalo-start-webhook", { name: started.name, url: zaloUrl })
          : t("zalo-start", { name: started.name }),
      );
    }
  } catch (error) {
    await stopChannels();
    throw error;
  }
  // Updates not fetched stay with the platform for a start on the restored file.
  app.database.fileWatch.onVanished(() => {
    stopChannels().catch((error: unknown) => app.logger.error({ err: error }, "stopping the channels"));
  });
  const reminders = startReminderScheduler(app, { pacer, zaloPacer });
  const http = await startBotHttp(app, {
    telegram,
    zalo,
    fileLinks,
    lastTickAt: reminders.lastTickAt,
  });
  return {
    // No new requests first; then updates in hand and sends in flight finish before the database closes.
    async stop() {
      await http?.close();
      await Promise.all([reminders.stop(), stopChannels()]);
      pacer.close();
      zaloPacer.close();
    },
  };
}
