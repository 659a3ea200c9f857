import { randomUUID } from "node:crypto";
import type { Writable } from "node:stream";
import type { ReplyButton } from "../conversation/types.ts";
import type { ChannelSender } from "./channel-sender.ts";

/** Scheduled messages for console accounts, printed into the terminal chat. */
export function createConsoleSender(output: Writable): ChannelSender {
  return {
    channel: "console",
    maxTextLength: Number.POSITIVE_INFINITY,
    async send(chatId: string, text: string, buttons?: ReplyButton[][]): Promise<string> {
      const lines = [`📬 → ${chatId}: ${text}`];
      for (const row of buttons ?? []) lines.push(row.map((button) => `[${button.label}]`).join("  "));
      output.write(`\n${lines.join("\n").replaceAll("\n", "\n   ")}\n`);
      return `console-${randomUUID()}`;
    },
  };
}
