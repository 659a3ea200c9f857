import type { Bot } from "grammy";
import type { App } from "../app.ts";
import type { ZaloApi } from "../channels/zalo/zalo-api.ts";
import type { Config } from "../config.ts";
import { createFileLinks, type FileLinks } from "./file-links.ts";
import type { HttpServer } from "./http-server.ts";
import { registerTelegramWebhook, type TelegramWebhook } from "./telegram-webhook.ts";
import { type WebhookUrls, webhookUrlsOf } from "./webhook-urls.ts";
import { registerZaloWebhook, type ZaloUpdateHandler } from "./zalo-webhook.ts";

/** Each running platform's webhook URL; null in long-polling mode (WEBHOOK_URL unset). */
export function webhookUrlsFor(config: Config): WebhookUrls | null {
  if (!config.WEBHOOK_URL) return null;
  return webhookUrlsOf(config.WEBHOOK_URL, {
    telegram: config.BOT_TOKEN !== undefined,
    zalo: config.ZALO_BOT_TOKEN !== undefined,
  });
}

/** File links need a public HTTPS base: PUBLIC_BASE_URL, else WEBHOOK_URL's origin; none in pure polling. */
export function fileLinksFor(config: Config, app: Pick<App, "clock">): FileLinks | undefined {
  const base = config.PUBLIC_BASE_URL ?? (config.WEBHOOK_URL && new URL(config.WEBHOOK_URL).origin);
  return base
    ? createFileLinks({ baseUrl: base, ttlHours: config.FILE_LINK_HOURS, clock: app.clock })
    : undefined;
}

export interface BotHttpOptions {
  /** The Telegram channel; it has a webhook in webhook mode. */
  telegram?: { bot: Bot; webhook?: TelegramWebhook };
  /** The Zalo channel's API; its webhook handler in webhook mode. */
  zalo?: { api: ZaloApi; webhook?: ZaloUpdateHandler };
  fileLinks?: FileLinks;
  lastTickAt(): Date | null;
  /** Instead of PORT (tests listen on port 0). */
  port?: number;
}

/**
 * The HTTP server on PORT when it has something to serve (webhooks, file links); then, once it
 * listens, Telegram and Zalo are told where to post, so no update is sent to a port not yet open.
 */
export async function startBotHttp(app: App, options: BotHttpOptions): Promise<HttpServer | null> {
  const { config } = app;
  const urls = webhookUrlsFor(config);
  if (!urls && !options.fileLinks) return null;
  // Hono loads only when there is a server to run (long polling alone needs none).
  const { startHttpServer } = await import("./http-server.ts");
  const server = await startHttpServer({
    port: options.port ?? config.PORT,
    webhooks: urls && config.WEBHOOK_SECRET ? { urls, secret: config.WEBHOOK_SECRET } : undefined,
    telegram: options.telegram?.webhook,
    zalo: options.zalo?.webhook,
    health: { database: app.database, lastTickAt: options.lastTickAt },
    fileLinks: options.fileLinks,
    logger: app.logger,
  });
  app.logger.info(app.translator.t("start-http", { port: server.port }));
  try {
    if (urls?.telegram && options.telegram?.webhook && config.WEBHOOK_SECRET) {
      await registerTelegramWebhook(options.telegram.bot, urls.telegram, config.WEBHOOK_SECRET);
    }
    if (urls?.zalo && options.zalo?.webhook && config.WEBHOOK_SECRET) {
      await registerZaloWebhook(options.zalo.api, urls.zalo, config.WEBHOOK_SECRET);
    }
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
