// Where a segment's tokens start and end, by one walk over its characters. The grammar, as a regular
// expression (test/domain/status-parser.scanner.test.ts holds the scanner to it):
//   \d+,\d+(?![\p{L}\p{N}])                          a number with a decimal comma ("45,5")
//   [\p{L}\p{M}\p{N}]+(?:[./-][\p{L}\p{M}\p{N}]+)*   a word, its parts joined by . / - ("II.2", "30/6")
//   [^\s\p{L}\p{M}\p{N}]                             any other character but a space, alone ("%", "?", "😁")
// Spaces separate tokens. The walk looks each character up in a table; that expression, run on Vietnamese
// (two-byte) text, took several times as long and was the parser's largest single cost.

// Word characters (letters, digits, marks) have the highest classes, so one comparison tells them.
const SPACE = 0;
const OTHER = 1;
const LETTER = 2; // a letter or a digit
const MARK = 3;
type CharClass = typeof SPACE | typeof OTHER | typeof LETTER | typeof MARK;

const IS_SPACE = /\s/u;
const IS_LETTER = /[\p{L}\p{N}]/u;
const IS_MARK = /\p{M}/u;

function classify(ch: string): CharClass {
  if (IS_SPACE.test(ch)) return SPACE;
  if (IS_LETTER.test(ch)) return LETTER;
  return IS_MARK.test(ch) ? MARK : OTHER;
}

// The classes of the first 8,192 code points (Latin with every Vietnamese letter, combining marks), computed
// once; other characters (symbols, emoji, other scripts) are classified when met.
const CLASSES = Uint8Array.from({ length: 0x2000 }, (_, code) => classify(String.fromCharCode(code)));
const TABLE_END = CLASSES.length;

// No function here reads past the text's end: an out-of-bounds read makes the engine drop its fast code.

/** Code units of the character at i: two for a surrogate pair. */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** The class of the character at i (past the end: a space). */
function classAt(text: string, i: number): CharClass {
  if (i >= text.length) return SPACE;
  const code = text.charCodeAt(i);
  return code < TABLE_END ? (CLASSES[code] as CharClass) : classify(text.slice(i, i + widthAt(text, i)));
}

function isDigit(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

function digitsEnd(text: string, i: number): number {
  let j = i;
  while (isDigit(text, j)) j++;
  return j;
}

/** "45,5" at i, unless a letter or digit follows it: then "45" is a word and "," a token of its own. */
function decimalEnd(text: string, i: number): number | null {
  const comma = digitsEnd(text, i);
  if (comma === i || comma >= text.length || text.charCodeAt(comma) !== 44 || !isDigit(text, comma + 1))
    return null;
  const end = digitsEnd(text, comma + 1);
  return classAt(text, end) === LETTER ? null : end;
}

function isJoiner(code: number): boolean {
  return code === 46 || code === 47 || code === 45; // . / -
}

/** Word characters from i, and on across a joiner that a word character follows. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const code = text.charCodeAt(j);
    if (code < TABLE_END ? (CLASSES[code] as CharClass) >= LETTER : classAt(text, j) >= LETTER) {
      j += code < TABLE_END ? 1 : widthAt(text, j);
    } else if (isJoiner(code) && classAt(text, j + 1) >= LETTER) j++;
    else break;
  }
  return j;
}

/** The start of the next token at or after i; the text's length when none is left. */
export function tokenStart(text: string, i: number): number {
  let j = i;
  while (j < text.length && classAt(text, j) === SPACE)
    j += text.charCodeAt(j) < TABLE_END ? 1 : widthAt(text, j);
  return j;
}

/** The end of the token starting at i (see tokenStart). */
export function tokenEnd(text: string, i: number): number {
  if (classAt(text, i) < LETTER) return i + widthAt(text, i);
  return decimalEnd(text, i) ?? wordEnd(text, i);
}

/** The token [start, end) has a letter or digit: a word or a number, not punctuation, an emoji or lone marks. */
export function isWordish(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += widthAt(text, i)) if (classAt(text, i) === LETTER) return true;
  return false;
}
