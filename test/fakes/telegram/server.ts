// The HTTP side: `POST /bot<token>/<method>` routed to a method, a fault, or a Bot API error answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "./api-error.ts";
import { type Faults, faultError } from "./faults.ts";
import { type BotApiState, callMethod, methodNamed, toInt } from "./methods.ts";
import { parseBody } from "./request-body.ts";
import type { RecordedCall } from "./types.ts";

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface Routing {
  state: BotApiState;
  faults: Faults;
  /** When set, only this token is accepted (others get 401). */
  token: string | undefined;
  /** Server-side latency added to every call, in ms. */
  latencyMs: number;
}

/** Listens on 127.0.0.1 with a free port. */
export async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  // Longer than any idle gap in a test, so a keep-alive socket is not closed while the client reuses it.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}

export function route(server: Server, routing: Routing): void {
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(routing, req, res).catch((err: unknown) => {
      // Last resort: never let a handler bug crash the test process.
      writeJson(res, 500, {
        ok: false,
        error_code: 500,
        description: `Internal Server Error: ${String(err)}`,
      });
    });
  });
}

async function handle(routing: Routing, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state } = routing;
  state.stats.requests++;
  const match = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(
    new URL(req.url ?? "/", "http://127.0.0.1").pathname,
  );
  const body = await readBody(req, res);
  if (body === undefined) return;
  if (match === null) {
    writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    return;
  }
  if (routing.token !== undefined && decodeURIComponent(match[1] ?? "") !== routing.token) {
    writeJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    return;
  }

  const call: RecordedCall = { method: match[2] ?? "", params: {}, time: Date.now(), status: 0 };
  state.recorder.calls.push(call);
  const respond = (status: number, payload: unknown): void => {
    call.status = status;
    writeJson(res, status, payload);
    state.recorder.answered(call);
  };
  try {
    const parsed = parseBody(headerValue(req.headers["content-type"]), body);
    call.params = parsed.params;
    const method = methodNamed(call.method);
    if (method === undefined) throw new ApiError(404, "Not Found: method not found");
    call.method = method;

    if (routing.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, routing.latencyMs));

    const fault = routing.faults.take(method, toInt(call.params.chat_id));
    if (fault !== undefined) {
      state.stats.faultsInjected++;
      if (fault.kind === "drop") {
        call.error = "dropped connection";
        res.destroy();
        req.socket.destroy();
        state.recorder.answered(call);
        return;
      }
      if (fault.kind === "html") {
        call.status = fault.status;
        call.error = "html error page";
        res.writeHead(fault.status, { "content-type": "text/html" });
        res.end(`<html><body><h1>${fault.status}</h1></body></html>`);
        state.recorder.answered(call);
        return;
      }
      throw faultError(fault);
    }

    const result = await callMethod(state, method, { params: call.params, files: parsed.files, res });
    respond(200, { ok: true, result });
  } catch (err) {
    if (err instanceof ApiError) {
      if (err.status === 429) state.stats.tooManyRequests++;
      const payload: Record<string, unknown> = {
        ok: false,
        error_code: err.status,
        description: err.message,
      };
      if (err.parameters !== undefined) payload.parameters = err.parameters;
      call.error = err.message;
      respond(err.status, payload);
    } else {
      const description = `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`;
      call.error = description;
      respond(500, { ok: false, error_code: 500, description });
    }
  }
}

function headerValue(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) {
        writeJson(res, 413, { ok: false, error_code: 413, description: "Request Entity Too Large" });
        resolve(undefined);
      } else {
        resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
      }
    });
    req.on("error", () => resolve(undefined));
  });
}

function writeJson(res: ServerResponse, status: number, payload: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
