// A stored obstacle as people read it. The parser keeps the obstacle whole ("vướng kinh phí, nhân lực…");
// texts show it after a "vướng:" label, so its own leading "vướng" goes, and chat lines cap it.

/** A chat line stays readable on a phone; files (the report) keep the whole text. */
export const BLOCKER_DISPLAY_CHARS = 100;

// "vướng kinh phí", "vướng: kinh phí", "Vướng mắc - kinh phí", "vuong kinh phi"; not "vướng" inside a word.
const LEADING_OBSTACLE_WORD = /^(?:vướng mắc|vướng|vuong mac|vuong)(?:\s*[:,–-]\s*|\s+|$)/iu;

/** The obstacle without its leading "vướng" ("vướng kinh phí" → "kinh phí"); null when no reason is left. */
export function blockerReason(blocker: string | null): string | null {
  if (blocker === null) return null;
  const reason = blocker.normalize("NFC").trim().replace(LEADING_OBSTACLE_WORD, "").trim();
  return reason === "" ? null : reason;
}

/** Caps a text at `max` characters, cutting at a word boundary when one is near, and marks the cut "…". */
export function capForDisplay(text: string, max = BLOCKER_DISPLAY_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  const kept = space >= cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,.;:–-]+$/u, "")}…`;
}
