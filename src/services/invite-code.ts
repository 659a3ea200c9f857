import { createHash, randomBytes } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped from paper survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_BYTES = 10; // 80 random bits

export function generateInviteCode(): string {
  const bytes = randomBytes(CODE_BYTES);
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
  const code = normalizeInviteCode(text);
  return code.length === 16 && [...code].every((char) => ALPHABET.includes(char));
}

/** Only the hash is stored, so a leaked database does not leak usable invites. */
export function hashInviteCode(code: string): string {
  return createHash("sha256").update(normalizeInviteCode(code)).digest("hex");
}
