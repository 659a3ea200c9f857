import type { Context } from "hono";
import type { Logger } from "../logger.ts";
import { acceptInTime } from "./accept-in-time.ts";
import { ReplayGuard } from "./replay-guard.ts";
import { ACCEPT_TIMEOUT_MS } from "./telegram-webhook.ts";

/**
 * Hands one Zalo update (the webhook body as it came) to the Zalo channel; resolves once the update
 * is stored (or deliberately ignored), before the replies are sent.
 */
export type ZaloUpdateHandler = (update: unknown) => Promise<void>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What identifies a Zalo event across redeliveries: its name and message id (the platform sends the
 * same event twice at times). A body may come with or without the `{ok, result}` wrapper.
 */
export function zaloEventIdentity(body: unknown): string | null {
  const update = isRecord(body) && "result" in body ? body.result : body;
  if (!isRecord(update) || !isRecord(update.message)) return null;
  const name = update.event_name;
  const id = update.message.message_id;
  return typeof name === "string" && (typeof id === "string" || typeof id === "number")
    ? `zalo:${name}:${id}`
    : null;
}

export function createZaloWebhook(
  handle: ZaloUpdateHandler,
  options: { logger: Logger; acceptTimeoutMs?: number },
): (c: Context, update: unknown) => Promise<Response> {
  const replays = new ReplayGuard();
  const timeoutMs = options.acceptTimeoutMs ?? ACCEPT_TIMEOUT_MS;
  return async (c, update) => {
    const accept = () => acceptInTime(handle(update), timeoutMs);
    const identity = zaloEventIdentity(update);
    try {
      await (identity === null ? accept() : replays.run(identity, accept));
      return c.json({ ok: true });
    } catch (error) {
      options.logger.warn({ err: error }, "zalo webhook update not accepted");
      return c.json({ error: "not stored, send again" }, 503);
    }
  };
}
