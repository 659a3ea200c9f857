import { type Clock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import type { ChannelSender } from "./channel-sender.ts";
import { type DeliveryPolicy, type DrainReport, drainOutbox } from "./drain.ts";
import type { SendPacer } from "./send-pacer.ts";

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
    sendLeaseMs: config.SEND_LEASE_SECONDS * 1000,
    leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
    // About two seconds of sending: enough to keep the pacer busy, little to hand over after a crash.
    batchSize: Math.max(10, config.SEND_RATE_PER_SECOND * 2),
  };
}

/**
 * Delivery through the given senders (the composition root picks them from the configuration). One
 * pacer per process, shared by every drain (and by the bot's replies), so Telegram's limits hold
 * across ticks. Closing stops the scheduled sends; replies keep the pacer.
 */
export function createDeliveryThrough(
  senders: ChannelSender[],
  deps: { config: Config; db: Db; clock: Clock; pacer: SendPacer; logger?: Logger },
): Delivery {
  const policy = deliveryPolicyOf(deps.config);
  return {
    channels: senders.map((sender) => sender.channel),
    drain: () =>
      drainOutbox({
        db: deps.db,
        senders,
        pacer: deps.pacer,
        clock: deps.clock,
        wallClock: systemClock,
        policy,
        logger: deps.logger,
      }),
    // Each sender's own pacer too (Zalo's): the fan-out stops, chat replies may still go out.
    close: () => {
      for (const pacer of new Set([deps.pacer, ...senders.flatMap((sender) => sender.pacer ?? [])]))
        pacer.close(["scheduled"]);
    },
  };
}
