import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, Agent as HttpsAgent } from "node:https";
import type { AddressInfo } from "node:net";
import { Api, HttpError, InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { botApiFetch } from "../../src/channels/telegram/bot-api-fetch.ts";

// The bot's own transport (grammY's `client.fetch`), through grammY's real client, against small
// local servers: plain HTTP like the tests' fake, and HTTPS like Telegram (a self-signed test-only
// certificate for 127.0.0.1, in test/fixtures/tls).
const TOKEN = "123456789:TEST-nhacviec-fake-token-0123456789";
const tls = {
  key: readFileSync(new URL("../fixtures/tls/localhost-key.pem", import.meta.url)),
  cert: readFileSync(new URL("../fixtures/tls/localhost-cert.pem", import.meta.url)),
};

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

type Answer = (request: Received, response: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Records each request with its body, counts connections, and answers with `answer`. */
async function serve(answer: Answer, secure = false) {
  const received: Received[] = [];
  let connections = 0;
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      received.push(entry);
      answer(entry, response);
    });
  };
  const server = secure ? createHttpsServer(tls, handler) : createServer(handler);
  server.on(secure ? "secureConnection" : "connection", () => {
    connections += 1;
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `${secure ? "https" : "http"}://127.0.0.1:${port}`,
    received,
    connections: () => connections,
  };
}

const answerOk: Answer = (request, response) => {
  const json = request.headers["content-type"] === "application/json";
  const payload = json ? (JSON.parse(request.body.toString("utf8")) as unknown) : "multipart";
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ ok: true, result: { echoed: payload } }));
};

describe("the bot's Bot API transport (grammY client with botApiFetch)", () => {
  it("posts each call as JSON and reads the answer, on one kept-alive connection", async () => {
    const server = await serve(answerOk);
    const api = new Api(TOKEN, { apiRoot: server.apiRoot, fetch: botApiFetch });
    const first = await api.raw.sendMessage({ chat_id: 1, text: "Đã ghi nhận ✅" });
    const second = await api.raw.sendMessage({ chat_id: 2, text: "II.2 xong" });
    expect(first).toEqual({ echoed: { chat_id: 1, text: "Đã ghi nhận ✅" } });
    expect(second).toEqual({ echoed: { chat_id: 2, text: "II.2 xong" } });
    const [request] = server.received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`/bot${TOKEN}/sendMessage`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(Number(request?.headers["content-length"])).toBe(request?.body.length);
    expect(server.connections()).toBe(1);
  });

  it("speaks HTTPS, as to Telegram itself", async () => {
    const server = await serve(answerOk, true);
    const agent = new HttpsAgent({ keepAlive: true, ca: tls.cert });
    const api = new Api(TOKEN, { apiRoot: server.apiRoot, fetch: botApiFetch, baseFetchConfig: { agent } });
    expect(await api.raw.sendMessage({ chat_id: 3, text: "qua HTTPS" })).toEqual({
      echoed: { chat_id: 3, text: "qua HTTPS" },
    });
    await api.raw.sendMessage({ chat_id: 3, text: "lần nữa" });
    expect(server.connections()).toBe(1);
    agent.destroy();
  });

  it("uploads a file as multipart, streamed", async () => {
    const server = await serve(answerOk);
    const api = new Api(TOKEN, { apiRoot: server.apiRoot, fetch: botApiFetch });
    const bytes = Buffer.from("PK\u0003\u0004 bao cao quy I");
    await api.sendDocument(5, new InputFile(bytes, "bao-cao.xlsx"), { caption: "Báo cáo" });
    const [request] = server.received;
    expect(request?.url).toBe(`/bot${TOKEN}/sendDocument`);
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const body = request?.body.toString("latin1") ?? "";
    expect(body).toContain("filename=bao-cao.xlsx");
    expect(body).toContain(bytes.toString("latin1"));
  });

  it("fails an answer that is not JSON (a proxy's error page) as an HttpError", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><body>502 Bad Gateway</body></html>");
    });
    const api = new Api(TOKEN, { apiRoot: server.apiRoot, fetch: botApiFetch });
    await expect(api.raw.sendMessage({ chat_id: 1, text: "x" })).rejects.toBeInstanceOf(HttpError);
  });

  it("fails a call whose connection drops before the answer ends as an HttpError", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"ok":true,');
      setImmediate(() => response.socket?.destroy());
    });
    const api = new Api(TOKEN, { apiRoot: server.apiRoot, fetch: botApiFetch });
    await expect(api.raw.sendMessage({ chat_id: 1, text: "x" })).rejects.toBeInstanceOf(HttpError);
  });

  it("fails a call nobody listens for as an HttpError", async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise((resolve) => gone.close(resolve));
    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${port}`, fetch: botApiFetch });
    await expect(api.getMe()).rejects.toBeInstanceOf(HttpError);
  });

  it("aborts a call when its signal fires (the poller's stop), closing the connection", async () => {
    let requested = () => {};
    const arrived = new Promise<void>((resolve) => {
      requested = resolve;
    });
    let closedByClient = () => {};
    const closed = new Promise<void>((resolve) => {
      closedByClient = resolve;
    });
    const server = await serve((_request, response) => {
      response.on("close", closedByClient);
      requested(); // and never answers, like a long poll
    });
    const api = new Api(TOKEN, { apiRoot: server.apiRoot, fetch: botApiFetch });
    const stop = new AbortController();
    const poll = api.getUpdates({ timeout: 30 }, stop.signal as Parameters<Api["getUpdates"]>[1]);
    await arrived;
    stop.abort();
    await expect(poll).rejects.toBeInstanceOf(HttpError);
    await closed;
  });
});
