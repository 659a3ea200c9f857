// grammY API transformers that put a bot token's requests under the process's one SendPacer.
import type { Transformer } from "grammy";
import type { ApiResponse } from "grammy/types";
import type { SendPacer } from "../../delivery/send-pacer.ts";

// The methods Telegram counts against its flood limits (the ones this bot uses).
const PACED_METHODS: ReadonlySet<string> = new Set(["sendMessage", "sendDocument"]);

/** A 429 holds the whole pacer for its retry_after, so no request of this token lands inside it. */
export function holdOnFloodWait(pacer: SendPacer): Transformer {
  // One reaction per call, not an async function's (every reply goes through here).
  const holdIfFlooded = <R extends ApiResponse<unknown>>(result: R): R => {
    if (!result.ok && result.error_code === 429) {
      pacer.holdFor((result.parameters?.retry_after ?? 1) * 1000);
    }
    return result;
  };
  return (prev, method, payload, signal) => prev(method, payload, signal).then(holdIfFlooded);
}

/** Chat replies go through the pacer's reply lane, ahead of scheduled messages. */
export function paceReplies(pacer: SendPacer): Transformer {
  const hold = holdOnFloodWait(pacer);
  return (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id;
    if (!PACED_METHODS.has(method) || chatId === undefined) return hold(prev, method, payload, signal);
    return pacer.schedule(String(chatId), () => hold(prev, method, payload, signal), "reply");
  };
}
