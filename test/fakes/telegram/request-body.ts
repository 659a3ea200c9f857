// A request's parameters: grammY sends a JSON body, or multipart/form-data when it uploads a file.
import { badRequest } from "./api-error.ts";
import { boundaryOf, parseMultipart } from "./multipart.ts";
import type { ReceivedFile } from "./types.ts";

export type Params = Record<string, unknown>;

/** Form fields are strings; JSON-valued fields (reply_markup) and chat_id are decoded like Telegram does. */
function coerceFormValue(key: string, value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  if (key === "chat_id" && /^-?\d+$/.test(trimmed)) return Number(trimmed);
  return value;
}

export function parseBody(contentType: string, body: Buffer): { params: Params; files: ReceivedFile[] } {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return { params: {}, files: [] };
  if (type === "application/json" || type === "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("invalid JSON in request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("request body must be a JSON object");
    }
    return { params: parsed as Params, files: [] };
  }
  if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (boundary === undefined) throw badRequest("multipart boundary is missing");
    let result: ReturnType<typeof parseMultipart>;
    try {
      result = parseMultipart(body, boundary);
    } catch (err) {
      throw badRequest(err instanceof Error ? err.message : String(err));
    }
    const params: Params = {};
    for (const [k, v] of Object.entries(result.fields)) params[k] = coerceFormValue(k, v);
    return { params, files: result.files };
  }
  throw badRequest(`unsupported content type "${type}"`);
}
