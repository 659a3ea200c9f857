// Only one process drains the outbox at a time: instances sharing a database (the bot and a `tick`,
// two ticks) then share Telegram's rate instead of each sending at the full pace. The lease is short
// and renewed while sending, so a crashed holder blocks the others for at most one lease.
import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { releaseLease, takeLease } from "../store/send-leases.ts";

const LEASE_NAME = "outbox";
const WAIT_POLL_MS = 500;

export interface SendLeaseDeps {
  db: Db;
  /** Real time: leases are shared between processes. */
  wallClock: Clock;
  holder: string;
  /** How long a holder keeps the lease without renewing it (SEND_LEASE_SECONDS). */
  leaseMs: number;
  logger?: Logger;
}

/** Takes the lease when it is free, expired, or already ours (a renewal). */
export async function tryLease(deps: SendLeaseDeps): Promise<boolean> {
  const now = deps.wallClock.now();
  const expiresAt = new Date(now.getTime() + deps.leaseMs);
  return takeLease(deps.db, { name: LEASE_NAME, holder: deps.holder, now, expiresAt });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` holding the lease, after waiting for it while another process drains; null when
 * `stopped()` turned true before the lease was ours. `lost` is called when a renewal fails (this
 * process stalled past the lease): the work should then stop taking new messages.
 */
export async function withSendLease<T>(
  deps: SendLeaseDeps,
  control: { stopped(): boolean; lost(): void },
  work: () => Promise<T>,
): Promise<T | null> {
  while (!(await tryLease(deps))) {
    if (control.stopped()) return null;
    await sleep(WAIT_POLL_MS);
  }
  const renewal = setInterval(() => {
    tryLease(deps)
      .then((held) => {
        if (!held) control.lost();
      })
      .catch((error: unknown) => {
        deps.logger?.error({ err: error }, "renewing the send lease failed");
        control.lost();
      });
  }, deps.leaseMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await releaseLease(deps.db, LEASE_NAME, deps.holder).catch((error: unknown) =>
      deps.logger?.warn({ err: error }, "releasing the send lease failed; it expires by itself"),
    );
  }
}
