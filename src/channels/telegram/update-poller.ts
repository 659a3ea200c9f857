// Long polling that confirms to Telegram only updates the bot has accepted (stored, or decided to
// ignore). Telegram forgets every update below the `offset` of the next getUpdates, so the next batch
// is fetched only once the whole current batch is accepted; at shutdown the last confirmation covers
// the accepted prefix of the batch, and what was still unfinished is redelivered at the next start.
import type { Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../logger.ts";
import { PollBackoff, settleWithin } from "../polling.ts";

/** One update handed to the bot: `accepted` once it is stored, `done` once it is answered too. */
export interface HandledUpdate {
  accepted: Promise<void>;
  done: Promise<void>;
}

export interface UpdatePollerOptions {
  api: Api;
  allowedUpdates: readonly ("message" | "edited_message" | "callback_query")[];
  handle(update: Update): HandledUpdate;
  logger: Logger;
  /** Long-poll wait of one getUpdates. */
  pollSeconds?: number;
}

export interface UpdatePoller {
  /**
   * Stops fetching, waits up to `timeoutMs` for every update in hand to be answered, confirms the
   * accepted ones and resolves with how many were left unfinished (Telegram sends those again).
   */
  stop(timeoutMs: number): Promise<{ unfinished: number }>;
}

interface Entry {
  id: number;
  accepted: boolean;
}

// The final confirmation must not hold the shutdown if Telegram is unreachable.
const CONFIRM_TIMEOUT_MS = 5000;

export function startUpdatePoller(options: UpdatePollerOptions): UpdatePoller {
  const { api, logger } = options;
  const stopping = new AbortController();
  const unanswered = new Set<Promise<void>>();
  /** The offset last sent: every update below it is confirmed. */
  let confirmed = 0;
  let batch: Entry[] = [];

  const getUpdates = (offset: number, timeout: number, limit: number, signal: AbortSignal) => {
    confirmed = Math.max(confirmed, offset);
    return api.getUpdates(
      { offset, timeout, limit, allowed_updates: [...options.allowedUpdates] },
      // grammY types its signal with an old polyfill's AbortSignal; Node's is the same at runtime.
      signal as Parameters<Api["getUpdates"]>[1],
    );
  };

  const accept = async (updates: Update[]) => {
    batch = updates.map((update) => ({ id: update.update_id, accepted: false }));
    await Promise.all(
      updates.map((update, index) => {
        const handled = options.handle(update);
        // `done` never fails (the bot logs what failed): one reaction, no finally chain.
        const done: Promise<void> = handled.done.then(
          () => {
            unanswered.delete(done);
          },
          () => {
            unanswered.delete(done);
          },
        );
        unanswered.add(done);
        return handled.accepted.then(() => {
          const entry = batch[index];
          if (entry) entry.accepted = true;
        });
      }),
    );
  };

  const loop = async () => {
    const backoff = new PollBackoff();
    let offset = 0;
    while (!stopping.signal.aborted) {
      let updates: Update[];
      try {
        updates = await getUpdates(offset, options.pollSeconds ?? 30, 100, stopping.signal);
      } catch (error) {
        if (stopping.signal.aborted) return;
        logger.error({ err: error, retryMs: backoff.ms }, "getUpdates failed");
        await backoff.pause(stopping.signal);
        continue;
      }
      backoff.reset();
      await accept(updates);
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
    }
  };
  const polling = loop();

  return {
    async stop(timeoutMs) {
      stopping.abort();
      await settleWithin([polling, ...unanswered], timeoutMs);
      const firstOpen = batch.find((entry) => !entry.accepted);
      const last = batch.at(-1);
      const upTo = firstOpen ? firstOpen.id : last ? last.id + 1 : 0;
      if (upTo > confirmed) {
        // getUpdates with a higher offset is Telegram's only way to confirm; what it answers stays unconfirmed.
        await getUpdates(upTo, 0, 1, AbortSignal.timeout(CONFIRM_TIMEOUT_MS)).catch((error: unknown) =>
          logger.warn({ err: error }, "confirming the last updates failed; Telegram will send them again"),
        );
      }
      return { unfinished: unanswered.size };
    },
  };
}
