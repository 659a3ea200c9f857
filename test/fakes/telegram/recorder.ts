// Every call and every sent message, and the waits tests put on them.
import type { RecordedCall, SentMessage } from "./types.ts";

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class Recorder {
  readonly calls: RecordedCall[] = [];
  readonly sent: SentMessage[] = [];
  private readonly messageWaiters = new Set<Waiter<SentMessage>>();
  private readonly callWaiters = new Set<Waiter<RecordedCall>>();

  addSent(message: SentMessage): void {
    this.sent.push(message);
    notify(this.messageWaiters, message);
  }

  /** A call has been answered (or dropped). */
  answered(call: RecordedCall): void {
    notify(this.callWaiters, call);
  }

  waitForMessage(
    predicate: (m: SentMessage) => boolean,
    timeoutMs: number,
    since: number,
    what: string,
  ): Promise<SentMessage> {
    const found = this.sent.slice(Math.max(0, since)).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return wait(this.messageWaiters, predicate, timeoutMs, () => {
      return `FakeTelegram: timed out after ${timeoutMs} ms waiting for ${what}. ${this.describeSent()}`;
    });
  }

  waitForCall(
    predicate: (c: RecordedCall) => boolean,
    timeoutMs: number,
    since: number,
  ): Promise<RecordedCall> {
    const found = this.calls.slice(since).find((c) => c.status !== 0 && predicate(c));
    if (found !== undefined) return Promise.resolve(found);
    return wait(this.callWaiters, predicate, timeoutMs, () => {
      const recent = this.calls.slice(-20).map((c) => `  ${c.method} -> ${c.status || "dropped"}`);
      return `FakeTelegram: timed out after ${timeoutMs} ms waiting for a matching call. ${this.calls.length} call(s) received${recent.length > 0 ? ` (last ${recent.length}):\n${recent.join("\n")}` : "."}`;
    });
  }

  /** Rejects every pending wait. */
  close(): void {
    for (const [waiters, what] of [
      [this.messageWaiters, "a message"],
      [this.callWaiters, "a call"],
    ] as const) {
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error(`FakeTelegram closed while waiting for ${what}`));
      }
      waiters.clear();
    }
  }

  private describeSent(): string {
    const lines: string[] = [];
    if (this.sent.length === 0) lines.push("The bot sent no messages.");
    else {
      const shown = this.sent.slice(-20);
      lines.push(
        `The bot sent ${this.sent.length} message(s)${shown.length < this.sent.length ? ` (last ${shown.length})` : ""}:`,
      );
      for (const m of shown) {
        const body = m.text ?? (m.document ? `[document ${m.document.filename}] ${m.caption ?? ""}` : "");
        const short = body.length > 160 ? `${body.slice(0, 157)}...` : body;
        lines.push(`  #${m.seq} chat ${m.chatId} msg ${m.messageId} ${m.method}: ${JSON.stringify(short)}`);
      }
    }
    const failed = this.calls.filter((c) => c.status !== 200 && c.status !== 0).slice(-5);
    if (failed.length > 0) {
      lines.push("Recent failed calls:");
      for (const c of failed) lines.push(`  ${c.method} -> ${c.status} ${c.error ?? ""}`);
    }
    return lines.join("\n");
  }
}

function wait<T>(
  waiters: Set<Waiter<T>>,
  predicate: (item: T) => boolean,
  timeoutMs: number,
  describeTimeout: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const waiter: Waiter<T> = {
      predicate,
      resolve,
      reject,
      timer: setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(describeTimeout()));
      }, timeoutMs),
    };
    waiters.add(waiter);
  });
}

function notify<T>(waiters: Set<Waiter<T>>, item: T): void {
  for (const w of [...waiters]) {
    let matched: boolean;
    try {
      matched = w.predicate(item);
    } catch (err) {
      waiters.delete(w);
      clearTimeout(w.timer);
      w.reject(err instanceof Error ? err : new Error(String(err)));
      continue;
    }
    if (matched) {
      waiters.delete(w);
      clearTimeout(w.timer);
      w.resolve(item);
    }
  }
}
