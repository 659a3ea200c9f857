// A small multipart/form-data parser (RFC 7578), for sendDocument uploads.
import type { ReceivedFile } from "./types.ts";

interface ContentDisposition {
  name?: string;
  filename?: string;
}

/**
 * Parses `form-data; name="x"; filename="a.txt"`. grammY writes `form-data;name="x";filename=a b.txt`
 * with the filename unquoted and unescaped, so an unquoted filename runs to the end of the header.
 */
function parseContentDisposition(value: string): ContentDisposition {
  const out: ContentDisposition = {};
  const semi = value.indexOf(";");
  if (semi < 0) return out;
  const rest = value.slice(semi + 1);
  let i = 0;
  let extendedFilename: string | undefined;
  while (i < rest.length) {
    while (i < rest.length && (rest[i] === ";" || rest[i] === " " || rest[i] === "\t")) i++;
    const eq = rest.indexOf("=", i);
    if (eq < 0) break;
    const key = rest.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (rest[i] === " " || rest[i] === "\t") i++;
    let val = "";
    if (rest[i] === '"') {
      i++;
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === "\\" && i + 1 < rest.length) i++;
        val += rest[i];
        i++;
      }
      i++;
    } else if (key === "filename") {
      val = rest.slice(i).trim();
      i = rest.length;
    } else {
      const end = rest.indexOf(";", i);
      val = (end < 0 ? rest.slice(i) : rest.slice(i, end)).trim();
      i = end < 0 ? rest.length : end;
    }
    if (key === "name") out.name = val;
    else if (key === "filename") out.filename = val;
    else if (key === "filename*") {
      // RFC 5987: charset'lang'percent-encoded
      const parts = val.split("'");
      const encoded = parts.length >= 3 ? parts.slice(2).join("'") : val;
      try {
        extendedFilename = decodeURIComponent(encoded);
      } catch {
        extendedFilename = encoded;
      }
    }
  }
  if (extendedFilename !== undefined) out.filename = extendedFilename;
  return out;
}

export interface MultipartResult {
  fields: Record<string, string>;
  files: ReceivedFile[];
}

/** Parts separated by `\r\n--boundary`, ended by `--boundary--`. Throws on a malformed body. */
export function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  const partEnd = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error("multipart boundary not found in body");
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing delimiter "--boundary--"
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++; // transport padding
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a)
      throw new Error("malformed multipart: no CRLF after boundary");
    pos += 2;
    let headerText = "";
    let contentStart: number;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) {
      contentStart = pos + 2; // a part without headers
    } else {
      const headerEnd = body.indexOf("\r\n\r\n", pos);
      if (headerEnd < 0) throw new Error("malformed multipart: unterminated part headers");
      headerText = body.subarray(pos, headerEnd).toString("utf8");
      contentStart = headerEnd + 4;
    }
    const next = body.indexOf(partEnd, contentStart);
    if (next < 0) throw new Error("malformed multipart: missing closing boundary");
    const content = body.subarray(contentStart, next);

    const headers = new Map<string, string>();
    for (const line of headerText.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = parseContentDisposition(headers.get("content-disposition") ?? "");
    if (disposition.name !== undefined) {
      if (disposition.filename !== undefined) {
        files.push({
          field: disposition.name,
          filename: disposition.filename,
          contentType: headers.get("content-type") ?? "application/octet-stream",
          bytes: Buffer.from(content), // copy: detach from the request body buffer
        });
      } else {
        fields[disposition.name] = content.toString("utf8");
      }
    }
    pos = next + 2; // at the next "--boundary"
  }
  return { fields, files };
}

export function boundaryOf(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}
