// Delivers due outbox rows: claim, pace, send, record. At least once; a crash can only repeat the
// sends that were in flight (see the README, "Reminders and delivery").
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { ChannelName } from "../domain/vocabulary.ts";
import type { Logger } from "../logger.ts";
import {
  claimDueOutbox,
  deferRow,
  markAccountBlocked,
  markFinished,
  markSent,
  type OutboxRow,
  recordAttempt,
  releaseClaim,
} from "../store/outbox.ts";
import { splitLongText } from "../texts/format.ts";
import { type ChannelSender, SendError } from "./channel-sender.ts";
import { withSendLease } from "./send-lease.ts";
import { PacerClosedError, type SendPacer } from "./send-pacer.ts";

export interface DeliveryPolicy {
  /** Attempts per message in one drain; after them a transient failure waits for a later drain. */
  maxAttempts: number;
  /** First retry delay; each further retry doubles it. */
  retryBaseMs: number;
  /** The longest wait between two drains' attempts at one message. */
  retryMaxMs: number;
  /** A message with no expiry of its own fails for good this long after it was planned. */
  giveUpMs: number;
  /** How long a drain holds the database's send lease without renewing it. */
  sendLeaseMs: number;
  /** A "sending" row older than this (wall clock) belongs to a dead drain and is taken over. */
  leaseMs: number;
  /** Rows held at once by one drain. */
  batchSize: number;
}

export interface DrainDeps {
  db: Db;
  senders: ChannelSender[];
  pacer: SendPacer;
  /** The app's clock: what is due, what has expired. */
  clock: Clock;
  /** Real time, for claims and sent_at (a `tick --at` in the past still sends now). */
  wallClock: Clock;
  policy: DeliveryPolicy;
  logger?: Logger;
}

