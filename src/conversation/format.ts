/** Shortens a long plan title for a phone screen, on a word boundary. */
export function shortTitle(title: string, maxLength = 90): string {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[,;:.\s]+$/, "")}…`;
}

/** Splits a long answer into messages under a channel's size limit, at line breaks where possible. */
export function splitLongText(text: string, maxLength: number): string[] {
  if (text.length <= maxLength) return [text];
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const pieces =
      line.length > maxLength ? (line.match(new RegExp(`[\\s\\S]{1,${maxLength}}`, "g")) ?? []) : [line];
    for (const piece of pieces) {
      const candidate = current === "" ? piece : `${current}\n${piece}`;
      if (candidate.length > maxLength) {
        parts.push(current);
        current = piece;
      } else {
        current = candidate;
      }
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}
