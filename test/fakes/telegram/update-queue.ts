// The updates waiting for the bot, served by getUpdates with long polling as Telegram serves them.
import type { ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { ApiError } from "./api-error.ts";

/** Upper bound on how long getUpdates holds a request open, in seconds. */
const MAX_POLL_SECONDS = 2;

interface QueuedUpdate {
  update: Update;
  /** Injected with enqueueRawUpdate: delivered once even if the bot's offset already passed its id. */
  forced: boolean;
  delivered: boolean;
}

export interface PollRequest {
  offset: number | undefined;
  limit: number;
  timeoutSeconds: number;
}

export class UpdateQueue {
  private queue: QueuedUpdate[] = [];
  private nextId = 1;
  private readonly wakers = new Set<() => void>();
  private terminateActivePoll: (() => void) | undefined;
  private closed = false;

  /** Enqueues an update built around the next update id. */
  push(build: (updateId: number) => Update): Update {
    return this.add(build(this.nextId++), false);
  }

  /** Enqueues an update as given (the next id if it has none), delivered even below the bot's offset. */
  pushRaw(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const full: Update = { ...update, update_id: update.update_id ?? this.nextId };
    if (full.update_id >= this.nextId) this.nextId = full.update_id + 1;
    return this.add(full, true);
  }

  get pending(): number {
    return this.queue.length;
  }

  // Kept for the webhook mode (issue 11): setWebhook and deleteWebhook may drop pending updates.
  dropPending(): void {
    this.queue = [];
  }

  /** Answers a getUpdates call: at once when updates wait, else held until one arrives or the timeout. */
  async poll(request: PollRequest, res: ServerResponse): Promise<Update[]> {
    // Like Telegram, a new getUpdates request ends the one still waiting with 409.
    this.terminateActivePoll?.();
    this.terminateActivePoll = undefined;
    if (request.offset !== undefined) this.confirm(request.offset);

    const batch = this.collect(request.limit);
    const holdMs = Math.min(request.timeoutSeconds, MAX_POLL_SECONDS) * 1000;
    if (batch.length > 0 || holdMs <= 0 || this.closed) return batch;

    const outcome = await new Promise<"ready" | "terminated">((resolve) => {
      let done = false;
      const finish = (how: "ready" | "terminated"): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.wakers.delete(wake);
        res.off("close", wake);
        if (this.terminateActivePoll === terminate) this.terminateActivePoll = undefined;
        resolve(how);
      };
      const wake = (): void => finish("ready");
      const terminate = (): void => finish("terminated");
      const timer = setTimeout(wake, holdMs);
      this.wakers.add(wake);
      res.on("close", wake); // the client gave up (grammY aborts the poll on bot.stop())
      this.terminateActivePoll = terminate;
    });
    if (outcome === "terminated") {
      throw new ApiError(
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      );
    }
    return res.destroyed ? [] : this.collect(request.limit);
  }

  /** Ends pending long polls (with what they have). */
  close(): void {
    this.closed = true;
    for (const wake of [...this.wakers]) wake();
  }

  private add(update: Update, forced: boolean): Update {
    this.queue.push({ update, forced, delivered: false });
    for (const wake of [...this.wakers]) wake();
    return update;
  }

  /** Forgets updates below `offset` (negative: keep only the last |offset|), as Telegram does. */
  private confirm(offset: number): void {
    if (offset < 0) {
      this.queue = this.queue.slice(offset);
      return;
    }
    if (this.queue.length === 0) return;
    this.queue = this.queue.filter((q) => q.update.update_id >= offset || (q.forced && !q.delivered));
  }

  private collect(limit: number): Update[] {
    const batch: Update[] = [];
    for (const q of this.queue) {
      if (batch.length >= limit) break;
      q.delivered = true;
      batch.push(q.update);
    }
    return batch;
  }
}
