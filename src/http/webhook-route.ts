import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secretMatches } from "./secret-header.ts";

/** Telegram's updates are a few KB; Zalo's too. A bigger body is not an update. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface WebhookRoute {
  path: string;
  /** The platform's secret header, e.g. X-Telegram-Bot-Api-Secret-Token. */
  secretHeader: string;
  secret: string;
  /** Runs with a JSON object body; answers once the update is accepted. */
  handle(c: Context, update: unknown): Promise<Response>;
}

/** POST `path`: wrong or missing secret 401, a body over the limit 413, not a JSON object 400. */
export function mountWebhook(app: Hono, route: WebhookRoute, maxBodyBytes = MAX_WEBHOOK_BODY_BYTES): void {
  app.post(
    route.path,
    // The secret first: a stranger's request is refused before its body is read.
    async (c, next) => {
      if (!secretMatches(c.req.header(route.secretHeader), route.secret)) {
        return c.json({ error: "wrong or missing secret token" }, 401);
      }
      await next();
    },
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json({ error: `body over ${maxBodyBytes} bytes` }, 413),
    }),
    async (c) => {
      let update: unknown;
      try {
        update = await c.req.json();
      } catch {
        return c.json({ error: "malformed JSON" }, 400);
      }
      if (typeof update !== "object" || update === null || Array.isArray(update)) {
        return c.json({ error: "an update is a JSON object" }, 400);
      }
      return route.handle(c, update);
    },
  );
}
