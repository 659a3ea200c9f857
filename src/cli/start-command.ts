import { dirname } from "node:path";
import { type App, createApp } from "../app.ts";
import { startConsoleChannel } from "../channels/console/console-channel.ts";
import { startTelegram } from "../channels/telegram/telegram-channel.ts";
import { databaseProblemOf } from "../db/database-error.ts";
import { builtinCatalogue } from "../plan-import/read-catalogue.ts";
import { createInvite } from "../services/linking.ts";
import { importCatalogue } from "../services/plan-import.ts";
import { startReminderScheduler } from "../services/scheduler-tick.ts";
import { readConfig } from "./context.ts";

const DEMO_AGENCY = "so-tttt";

/** The console needs something to show: the built-in plan on first run, and invites to try both roles. */
async function prepareConsole(app: App): Promise<string[]> {
  const { t } = app.translator;
  const db = app.database.db;
  const lines: string[] = [];
  const plan = await db.selectFrom("plans").select("id").executeTakeFirst();
  if (!plan) {
    const read = await builtinCatalogue();
    const summary = await db
      .transaction()
      .execute((trx) =>
        importCatalogue(trx, read, { actor: "console", now: app.clock.now(), source: "builtin" }),
      );
    lines.push(t("console-plan-loaded", { plan: summary.planCode, tasks: summary.tasksRead }));
  }
  const consoleAccount = await db
    .selectFrom("channel_accounts")
    .select("id")
    .where("channel", "=", "console")
    .executeTakeFirst();
  if (!consoleAccount) {
    const now = app.clock.now();
    const ttlDays = app.config.INVITE_TTL_DAYS;
    const official = await createInvite(
      db,
      { agency: DEMO_AGENCY, role: "official", createdBy: "console", ttlDays },
      now,
    );
    const coordinator = await createInvite(
      db,
      { agency: null, role: "coordinator", createdBy: "console", ttlDays },
      now,
    );
    lines.push(
      t("console-demo-invites", {
        agency: official.agencyName ?? DEMO_AGENCY,
        officialCode: official.code,
        coordinatorCode: coordinator.code,
      }),
    );
  }
  lines.push(t("console-usage"));
  return lines;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

/** `npm start`: Telegram when BOT_TOKEN is set, otherwise a chat in this terminal. */
export async function startCommand(): Promise<void> {
  const config = readConfig();
  const app = await createApp(config, { create: true });
  const { t } = app.translator;
  try {
    if (config.BOT_TOKEN) {
      const telegram = await startTelegram({
        token: config.BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        getMe: {
          attempts: config.TELEGRAM_START_ATTEMPTS,
          timeoutMs: config.TELEGRAM_START_TIMEOUT_MS,
          retryMs: config.TELEGRAM_START_RETRY_MS,
        },
        clock: app.clock,
        conversation: app.conversation,
        translator: app.translator,
        logger: app.logger,
      });
      app.logger.info(t("start-telegram", { username: telegram.username }));
      const reminders = startReminderScheduler(app);
      await waitForSignal();
      await reminders.stop();
      await telegram.stop();
      return;
    }
    const database = app.database.sqlitePath ?? config.DATABASE_URL.replace(/\/\/[^@]*@/, "//***@");
    process.stdout.write(`${t("console-banner", { database })}\n`);
    process.stdout.write(`${(await prepareConsole(app)).join("\n")}\n`);
    const terminal = startConsoleChannel({
      conversation: app.conversation,
      translator: app.translator,
      clock: app.clock,
      input: process.stdin,
      output: process.stdout,
      documentsFolder: app.database.sqlitePath ? dirname(app.database.sqlitePath) : process.cwd(),
    });
    const reminders = startReminderScheduler(app, terminal.deliver);
    await terminal.finished;
    await reminders.stop();
  } catch (error) {
    throw databaseProblemOf(error, app.database) ?? error;
  } finally {
    await app.close();
  }
}
