// A small client for the Zalo Bot Platform API: `POST {root}/bot<token>/<method>` with a JSON body,
// answered `{ok: true, result}` or `{ok: false, error_code, description}`. Errors never quote the
// request's URL, which holds the token.
import { errorCode, errorLine } from "../../error-text.ts";
import { zaloUpdatesOf } from "./zalo-update.ts";

/** Zalo's limit on one sendMessage text. */
export const ZALO_TEXT_LIMIT = 2000;

export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  display_name?: string;
}

/** Zalo answered `ok: false` (or an HTTP error): its code and description. */
export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    /** A 429's wait, when Zalo says it. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${code} ${description}`);
    this.name = "ZaloApiError";
  }
}

/** No answer: the network failed or the request timed out. */
export class ZaloNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZaloNetworkError";
  }
}

/** Zalo's long-poll timeout: nothing arrived, not a failure. */
const LONG_POLL_TIMEOUT = 408;
// Above the long-poll wait, so Zalo's own 408 comes before our abort.
const POLL_MARGIN_MS = 10_000;

interface Envelope {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export interface ZaloApiOptions {
  token: string;
  apiRoot: string;
  /** Each request's limit (getUpdates gets its long-poll wait on top). */
  timeoutMs?: number;
}

export class ZaloApi {
  readonly #url: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(options: ZaloApiOptions) {
    this.#token = options.token;
    this.#url = `${options.apiRoot.replace(/\/+$/, "")}/bot${options.token}`;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  async call(
    method: string,
    params: Record<string, unknown>,
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    let body: Envelope | null;
    try {
      response = await fetch(`${this.#url}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal,
      });
      const text = await response.text();
      body = envelopeOf(text);
    } catch (error) {
      const cause = error instanceof Error ? error.cause : undefined;
      const why = timeout.aborted ? "timeout" : errorCode(cause) || errorCode(error) || errorLine(error);
      throw new ZaloNetworkError(`${method}: ${why}`.replaceAll(this.#token, "***"));
    }
    if (body?.ok === true) return body.result;
    const code = body?.error_code ?? response.status;
    const description = body?.description ?? response.statusText;
    throw new ZaloApiError(code, description, body?.parameters?.retry_after ?? null);
  }

  async getMe(timeoutMs?: number): Promise<ZaloBotInfo> {
    const result = (await this.call("getMe", {}, { timeoutMs })) as Partial<ZaloBotInfo> | null;
    return { ...result, id: String(result?.id ?? "") };
  }

  /** One long poll: the update Zalo hands out (one per call), none after a quiet `timeoutSeconds`. */
  async getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown[]> {
    try {
      const result = await this.call(
        "getUpdates",
        { timeout: timeoutSeconds },
        { timeoutMs: timeoutSeconds * 1000 + POLL_MARGIN_MS, signal },
      );
      return zaloUpdatesOf(result);
    } catch (error) {
      if (error instanceof ZaloApiError && error.code === LONG_POLL_TIMEOUT) return [];
      throw error;
    }
  }

  /** Webhook mode: Zalo posts each update to `url` with `secret` in X-Bot-Api-Secret-Token (getUpdates stops). */
  async setWebhook(url: string, secret: string): Promise<void> {
    await this.call("setWebhook", { url, secret_token: secret });
  }

  /** Back to long polling: Zalo answers getUpdates only without a webhook. */
  async deleteWebhook(): Promise<void> {
    await this.call("deleteWebhook", {});
  }

  async sendMessage(chatId: string, text: string): Promise<string> {
    const result = (await this.call("sendMessage", { chat_id: chatId, text })) as {
      message_id?: string | number;
    } | null;
    return String(result?.message_id ?? "");
  }

  /** An image Zalo fetches from `photoUrl` (it takes no uploads). */
  async sendPhoto(chatId: string, photoUrl: string): Promise<string> {
    const result = (await this.call("sendPhoto", { chat_id: chatId, photo: photoUrl })) as {
      message_id?: string | number;
    } | null;
    return String(result?.message_id ?? "");
  }

  async sendChatAction(chatId: string): Promise<void> {
    await this.call("sendChatAction", { chat_id: chatId, action: "typing" });
  }
}

function envelopeOf(text: string): Envelope | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Envelope) : null;
  } catch {
    return null;
  }
}
