import { InlineKeyboard } from "grammy";
import type { ReplyButton } from "../../messages.ts";

/** Telegram's limit on one message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;

export function inlineKeyboardOf(rows: ReplyButton[][]): InlineKeyboard {
  return InlineKeyboard.from(
    rows.map((row) => row.map((button) => InlineKeyboard.text(button.label, button.data))),
  );
}
