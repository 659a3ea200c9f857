// A fixed set of messages built from the corpus's words and the lexicon's phrases (fast-check, fixed seed),
// recorded with the parser's output for each: status-parser.recorded.test.ts proves that work on the parser's
// speed leaves every reading unchanged. When the parser is meant to read differently, record the same messages
// again and review the diff of the fixture line by line (`--new` draws the messages afresh, from the lexicon as
// it is now: every line changes):
//   node --import tsx test/domain/status-parser.recorded-messages.ts
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { PHRASES } from "../../src/domain/status-parser/lexicon.ts";
import { parseStatusMessage } from "../../src/domain/status-parser/parse.ts";
import type { ParsedUpdate } from "../../src/domain/status-parser/update.ts";
import { foldText } from "../../src/domain/vietnamese.ts";

export interface RecordedParse {
  readonly text: string;
  readonly at: string;
  readonly updates: readonly ParsedUpdate[];
}

export const RECORDED_URL = new URL("../fixtures/status-parser/recorded-parses.jsonl", import.meta.url);

const SEED = 20_260_512;
const GENERATED = 3_000;

interface CorpusLine {
  readonly text: string;
  readonly at: string;
}

const corpus: readonly CorpusLine[] = readFileSync(
  new URL("../fixtures/corpus/status-updates.jsonl", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusLine);

const corpusWords = corpus.map((line) => line.text.split(/\s+/).filter((word) => word !== ""));
/** Every spelling of every lexicon phrase ("tạm dừng|ngừng" is "tạm dừng" and "tạm ngừng"). */
const lexiconPhrases = Object.values(PHRASES).flatMap((list) =>
  list.flatMap((phrase) =>
    phrase
      .split(" ")
      .reduce<string[]>(
        (heads, position) =>
          heads.flatMap((head) => position.split("|").map((word) => `${head} ${word}`.trim())),
        [""],
      ),
  ),
);

/** A run of one to six consecutive words of a corpus message. */
const corpusRun = fc
  .record({ line: fc.constantFrom(...corpusWords), from: fc.nat(), length: fc.integer({ min: 1, max: 6 }) })
  .map(({ line, from, length }) => {
    const start = from % line.length;
    return line.slice(start, start + length).join(" ");
  });

const figure = fc.oneof(
  fc.nat({ max: 160 }).map((n) => `${n}%`),
  fc.nat({ max: 120 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 33 }), fc.integer({ min: 0, max: 13 })).map(([d, m]) => `${d}/${m}`),
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(19, 2020, 2024))
    .map(([d, m, y]) => `${d}/${m}/${y}`),
  fc
    .tuple(fc.constantFrom("I", "ii", "III", "IV", "v", "VII", "2", "3"), fc.nat({ max: 12 }))
    .map(([s, n]) => `${s}.${n}`),
);

const piece = fc.oneof(
  { arbitrary: corpusRun, weight: 5 },
  { arbitrary: fc.constantFrom(...corpusWords.flat()), weight: 3 },
  { arbitrary: fc.constantFrom(...lexiconPhrases), weight: 3 },
  { arbitrary: figure, weight: 2 },
  { arbitrary: fc.constantFrom(",", ";", "\n", ".", "?", "-", ":", "(", ")"), weight: 2 },
);

const message = fc.record({
  pieces: fc.array(piece, { minLength: 1, maxLength: 12 }),
  bare: fc.boolean(),
  at: fc.oneof(
    fc.constantFrom(...corpus.map((line) => line.at)),
    fc
      .date({
        min: new Date("2019-01-01T00:00:00Z"),
        max: new Date("2026-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
});

/** The corpus itself, then the generated messages, half of them typed without diacritics. */
export function recordedMessages(): CorpusLine[] {
  const generated = fc.sample(message, { seed: SEED, numRuns: GENERATED }).map(({ pieces, bare, at }) => {
    const text = pieces.join(" ");
    return { text: bare ? foldText(text) : text, at };
  });
  return [...corpus.map(({ text, at }) => ({ text, at })), ...generated];
}

export function readRecorded(): RecordedParse[] {
  return readFileSync(RECORDED_URL, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as RecordedParse);
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  const messages = process.argv.includes("--new") ? recordedMessages() : readRecorded();
  const lines = messages.map(({ text, at }) =>
    JSON.stringify({ text, at, updates: parseStatusMessage(text, at) } satisfies RecordedParse),
  );
  writeFileSync(RECORDED_URL, `${lines.join("\n")}\n`);
  console.log(`recorded ${lines.length} parses in ${RECORDED_URL.pathname}`);
}
