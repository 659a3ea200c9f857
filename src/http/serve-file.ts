import type { Context } from "hono";
import type { StoredFile } from "./file-links.ts";

const CONTENT_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";

/** RFC 6266: an ASCII fallback name, and the exact (Vietnamese) name in UTF-8 as filename*. */
function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** One stored file, or 404 for a token unknown or expired (the same answer: nothing to probe). */
export function serveFile(c: Context, file: StoredFile | undefined): Response {
  if (!file) return c.json({ error: "not found" }, 404);
  const type = CONTENT_TYPES[extensionOf(file.fileName)] ?? "application/octet-stream";
  return c.body(new Uint8Array(file.bytes), 200, {
    "Content-Type": type,
    // Images are shown (Zalo's sendPhoto fetches them); documents are downloaded.
    "Content-Disposition": contentDisposition(file.fileName, type.startsWith("image/")),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
}
