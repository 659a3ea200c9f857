// LibreOffice does not fit a row's height to its wrapped text when it opens an XLSX file (and a row
// that is too short prints its text cut off), so each row's height is set from an estimate of its
// lines: words wrapped greedily at the column's width, counted a little generously.

// Characters of 11 pt Times New Roman per unit of column width (about 1.45 measured in LibreOffice; less, to err
// towards a line too many rather than a cut-off one). Bold runs wider.
const CHARS_PER_WIDTH = 1.4;
const BOLD_CHARS_PER_WIDTH = 1.1;
const LINE_POINTS = 12.3;
const PADDING_POINTS = 3;

/** How many lines `text` takes in a column `width` wide. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? BOLD_CHARS_PER_WIDTH : CHARS_PER_WIDTH)));
  if (text.length <= perLine && !text.includes("\n")) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(" ")) {
      const length = word.length;
      if (used > 0 && used + 1 + length <= perLine) {
        used += 1 + length;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than a line is broken across lines.
      lines += Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || Math.min(length, perLine);
    }
  }
  return lines;
}

/** wrappedLines for one column's body cells, remembering long texts (a task's title comes back under
 * every agency that leads it). */
export function columnLines(width: number): (text: string) => number {
  const known = new Map<string, number>();
  return (text) => {
    let lines = known.get(text);
    if (lines === undefined) {
      lines = wrappedLines(text, width);
      if (lines > 1) known.set(text, lines);
    }
    return lines;
  };
}

/** The height in points of a row whose tallest cell has `lines` lines. */
export function rowHeightOf(lines: number): number {
  return PADDING_POINTS + LINE_POINTS * Math.max(1, lines);
}
