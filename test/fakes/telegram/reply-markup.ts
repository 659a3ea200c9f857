// reply_markup as Telegram checks it, for the mistakes bots commonly make with inline keyboards.
import type { InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./api-error.ts";

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined) return;
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  const keyboard = markup.inline_keyboard;
  if (keyboard === undefined) return;
  if (!Array.isArray(keyboard))
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array');
  for (const row of keyboard) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row) {
      if (!isRecord(button) || typeof button.text !== "string")
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      const data = button.callback_data;
      if (data !== undefined) {
        const size = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
        if (size < 1 || size > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }
}

export function inlineMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
  return isRecord(markup) && Array.isArray(markup.inline_keyboard)
    ? (markup as unknown as InlineKeyboardMarkup)
    : undefined;
}
