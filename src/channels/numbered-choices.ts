// Buttons on platforms without them (the console, Zalo): each reply's buttons become numbered lines
// "[1] Xong   [2] Đang làm", numbered across the replies of one answer, and a typed number presses one.

import { foldText } from "../domain/vietnamese.ts";
import type { Reply, ReplyButton } from "../messages.ts";

export interface NumberedReplies {
  /** Each reply's choice lines, one line per row of buttons. */
  lines: string[][];
  /** The buttons in the order they are numbered: button n is `buttons[n - 1]`. */
  buttons: ReplyButton[];
}

export function numberChoices(replies: readonly Reply[]): NumberedReplies {
  let number = 0;
  const lines = replies.map((reply) =>
    (reply.buttons ?? []).map((row) =>
      row
        .map((button) => {
          number += 1;
          return `[${number}] ${button.label}`;
        })
        .join("   "),
    ),
  );
  return { lines, buttons: replies.flatMap((reply) => (reply.buttons ?? []).flat()) };
}

/** The choice a typed answer names: "1", "[2]", "số 2", "chọn 3"; null for anything else. */
export function readChoiceNumber(text: string): number | null {
  const match = /^(?:so|chon|number|choice)?\s*\[?(\d{1,2})\]?\.?$/.exec(foldText(text).trim());
  return match ? Number(match[1]) : null;
}
