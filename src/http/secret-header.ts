import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether a request's secret header carries the configured secret, in constant time. Both sides are
 * hashed first: timingSafeEqual needs equal lengths, and comparing lengths would tell the secret's.
 */
export function secretMatches(header: string | undefined, secret: string): boolean {
  return header !== undefined && timingSafeEqual(digest(header), digest(secret));
}
