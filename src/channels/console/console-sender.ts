import { randomUUID } from "node:crypto";
import type { Writable } from "node:stream";
import type { ChannelSender } from "../../delivery/channel-sender.ts";
import type { Reply } from "../../messages.ts";

/** Shows a scheduled message to a console account (the terminal chat's own `deliver`, or a stream). */
export type ConsoleDeliver = (chatId: string, reply: Reply) => void;

/** A plain rendering into a stream, for `nhacviec tick` (stderr) and tests. */
export function printTo(output: Writable): ConsoleDeliver {
  return (chatId, reply) => {
    const lines = [`📬 → ${chatId}: ${reply.text}`];
    for (const row of reply.buttons ?? []) lines.push(row.map((button) => `[${button.label}]`).join("  "));
    output.write(`${lines.join("\n").replaceAll("\n", "\n   ")}\n`);
  };
}

/** Scheduled messages for console accounts, shown in the terminal chat. */
export function createConsoleSender(deliver: ConsoleDeliver): ChannelSender {
  return {
    channel: "console",
    maxTextLength: Number.POSITIVE_INFINITY,
    async send(chatId, text, buttons) {
      deliver(chatId, { text, buttons });
      return `console-${randomUUID()}`;
    },
  };
}
