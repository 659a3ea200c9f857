// Every phrase a linguist puts in a status list of the lexicon gives its status in a plain sentence, typed
// with its diacritics and without them: a phrase the rules cannot reach fails here, not in a chat.
import { describe, expect, it } from "vitest";
import { STATUS_PHRASES } from "../../src/domain/status-parser/lexicon.ts";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import { foldText } from "../../src/domain/vietnamese.ts";

/** "tạm dừng|ngừng" → "tạm dừng", "tạm ngừng". */
function spellings(phrase: string): string[] {
  return phrase
    .split(" ")
    .reduce<string[]>(
      (heads, position) =>
        heads.flatMap((head) => position.split("|").map((word) => `${head} ${word}`.trim())),
      [""],
    );
}

const cases = STATUS_PHRASES.flatMap((list) =>
  list.phrases.flatMap(spellings).map((phrase) => ({
    sentence: `II.2 ${phrase}${"before" in list ? ` ${list.before}` : ""}`,
    status: list.status,
  })),
);

describe("the lexicon's status phrases", () => {
  it("covers every status, each phrase once", () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(
      new Set(["blocked", "done", "not_started", "in_progress"]),
    );
    expect(new Set(cases.map((c) => `${c.status} ${c.sentence}`)).size).toBe(cases.length);
  });

  it.each(cases)("$sentence → $status", ({ sentence, status }) => {
    expect(parseStatusMessage(sentence, "2021-06-15")).toMatchObject([{ taskRef: "II.2", status }]);
  });

  // Ambiguous folds typed bare need their neighbours ("cho" alone is cho, not chờ): only the unambiguous ones.
  it.each(cases)(
    "$sentence without diacritics → $status, or nothing for an ambiguous word",
    ({ sentence, status }) => {
      const updates = parseStatusMessage(foldText(sentence), "2021-06-15");
      expect(updates.length === 0 || updates[0]?.status === status).toBe(true);
    },
  );
});
