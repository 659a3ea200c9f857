import { createHash, randomBytes } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped from paper survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_BYTES = 10; // 80 random bits
// A `/lienket` code lives 15 minutes and works once: 40 bits, short enough to retype from one phone.
const LINK_CODE_BYTES = 5;
const LINK_CODE_LENGTH = 8;

export function generateInviteCode(): string {
  return randomCode(CODE_BYTES);
}

/** A `/lienket` code, shown in two groups of four ("7KQ2-M9XD") to be read off one screen. */
export function generateLinkCode(): string {
  const code = randomCode(LINK_CODE_BYTES);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function randomCode(byteCount: number): string {
  const bytes = randomBytes(byteCount);
  let bits = 0;
  let value = 0;
  let code = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code;
}

/** Folds what people type (spaces, dashes, lower case, O for 0, I/L for 1) onto the canonical code. */
export function normalizeInviteCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export function looksLikeInviteCode(text: string): boolean {
  return isCodeOfLength(text, 16);
}

export function looksLikeLinkCode(text: string): boolean {
  return isCodeOfLength(text, LINK_CODE_LENGTH);
}

function isCodeOfLength(text: string, length: number): boolean {
  const code = normalizeInviteCode(text);
  return code.length === length && [...code].every((char) => ALPHABET.includes(char));
}

/** Only the hash is stored, so a leaked database does not leak usable invites or link codes. */
export function hashInviteCode(code: string): string {
  return createHash("sha256").update(normalizeInviteCode(code)).digest("hex");
}
