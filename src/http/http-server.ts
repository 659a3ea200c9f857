// The bot's one HTTP server (webhook mode, or file links): the platforms' webhooks, GET /healthz and
// GET /files/<token>. Nothing else is served, and nothing is listable.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Logger } from "../logger.ts";
import type { FileLinks } from "./file-links.ts";
import { type HealthSources, readHealth } from "./health.ts";
import { serveFile } from "./serve-file.ts";
import type { TelegramWebhook } from "./telegram-webhook.ts";
import { mountWebhook } from "./webhook-route.ts";
import { pathOf, type WebhookUrls } from "./webhook-urls.ts";
import { createZaloWebhook, type ZaloUpdateHandler } from "./zalo-webhook.ts";

export interface HttpServerOptions {
  port: number;
  /** Host to bind; all interfaces by default (a reverse proxy in front terminates TLS). */
  hostname?: string;
  /** Webhook mode: each platform's public URL (see webhookUrlsOf) and WEBHOOK_SECRET. */
  webhooks?: { urls: WebhookUrls; secret: string };
  telegram?: TelegramWebhook;
  zalo?: ZaloUpdateHandler;
  health: HealthSources;
  fileLinks?: FileLinks;
  logger: Logger;
  /** Tests shorten how long a webhook waits for its update to be stored. */
  acceptTimeoutMs?: number;
}

export interface HttpServer {
  /** The port listened on (the one chosen by the system when asked for port 0). */
  port: number;
  /** Stops taking requests and waits for the open ones. */
  close(): Promise<void>;
}

export function createHttpApp(options: HttpServerOptions): Hono {
  const app = new Hono();
  const { webhooks, telegram, zalo, logger } = options;
  if (webhooks?.urls.telegram && telegram) {
    mountWebhook(app, {
      path: pathOf(webhooks.urls.telegram),
      secretHeader: "X-Telegram-Bot-Api-Secret-Token",
      secret: webhooks.secret,
      handle: telegram.handler,
    });
  }
  if (webhooks?.urls.zalo && zalo) {
    mountWebhook(app, {
      path: pathOf(webhooks.urls.zalo),
      secretHeader: "X-Bot-Api-Secret-Token",
      secret: webhooks.secret,
      handle: createZaloWebhook(zalo, { logger, acceptTimeoutMs: options.acceptTimeoutMs }),
    });
  }
  app.get("/healthz", async (c) => {
    const health = await readHealth(options.health);
    return c.json(health, health.database === "ok" ? 200 : 503);
  });
  const { fileLinks } = options;
  if (fileLinks)
    app.get(fileLinks.routePath, (c) => serveFile(c, fileLinks.open(c.req.param("token") ?? "")));
  app.notFound((c) => c.json({ error: "not found" }, 404));
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, "http request failed");
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}

export function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = createHttpApp(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.hostname },
      (info: AddressInfo) =>
        resolve({
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              // Keep-alive connections would hold close() open until they time out.
              if ("closeIdleConnections" in server) server.closeIdleConnections();
            }),
        }),
    );
    server.once("error", reject);
  });
}