export interface DrainReport {
  sent: number;
  failed: number;
  skipped: number;
  /** Accounts found to have blocked the bot. */
  blocked: number;
  /** Failed attempts that were retried. */
  retries: number;
  /** Messages that failed for now and wait for a later drain (an outage, not a loss). */
  deferred: number;
  /** Messages that failed for good (blocked accounts included, marked). */
  failures: { key: string; reason: string; blocked: boolean }[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Outcome =
  | { status: "sent" }
  | { status: "released" }
  | { status: "deferred" }
  | { status: "failed"; reason: string; blocked: boolean }
  | { status: "skipped"; reason: string };

class RowDelivery {
  retries = 0;
  constructor(
    private readonly deps: DrainDeps,
    private readonly sender: ChannelSender,
    private readonly token: string,
  ) {}

  /** When the message stops being worth sending: its own expiry, else a fixed time after planning. */
  private giveUpAt(row: OutboxRow): string {
    if (row.expiresAt !== null) return row.expiresAt;
    return new Date(Date.parse(row.createdAt) + this.deps.policy.giveUpMs).toISOString();
  }

  async deliver(row: OutboxRow): Promise<Outcome> {
    const { db, policy, clock, wallClock } = this.deps;
    const giveUpAt = this.giveUpAt(row);
    if (giveUpAt <= clock.now().toISOString()) {
      // Expired while an outage kept it from going out: a failure, not a planned skip.
      const finished =
        row.lastError === null
          ? ({ status: "skipped", reason: `expired at ${giveUpAt}` } as const)
          : ({
              status: "failed",
              reason: `expired after ${row.attempts} attempt(s): ${row.lastError}`,
            } as const);
      await markFinished(db, row.id, this.token, finished);
      return finished.status === "failed" ? { ...finished, blocked: false } : finished;
    }
    const parts = splitLongText(row.payload.text, this.sender.maxTextLength);
    let next = 0;
    let attempts = row.attempts;
    let lastError = "no attempt made";
    let transient = false;
    for (let tried = 1; tried <= policy.maxAttempts; tried++) {
      attempts += 1;
      await recordAttempt(db, row.id, this.token, attempts, wallClock.now());
      try {
        let messageId = "";
        // Parts already sent in this process are not repeated on a retry.
        for (; next < parts.length; next++) {
          const text = parts[next] ?? "";
          const buttons = next === parts.length - 1 ? row.payload.buttons : undefined;
          messageId = await (this.sender.pacer ?? this.deps.pacer).schedule(row.chatId, () =>
            this.sender.send(row.chatId, text, buttons),
          );
        }
        await markSent(db, row.id, this.token, { sentAt: wallClock.now(), platformMessageId: messageId });
        return { status: "sent" };
      } catch (error) {
        if (error instanceof PacerClosedError) {
          await releaseClaim(db, row.id, this.token, attempts - 1);
          return { status: "released" };
        }
        const failure = error instanceof SendError ? error : new SendError("transient", String(error));
        lastError = failure.message;
        if (failure.kind === "blocked") {
          await markAccountBlocked(db, row.accountId, wallClock.now());
          const reason = `blocked: ${failure.message}`;
          await markFinished(db, row.id, this.token, { status: "failed", reason });
          return { status: "failed", reason, blocked: true };
        }
        transient = failure.kind === "transient";
        if (!transient) break;
        if (tried < policy.maxAttempts) {
          this.retries += 1;
          this.deps.logger?.warn(
            { key: row.key, attempt: attempts, error: lastError },
            "send failed, retrying",
          );
          await sleep(policy.retryBaseMs * 2 ** (tried - 1));
        }
      }
    }
    const reason = `after ${attempts} attempt(s): ${lastError}`;
    const wait = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** (attempts - 1));
    const retryAt = new Date(clock.now().getTime() + wait);
    if (transient && retryAt.toISOString() < giveUpAt) {
      this.deps.logger?.warn(
        { key: row.key, attempts, error: lastError, retryAt },
        "send failed, will retry later",
      );
      await deferRow(db, row.id, this.token, { attempts, retryAt, reason });
      return { status: "deferred" };
    }
    await markFinished(db, row.id, this.token, { status: "failed", reason });
    return { status: "failed", reason, blocked: false };
  }
}

const emptyReport = (): DrainReport => ({
  sent: 0,
  failed: 0,
  skipped: 0,
  blocked: 0,
  retries: 0,
  deferred: 0,
  failures: [],
});

/**
 * Sends every due row of the channels we have senders for; returns when none is left. Holds the
 * database's send lease meanwhile, waiting for it while another process drains.
 */
export async function drainOutbox(deps: DrainDeps): Promise<DrainReport> {
  const token = randomUUID();
  let lost = false;
  const report = await withSendLease(
    {
      db: deps.db,
      wallClock: deps.wallClock,
      holder: token,
      leaseMs: deps.policy.sendLeaseMs,
      logger: deps.logger,
    },
    {
      stopped: () => deps.pacer.isClosed("scheduled"),
      lost: () => {
        deps.logger?.warn("send lease lost; this drain takes no more messages");
        lost = true;
      },
    },
    () => drainHeld(deps, token, () => lost),
  );
  return report ?? emptyReport();
}

async function drainHeld(deps: DrainDeps, token: string, leaseLost: () => boolean): Promise<DrainReport> {
  const report = emptyReport();
  const senders = new Map<ChannelName, ChannelSender>(deps.senders.map((s) => [s.channel, s]));
  const deliveries = new Map<ChannelName, RowDelivery>(
    deps.senders.map((s) => [s.channel, new RowDelivery(deps, s, token)]),
  );
  const active = new Set<Promise<void>>();
  let exhausted = false;
  const deliverOne = async (row: OutboxRow) => {
    const delivery = deliveries.get(row.channel);
    if (!delivery) return;
    const outcome = await delivery.deliver(row).catch((error: unknown) => {
      // A database error: the row stays claimed and is taken over once its lease runs out.
      deps.logger?.error({ err: error, key: row.key }, "delivery bookkeeping failed");
      return null;
    });
    if (!outcome) return;
    if (outcome.status === "sent") report.sent += 1;
    else if (outcome.status === "skipped") report.skipped += 1;
    else if (outcome.status === "deferred") report.deferred += 1;
    else if (outcome.status === "failed") {
      report.failed += 1;
      if (outcome.blocked) report.blocked += 1;
      report.failures.push({ key: row.key, reason: outcome.reason, blocked: outcome.blocked });
    }
  };
  while (true) {
    // Refill when half the batch is done, so the pacer never runs dry during a fan-out.
    if (deps.pacer.isClosed("scheduled") || leaseLost()) exhausted = true;
    if (!exhausted && active.size <= deps.policy.batchSize / 2) {
      const claimedAt = deps.wallClock.now();
      const rows = await claimDueOutbox(deps.db, {
        token,
        dueAt: deps.clock.now(),
        claimedAt,
        staleBefore: new Date(claimedAt.getTime() - deps.policy.leaseMs),
        channels: [...senders.keys()],
        limit: deps.policy.batchSize - active.size,
      });
      if (rows.length === 0) exhausted = true;
      for (const row of rows) {
        const task: Promise<void> = deliverOne(row).finally(() => active.delete(task));
        active.add(task);
      }
    }
    if (active.size === 0) {
      if (exhausted) break;
      continue;
    }
    await Promise.race(active);
  }
  report.retries = [...deliveries.values()].reduce((sum, d) => sum + d.retries, 0);
  return report;
}
