// A fake Zalo Bot Platform API server for tests: `POST /bot<token>/<method>`, answered `{ok, result}` or
// `{ok: false, error_code, description}`. getUpdates hands out ONE update per call and answers 408 after
// its long-poll wait (and refuses while a webhook is set: the two exclude each other); sendMessage refuses
// texts over 2,000 characters; setWebhook wants an HTTPS url and a secret of 8–256 characters. Records every call, lets tests
// inject user messages (the same event twice too) and faults. Only `node:http` is used.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const ZALO_FAKE_TOKEN = "1234567890:zalo-fake-token-abcdefghijklmnop";

type Params = Record<string, unknown>;

export interface ZaloRecordedCall {
  method: string;
  params: Params;
  at: number;
}

export interface ZaloSentMessage {
  chatId: string;
  text: string;
  messageId: string;
}

/** The next calls of a method fail with this code (and Zalo's retry_after when given). */
export interface ZaloFault {
  method: string;
  code: number;
  times?: number;
  retryAfterSeconds?: number;
}

export interface ZaloUserMessage {
  userId: string;
  text?: string;
  displayName?: string;
  /** Milliseconds since the epoch. */
  date?: number;
  eventName?: string;
  messageId?: string;
}

export interface FakeZalo {
  apiRoot: string;
  token: string;
  calls: ZaloRecordedCall[];
  sent: ZaloSentMessage[];
  /** The webhook set by setWebhook, null after deleteWebhook. */
  webhook: { url: string; secretToken: string } | null;
  callsOf(method: string): ZaloRecordedCall[];
  /** Queues an update as a user's message; returns it (so a test can send it again). */
  sendUserMessage(input: ZaloUserMessage): Params;
  /** Queues an update exactly as given (a repeated event). */
  queueUpdate(update: Params): void;
  fail(fault: ZaloFault): void;
  /** Waits for the n-th message sent to a chat since `since` (a length of `sent`). */
  waitForMessages(
    chatId: string,
    count: number,
    since?: number,
    timeoutMs?: number,
  ): Promise<ZaloSentMessage[]>;
  close(): Promise<void>;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function failure(response: ServerResponse, code: number, description: string, retryAfter?: number): void {
  const parameters = retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } };
  answer(response, code, { ok: false, error_code: code, description, ...parameters });
}

async function readParams(request: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Params);
}

export async function startFakeZalo(options: { token?: string } = {}): Promise<FakeZalo> {
  const token = options.token ?? ZALO_FAKE_TOKEN;
  const calls: ZaloRecordedCall[] = [];
  const sent: ZaloSentMessage[] = [];
  const queue: Params[] = [];
  const faults: ZaloFault[] = [];
  const pollers = new Set<() => void>();
  const listeners = new Set<() => void>();
  let counter = 0;

  const takeFault = (method: string): ZaloFault | undefined => {
    const fault = faults.find((f) => f.method === method);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
    }
    return fault;
  };

  const getUpdates = (params: Params, response: ServerResponse) => {
    const deliver = () => {
      const update = queue.shift();
      if (update) answer(response, 200, { ok: true, result: update });
      return update !== undefined;
    };
    if (deliver()) return;
    const waitMs = Math.min(Number(params.timeout ?? 0), 30) * 1000;
    const wake = () => {
      if (queue.length === 0) return;
      clearTimeout(timer);
      pollers.delete(wake);
      deliver();
    };
    const timer = setTimeout(() => {
      pollers.delete(wake);
      failure(response, 408, "Request timeout");
    }, waitMs);
    pollers.add(wake);
    response.on("close", () => {
      clearTimeout(timer);
      pollers.delete(wake);
    });
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
      if (!match || request.method !== "POST") return failure(response, 404, "Not found");
      const [, gotToken, method = ""] = match;
      let params: Params;
      try {
        params = await readParams(request);
      } catch {
        return failure(response, 400, "Bad request: body is not JSON");
      }
      calls.push({ method, params, at: Date.now() });
      if (gotToken !== token) return failure(response, 401, "Unauthorized");
      const fault = takeFault(method);
      if (fault) return failure(response, fault.code, `Injected ${fault.code}`, fault.retryAfterSeconds);
      switch (method) {
        case "getMe":
          return answer(response, 200, {
            ok: true,
            result: {
              id: "9001",
              account_name: "bot.NhacViec",
              account_type: "BASIC",
              can_join_groups: false,
            },
          });
        case "getUpdates":
          if (fake.webhook) return failure(response, 409, "Conflict: a webhook is set, use deleteWebhook");
          return getUpdates(params, response);
        case "setWebhook": {
          const { url, secret_token: secret } = params;
          if (typeof url !== "string" || !url.startsWith("https://")) {
            return failure(response, 400, "Bad request: url must be HTTPS");
          }
          if (typeof secret !== "string" || secret.length < 8 || secret.length > 256) {
            return failure(response, 400, "Bad request: secret_token must be 8 to 256 characters");
          }
          fake.webhook = { url, secretToken: secret };
          return answer(response, 200, { ok: true, result: { url, updated_at: Date.now() } });
        }
        case "deleteWebhook":
          fake.webhook = null;
          return answer(response, 200, { ok: true, result: { url: "", updated_at: Date.now() } });
        case "getWebhookInfo":
          return answer(response, 200, { ok: true, result: { url: fake.webhook?.url ?? "" } });
        case "sendMessage": {
          const text = String(params.text ?? "");
          if (text.length < 1 || text.length > 2000) {
            return failure(response, 400, "Bad request: text must be 1 to 2000 characters");
          }
          counter += 1;
          const message = { chatId: String(params.chat_id), text, messageId: `bot-msg-${counter}` };
          sent.push(message);
          for (const listener of listeners) listener();
          return answer(response, 200, {
            ok: true,
            result: { message_id: message.messageId, date: Date.now() },
          });
        }
        case "sendPhoto":
          if (typeof params.photo !== "string" || !params.photo.startsWith("https://")) {
            return failure(response, 400, "Bad request: photo must be a URL");
          }
          counter += 1;
          return answer(response, 200, { ok: true, result: { message_id: `bot-photo-${counter}` } });
        case "sendChatAction":
          return answer(response, 200, { ok: true, result: true });
        default:
          return failure(response, 404, `Unknown method ${method}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeZalo = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    sent,
    webhook: null,
    callsOf: (method) => calls.filter((call) => call.method === method),
    sendUserMessage(input) {
      counter += 1;
      const update = {
        event_name: input.eventName ?? "message.text.received",
        message: {
          message_id: input.messageId ?? `user-msg-${counter}`,
          from: { id: input.userId, display_name: input.displayName ?? "Cán bộ Zalo", is_bot: false },
          chat: { id: input.userId, chat_type: "PRIVATE" },
          date: input.date ?? Date.now(),
          ...(input.text === undefined ? {} : { text: input.text }),
        },
      };
      fake.queueUpdate(update);
      return update;
    },
    queueUpdate(update) {
      queue.push(update);
      for (const wake of [...pollers]) wake();
    },
    fail(fault) {
      faults.push({ ...fault });
    },
    waitForMessages(chatId, count, since = 0, timeoutMs = 10_000) {
      const found = () => sent.slice(since).filter((message) => message.chatId === chatId);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (found().length < count) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found());
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`expected ${count} message(s) to ${chatId}, got ${found().length}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
