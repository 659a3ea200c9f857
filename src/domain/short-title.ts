// Long plan titles cut for a phone screen or a table cell, on a word boundary.

/** Shortens a long title to at most maxLength characters, on a word boundary, with "…". */
export function shortTitle(title: string, maxLength = 90): string {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[,;:.\s]+$/, "")}…`;
}
