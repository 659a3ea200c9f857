import type { Context } from "hono";
import type { ZaloApi } from "../channels/zalo/zalo-api.ts";
import {
  createZaloBot,
  introduceZaloBot,
  type ZaloChannel,
  type ZaloChannelOptions,
} from "../channels/zalo/zalo-channel.ts";
import { ZaloUpdateShapeError } from "../channels/zalo/zalo-update.ts";
import type { Logger } from "../logger.ts";
import { acceptInTime, NotAcceptedError } from "./accept-in-time.ts";
import { InHand } from "./in-hand.ts";
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
    // A sync throw (a body of the wrong shape) becomes a rejection, answered 400 below.
    const accept = async () => acceptInTime(handle(update), timeoutMs);
    const identity = zaloEventIdentity(update);
    try {
      await (identity === null ? accept() : replays.run(identity, accept));
      return c.json({ ok: true });
    } catch (error) {
      if (error instanceof ZaloUpdateShapeError) return c.json({ error: error.message }, 400);
      options.logger.warn({ err: error }, "zalo webhook update not accepted");
      return c.json({ error: "not stored, send again" }, 503);
    }
  };
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/**
 * Webhook mode's Zalo channel: getMe as for polling, no poller (Zalo's getUpdates and a webhook
 * exclude each other). `webhook` resolves once its update is stored; answered without being stored
 * (the database file vanished), it rejects, so Zalo is told to send it again.
 */
export async function startZaloWebhook(
  options: ZaloChannelOptions,
): Promise<ZaloChannel & { webhook: ZaloUpdateHandler }> {
  const name = await introduceZaloBot(options);
  const bot = createZaloBot(options);
  const inHand = new InHand();
  let stopped: Promise<void> | null = null;
  return {
    name,
    handleZaloUpdate: (body) => bot.handleZaloUpdate(body),
    webhook(body) {
      const handled = bot.handleZaloUpdate(body);
      inHand.track(handled.done);
      const notStored = handled.done.then(() => {
        throw new NotAcceptedError("answered but not stored");
      });
      return Promise.race([handled.accepted, notStored]);
    },
    stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS) {
      stopped ??= inHand.settle(timeoutMs).then((unfinished) => {
        bot.silence();
        if (unfinished > 0) options.logger.warn({ unfinished }, "Zalo updates unfinished at shutdown");
      });
      return stopped;
    },
  };
}

/** At start in webhook mode, once the server listens: Zalo posts updates to `url`, with `secret` in its header. */
export async function registerZaloWebhook(api: ZaloApi, url: string, secret: string): Promise<void> {
  await api.setWebhook(url, secret);
}
