// The Zalo webhook route through the real HTTP server, with a stub in place of the Zalo channel.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HttpServer, startHttpServer } from "../../src/http/http-server.ts";
import { createLogger } from "../../src/logger.ts";
import { postWebhook } from "../support/http-client.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SECRET = "zalo-secret-123";
const PATH = "/hook";
const HEADER = "X-Bot-Api-Secret-Token";

const textEvent = (messageId: string, text: string) => ({
  event_name: "message.text.received",
  message: {
    message_id: messageId,
    from: { id: "u1", display_name: "Cán bộ", is_bot: false },
    chat: { id: "u1", chat_type: "PRIVATE" },
    date: 1_584_000_000_000,
    text,
  },
});

let app: TestApp;
let server: HttpServer;
let received: unknown[];

beforeEach(async () => {
  app = await createTestApp({ withBuiltinPlan: false });
  received = [];
  server = await startHttpServer({
    port: 0,
    webhooks: { urls: { zalo: `https://bot.example.vn${PATH}` }, secret: SECRET },
    zalo: async (update) => {
      received.push(update);
    },
    health: { database: app.database, lastTickAt: () => null },
    logger: createLogger("silent"),
  });
});

afterEach(async () => {
  await server.close();
  await app.dispose();
});

describe("Zalo webhook", () => {
  it("hands an update with the right secret to the Zalo channel, wrapped or not", async () => {
    const bare = textEvent("m1", "/start");
    const wrapped = { ok: true, result: textEvent("m2", "II.2 xong") };
    expect((await postWebhook(server.port, PATH, bare, { [HEADER]: SECRET })).status).toBe(200);
    expect((await postWebhook(server.port, PATH, wrapped, { [HEADER]: SECRET })).status).toBe(200);
    expect(received).toEqual([bare, wrapped]);
  });

  it("refuses a wrong or missing secret with 401", async () => {
    const wrong = await postWebhook(server.port, PATH, textEvent("m1", "x"), { [HEADER]: "zalo-secret-124" });
    const missing = await postWebhook(server.port, PATH, textEvent("m1", "x"));
    // Telegram's header is not Zalo's.
    const other = await postWebhook(server.port, PATH, textEvent("m1", "x"), {
      "X-Telegram-Bot-Api-Secret-Token": SECRET,
    });
    expect([wrong.status, missing.status, other.status]).toEqual([401, 401, 401]);
    expect(received).toEqual([]);
  });

  it("refuses an oversize body with 413", async () => {
    const huge = textEvent("m1", "x".repeat(1024 * 1024));
    expect((await postWebhook(server.port, PATH, huge, { [HEADER]: SECRET })).status).toBe(413);
    expect(received).toEqual([]);
  });

  it("refuses malformed JSON with 400", async () => {
    expect((await postWebhook(server.port, PATH, '{"event_name":', { [HEADER]: SECRET })).status).toBe(400);
    expect(received).toEqual([]);
  });

  it("hands a replayed event over once (same event name and message id)", async () => {
    const event = textEvent("m7", "/nhiemvu");
    const copies = await Promise.all(
      [1, 2].map(() => postWebhook(server.port, PATH, event, { [HEADER]: SECRET })),
    );
    const later = await postWebhook(server.port, PATH, { ok: true, result: event }, { [HEADER]: SECRET });
    expect([...copies, later].map((r) => r.status)).toEqual([200, 200, 200]);
    expect(received).toEqual([event]);
  });
});
