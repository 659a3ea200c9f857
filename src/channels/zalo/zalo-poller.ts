// Long polling on Zalo: one update per getUpdates; a 408 (nothing arrived) is simply asked again.
// The next update is fetched once the current one is stored, so a chat's messages keep their order.
import type { Translator } from "../../i18n/translator.ts";
import type { Logger } from "../../logger.ts";
import { PollBackoff, settleWithin } from "../polling.ts";
import type { HandledUpdate } from "../telegram/update-poller.ts";
import type { ZaloApi } from "./zalo-api.ts";

export interface ZaloPollerOptions {
  api: ZaloApi;
  handle(body: unknown): HandledUpdate;
  translator: Translator;
  logger: Logger;
  pollSeconds?: number;
}

export function startZaloPoller(options: ZaloPollerOptions): {
  stop(timeoutMs: number): Promise<{ unfinished: number }>;
} {
  const { api, translator, logger } = options;
  const stopping = new AbortController();
  const unanswered = new Set<Promise<void>>();

  const loop = async () => {
    const backoff = new PollBackoff();
    while (!stopping.signal.aborted) {
      let updates: unknown[];
      try {
        updates = await api.getUpdates(options.pollSeconds ?? 30, stopping.signal);
      } catch (error) {
        if (stopping.signal.aborted) return;
        const problem = error instanceof Error ? error.message : String(error);
        logger.warn(
          { retryMs: backoff.ms },
          translator.t("zalo-poll-failed", { problem, seconds: backoff.ms / 1000 }),
        );
        await backoff.pause(stopping.signal);
        continue;
      }
      backoff.reset();
      for (const update of updates) {
        try {
          const handled = options.handle(update);
          const done = handled.done.finally(() => unanswered.delete(done));
          unanswered.add(done);
          // One withheld (database gone) is never accepted; Zalo keeps no copy, so its answer ends the wait.
          await Promise.race([handled.accepted, handled.done]);
        } catch (error) {
          logger.warn({ err: error }, "Zalo sent an update of an unknown shape");
        }
      }
    }
  };
  const polling = loop();

  return {
    async stop(timeoutMs) {
      stopping.abort();
      await settleWithin([polling, ...unanswered], timeoutMs);
      return { unfinished: unanswered.size };
    },
  };
}
