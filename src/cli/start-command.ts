import { createApp, createSendPacer, startReminderScheduler } from "../app.ts";
import { startTelegram } from "../channels/telegram/telegram-channel.ts";
import { ZaloApi } from "../channels/zalo/zalo-api.ts";
import { startZalo } from "../channels/zalo/zalo-channel.ts";
import { createZaloPacer } from "../channels/zalo/zalo-sender.ts";
import { SimulatedClock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import { BOT_BUSY_TIMEOUT_MS } from "../db/busy-retry.ts";
import { databaseProblemOf } from "../db/database-error.ts";
import { localDateOf } from "../domain/calendar.ts";
import { readInstant } from "../domain/date-time-input.ts";
import { type BotHttpOptions, fileLinksFor, startBotHttp, webhookUrlsFor } from "../http/start-http.ts";
import { startTelegramWebhook } from "../http/telegram-webhook.ts";
import { startZaloWebhook } from "../http/zalo-webhook.ts";
import { runConsole } from "./console-start.ts";
import { CliError, readConfig } from "./context.ts";

/** `--at 2020-03-13T08:00` or `--at "13/3/2020 08:00"`: a wall time in APP_TZ, or an ISO instant. */
function demoStart(at: string, config: Config): Date {
  const year = Number(localDateOf(new Date(), config.APP_TZ).slice(0, 4));
  const instant = readInstant(at, { year, ...config.REMINDER_TIME }, config.APP_TZ);
  if (instant === null) throw new CliError("cli-bad-start-at", { value: at });
  return instant;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

/**
 * `npm start [-- --at <instant>]`: Telegram when BOT_TOKEN is set, Zalo when ZALO_BOT_TOKEN is (either or
 * both), otherwise a chat in this terminal,
 * whose clock may start at a simulated instant.
 */
export async function startCommand(options: { at?: string } = {}): Promise<void> {
  const config = readConfig();
  const bots = Boolean(config.BOT_TOKEN || config.ZALO_BOT_TOKEN);
  // A simulated clock would send real people reminders of a past quarter.
  if (bots && options.at !== undefined) throw new CliError("cli-start-at-needs-console");
  const start = options.at === undefined ? null : demoStart(options.at, config);
  const consoleClock = bots ? null : new SimulatedClock(start ?? new Date());
  // The bot answers many chats: it never blocks on another process's lock (busy-retry.ts).
  const app = await createApp(config, {
    clock: consoleClock ?? systemClock,
    create: true,
    busyTimeoutMs: BOT_BUSY_TIMEOUT_MS,
  });
  const { t } = app.translator;
  try {
    if (bots) {
      // Listening from the start: a SIGTERM while connecting still ends in an orderly stop.
      const signalled = waitForSignal();
      const pacer = createSendPacer(config);
      const zaloPacer = createZaloPacer(config.ZALO_SEND_RATE_PER_SECOND);
      const channels: { stop(timeoutMs?: number): Promise<void> }[] = [];
      const getMe = {
        attempts: config.TELEGRAM_START_ATTEMPTS,
        timeoutMs: config.TELEGRAM_START_TIMEOUT_MS,
        retryMs: config.TELEGRAM_START_RETRY_MS,
      };
      const stopChannels = () =>
        Promise.all(channels.map((channel) => channel.stop(config.SHUTDOWN_TIMEOUT_MS)));
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
      await signalled;
      // No new requests first; then updates in hand and sends in flight finish before the database closes.
      await http?.close();
      await Promise.all([reminders.stop(), stopChannels()]);
      pacer.close();
      zaloPacer.close();
      return;
    }
    if (consoleClock) await runConsole(app, consoleClock, start !== null);
  } catch (error) {
    throw databaseProblemOf(error, app.database) ?? error;
  } finally {
    await app.close();
  }
}
