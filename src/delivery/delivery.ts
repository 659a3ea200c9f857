import { type ConsoleDeliver, createConsoleSender } from "../channels/console/console-sender.ts";
import { createTelegramSender } from "../channels/telegram/telegram-sender.ts";
import { type Clock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import type { ChannelSender } from "./channel-sender.ts";
import { type DeliveryPolicy, type DrainReport, drainOutbox } from "./drain.ts";
import { SendPacer, TELEGRAM_LIMITS } from "./send-pacer.ts";

export interface Delivery {
  /** The channels this process delivers to; rows of other channels wait for one that can. */
  channels: string[];
  drain(): Promise<DrainReport>;
  close(): void;
}

export function deliveryPolicyOf(config: Config): DeliveryPolicy {
  return {
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    retryBaseMs: config.DELIVERY_RETRY_BASE_MS,
    retryMaxMs: config.DELIVERY_RETRY_MAX_SECONDS * 1000,
    giveUpMs: config.DELIVERY_GIVE_UP_HOURS * 3_600_000,
    leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
    // About two seconds of sending: enough to keep the pacer busy, little to hand over after a crash.
    batchSize: Math.max(10, config.SEND_RATE_PER_SECOND * 2),
  };
}

/** The one pacer of a process's bot token: chat replies and scheduled sends share it. */
export function createSendPacer(config: Config): SendPacer {
  return new SendPacer({ perSecond: config.SEND_RATE_PER_SECOND, ...TELEGRAM_LIMITS });
}

/**
 * Delivery as configured: Telegram when BOT_TOKEN is set, the console when a console display is given.
 * One pacer per process, shared by every drain (and by the bot's replies when `pacer` is given), so
 * Telegram's limits hold across ticks. Closing stops the scheduled sends; replies keep the pacer.
 */
export function createDelivery(
  config: Config,
  deps: { db: Db; clock: Clock; logger?: Logger; console?: ConsoleDeliver; pacer?: SendPacer },
): Delivery {
  const pacer = deps.pacer ?? createSendPacer(config);
  const senders: ChannelSender[] = [];
  if (config.BOT_TOKEN) {
    senders.push(createTelegramSender({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, pacer }));
  }
  if (deps.console) senders.push(createConsoleSender(deps.console));
  const policy = deliveryPolicyOf(config);
  return {
    channels: senders.map((sender) => sender.channel),
    drain: () =>
      drainOutbox({
        db: deps.db,
        senders,
        pacer,
        clock: deps.clock,
        wallClock: systemClock,
        policy,
        logger: deps.logger,
      }),
    close: () => pacer.close(["scheduled"]),
  };
}
