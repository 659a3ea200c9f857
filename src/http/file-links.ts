// Files for platforms that cannot take an upload (Zalo has no sendDocument; its sendPhoto takes a URL):
// the bot keeps the file in memory and hands out an unguessable link that expires. Memory, not a
// folder: a report names agencies and people, and nothing of it should outlive the process on disk.
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.ts";

export interface StoredFile {
  bytes: Uint8Array;
  fileName: string;
  expiresAt: Date;
}

export interface FileLinks {
  /** Keeps one file and answers the HTTPS link that downloads it until it expires. */
  create(bytes: Uint8Array, fileName: string): string;
  /** The file behind a token; undefined when unknown or expired. */
  open(token: string): StoredFile | undefined;
  /** The server's path for links, with `:token` where the token goes. */
  readonly routePath: string;
  /** How long a link lives (FILE_LINK_HOURS, at most MAX_FILE_LINK_HOURS), for the message that carries it. */
  readonly ttlHours: number;
}

/** The longest a link may live (issue 11: expiry at most 24 hours). */
export const MAX_FILE_LINK_HOURS = 24;
// 256 random bits: a link cannot be guessed, so it needs no other signature.
const TOKEN_BYTES = 32;
// Oldest links are dropped past this, so a burst of reports cannot exhaust the process's memory.
const DEFAULT_MAX_STORED_BYTES = 256 * 1024 * 1024;

export interface FileLinkOptions {
  /** The public base the links start with, e.g. `https://bot.example.vn` (no trailing slash needed). */
  baseUrl: string;
  ttlHours: number;
  clock: Clock;
  maxStoredBytes?: number;
}

export function createFileLinks(options: FileLinkOptions): FileLinks {
  const base = options.baseUrl.replace(/\/+$/, "");
  const ttlHours = Math.min(options.ttlHours, MAX_FILE_LINK_HOURS);
  const ttlMs = ttlHours * 3_600_000;
  const maxStoredBytes = options.maxStoredBytes ?? DEFAULT_MAX_STORED_BYTES;
  // Insertion order is expiry order (one ttl for all), so the oldest come first.
  const files = new Map<string, StoredFile>();
  let storedBytes = 0;

  const drop = (token: string, file: StoredFile) => {
    files.delete(token);
    storedBytes -= file.bytes.byteLength;
  };
  const sweep = (now: number) => {
    for (const [token, file] of files) {
      const overFull = storedBytes > maxStoredBytes;
      if (file.expiresAt.getTime() > now && !overFull) return;
      drop(token, file);
    }
  };

  return {
    routePath: `${new URL(base).pathname.replace(/\/+$/, "")}/files/:token`,
    ttlHours,
    create(bytes, fileName) {
      const now = options.clock.now().getTime();
      const token = randomBytes(TOKEN_BYTES).toString("base64url");
      files.set(token, { bytes, fileName, expiresAt: new Date(now + ttlMs) });
      storedBytes += bytes.byteLength;
      sweep(now);
      return `${base}/files/${token}`;
    },
    open(token) {
      const now = options.clock.now().getTime();
      sweep(now);
      const file = files.get(token);
      return file && file.expiresAt.getTime() > now ? file : undefined;
    },
  };
}
