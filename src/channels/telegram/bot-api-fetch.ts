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
  type RequestOptions,
} from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { urlToHttpOptions } from "node:url";

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
function readAnswer(response: IncomingMessage, call: Call): void {
  const chunks: Buffer[] = [];
  response.on("data", (chunk: Buffer) => chunks.push(chunk));
  response.on("error", (error) => call.fail(error));
  response.on("end", () => {
    const status = response.statusCode ?? 0;
    const text = Buffer.concat(chunks).toString("utf8");
    call.succeed({
      ok: status >= 200 && status < 300,
      status,
      async json() {
        return JSON.parse(text) as unknown;
      },
    });
  });
  response.on("close", () => {
    if (!response.complete) call.fail(new Error("the Bot API connection closed before its answer ended"));
  });
}

/** One call in flight: settles once, and lets go of the caller's abort signal when it does. */
interface Call {
  succeed(answer: BotApiAnswer): void;
  fail(error: unknown): void;
}

/** A listener that aborts the request (and stops reading an upload's stream). */
function aborterOf(request: ClientRequest, body: BotApiRequestInit["body"]): () => void {
  return () => {
    request.destroy(new BotApiAbortError());
    if (body !== undefined && typeof body !== "string") body.destroy();
  };
}

// The request options of each URL (one per Bot API method), parsed once.
const targets = new Map<string, RequestOptions>();
const TARGETS_KEPT = 256;

function targetOf(url: string): RequestOptions {
  let target = targets.get(url);
  if (target === undefined) {
    if (targets.size >= TARGETS_KEPT) targets.clear();
    target = urlToHttpOptions(new URL(url));
    targets.set(url, target);
  }
  return target;
}

/** A fetch for grammY's `client.fetch`: one HTTP request per Bot API call, its answer read whole. */
export function botApiFetch(url: string, init: BotApiRequestInit = {}): Promise<BotApiAnswer> {
  const { signal, body } = init;
  if (signal?.aborted) return Promise.reject(new BotApiAbortError());
  return new Promise((resolve, reject) => {
    const headers: OutgoingHttpHeaders = { ...init.headers };
    if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
    const target = targetOf(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const options = { ...target, method: init.method ?? "GET", headers, agent: init.agent };
    const request = send(options, (response) => readAnswer(response, call));
    const abort = aborterOf(request, body);
    const call: Call = {
      succeed(answer) {
        signal?.removeEventListener("abort", abort);
        resolve(answer);
      },
      fail(error) {
        signal?.removeEventListener("abort", abort);
        reject(error);
      },
    };
    request.on("error", (error) => call.fail(error));
    signal?.addEventListener("abort", abort);
    if (body === undefined || typeof body === "string") request.end(body);
    else body.on("error", (error) => request.destroy(error)).pipe(request);
  });
}
