// Text that needs no sanitizing (parse.ts): the newline, printable ASCII, and the Latin letters (every
// Vietnamese one, precomposed) that NFKC keeps. None is a control or format character and none composes with
// another, so NFKC keeps any string of them (test/domain/status-parser.plain-text.test.ts): most messages
// skip both passes.

const LETTER = /\p{L}/u;

export function isPlainChar(code: number): boolean {
  if (code === 10 || (code >= 0x20 && code < 0x7f)) return true;
  const ch = String.fromCharCode(code);
  const latin = (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff);
  return latin && LETTER.test(ch) && ch.normalize("NFKC") === ch;
}

const PLAIN = Uint8Array.from({ length: 0x1f00 }, (_, code) => (isPlainChar(code) ? 1 : 0));

export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (PLAIN[text.charCodeAt(i)] !== 1) return false;
  return true;
}
