// The bot's transport to the Bot API. grammY's default in Node (node-fetch 2) builds a WHATWG Request,
// two Headers, a body stream and a Response for every call and parses its URL twice: a chat reply
// cost more there than storing the update it answers. grammY reads nothing of an answer but its JSON,
// so this speaks HTTP(S) through node:http itself, on grammY's own keep-alive agent, and keeps what
// grammY relies on: its abort signal (its timeout, the poller's stop), a network failure or an answer
// that is not JSON as a rejection (grammY makes it an HttpError, retried like any network error).
import {
  type Agent,
  type ClientRequest,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";

/** grammY's signal: its own AbortController's (a polyfill), shaped like the platform's. */
interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** What grammY's client passes: its base config (agent) merged with one call's method, headers and body. */
export interface BotApiRequestInit {
  method?: string;
  headers?: OutgoingHttpHeaders;
  /** JSON text, or a multipart stream when the call uploads a file. */
  body?: string | Readable;
  agent?: Agent;
  signal?: AbortSignalLike | null;
}

/** The part of a fetch Response grammY reads. */
export interface BotApiAnswer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

export class BotApiAbortError extends Error {
  override readonly name = "AbortError";
  constructor() {
    super("The Bot API request was aborted");
  }
}

/** Reads the whole answer; a connection lost before its end is a failure, not a short answer. */
function readAnswer(
  response: IncomingMessage,
  resolve: (answer: BotApiAnswer) => void,
  reject: (error: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  response.on("data", (chunk: Buffer) => chunks.push(chunk));
  response.on("error", reject);
  response.on("end", () => {
    const status = response.statusCode ?? 0;
    const text = Buffer.concat(chunks).toString("utf8");
    resolve({ ok: status >= 200 && status < 300, status, json: async () => JSON.parse(text) as unknown });
  });
  response.on("close", () => {
    if (!response.complete) reject(new Error("the Bot API connection closed before its answer ended"));
  });
}

/** A fetch for grammY's `client.fetch`: one HTTP request per Bot API call, its answer read whole. */
export function botApiFetch(url: string, init: BotApiRequestInit = {}): Promise<BotApiAnswer> {
  const { signal, body } = init;
  if (signal?.aborted) return Promise.reject(new BotApiAbortError());
  return new Promise((resolve, reject) => {
    const headers: OutgoingHttpHeaders = { ...init.headers };
    if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
    const send = url.startsWith("https:") ? httpsRequest : httpRequest;
    const abort = () => {
      request.destroy(new BotApiAbortError());
      if (body !== undefined && typeof body !== "string") body.destroy();
    };
    const done = () => signal?.removeEventListener("abort", abort);
    const request: ClientRequest = send(
      url,
      { method: init.method ?? "GET", headers, agent: init.agent },
      (response) =>
        readAnswer(
          response,
          (answer) => {
            done();
            resolve(answer);
          },
          (error) => {
            done();
            reject(error);
          },
        ),
    );
    request.on("error", (error) => {
      done();
      reject(error);
    });
    signal?.addEventListener("abort", abort);
    if (body === undefined || typeof body === "string") request.end(body);
    else body.on("error", (error) => request.destroy(error)).pipe(request);
  });
}
