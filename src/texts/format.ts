/**
 * The codes for a reply hint's three examples («II.2 xong», «II.9 đang làm 60%», «V.3 vướng …»),
 * taken from the reader's own tasks so the hint never names another agency's; "#1" with none.
 */
export function exampleCodes(codes: readonly string[]): { done: string; doing: string; blocked: string } {
  const done = codes[0] ?? "#1";
  const doing = codes[1] ?? done;
  return { done, doing, blocked: codes[2] ?? doing };
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
