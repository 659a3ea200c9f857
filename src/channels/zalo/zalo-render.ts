import { splitLongText } from "../../texts/format.ts";
import { ZALO_TEXT_LIMIT } from "./zalo-api.ts";

/**
 * A text and its numbered choices as Zalo messages: split at line breaks under Zalo's limit, so a
 * task line (one line) is never cut unless it alone is longer than a message.
 */
export function zaloTextsOf(text: string, choiceLines: readonly string[]): string[] {
  const full = choiceLines.length > 0 ? `${text}\n\n${choiceLines.join("\n")}` : text;
  return splitLongText(full, ZALO_TEXT_LIMIT);
}
