// Telegram in webhook mode through the real HTTP server, the real bot (grammY's webhookCallback)
// and the fake Bot API for the bot's answers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSendPacer } from "../../src/app.ts";
import { type HttpServer, startHttpServer } from "../../src/http/http-server.ts";
import { startTelegramWebhook } from "../../src/http/telegram-webhook.ts";
import { createLogger } from "../../src/logger.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { postWebhook } from "../support/http-client.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SECRET = "s3cret-token_for-tests";
const PATH = "/nhacviec/hook";
const HEADER = "X-Telegram-Bot-Api-Secret-Token";

let app: TestApp;
let fake: FakeTelegram;
let server: HttpServer;
let stopTelegram: () => Promise<void>;

beforeEach(async () => {
  app = await createTestApp();
  fake = await startFakeTelegram();
  const telegram = await startTelegramWebhook({
    token: fake.token,
    apiRoot: fake.apiRoot,
    pacer: createSendPacer(app.config),
    getMe: { attempts: 1, timeoutMs: 10_000, retryMs: 1 },
    clock: app.clock,
    conversation: app.conversation,
    translator: app.translator,
    logger: createLogger("silent"),
  });
  stopTelegram = () => telegram.stop(5000);
  server = await startHttpServer({
    port: 0,
    webhooks: { urls: { telegram: `https://bot.example.vn${PATH}` }, secret: SECRET },
    telegram: telegram.webhook,
    health: { database: app.database, lastTickAt: () => null },
    logger: createLogger("silent"),
  });
});

afterEach(async () => {
  await server.close();
  await stopTelegram();
  await fake.close();
  await app.dispose();
});

const messageFrom = (userId: number, text: string) =>
  fake.sendUserMessage({ userId, text, date: Math.floor(app.clock.now().getTime() / 1000) });

describe("Telegram webhook", () => {
  it("accepts an update with the right secret and the bot answers it", async () => {
    const response = await postWebhook(server.port, PATH, messageFrom(501, "/start"), { [HEADER]: SECRET });
    expect(response.status).toBe(200);
    const reply = await fake.waitForMessage(501);
    expect(reply.text).toContain("mã mời");
  });

  it("refuses a wrong or missing secret with 401 and handles nothing", async () => {
    const wrong = await postWebhook(server.port, PATH, messageFrom(502, "/start"), {
      [HEADER]: `${SECRET}x`,
    });
    const missing = await postWebhook(server.port, PATH, messageFrom(502, "/start"));
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    // The same chat's next accepted update is answered first: nothing was queued before it.
    await postWebhook(server.port, PATH, messageFrom(502, "/trogiup"), { [HEADER]: SECRET });
    await fake.waitForMessage(502);
    expect(fake.sentMessages(502)).toHaveLength(1);
  });

  it("refuses an oversize body with 413", async () => {
    const huge = { update_id: 1, padding: "x".repeat(1024 * 1024) };
    expect((await postWebhook(server.port, PATH, huge, { [HEADER]: SECRET })).status).toBe(413);
    expect(fake.sentMessages()).toHaveLength(0);
  });

  it("refuses malformed JSON and a body that is not an object with 400", async () => {
    expect((await postWebhook(server.port, PATH, "{not json", { [HEADER]: SECRET })).status).toBe(400);
    expect((await postWebhook(server.port, PATH, "[1,2]", { [HEADER]: SECRET })).status).toBe(400);
    expect(fake.sentMessages()).toHaveLength(0);
  });

  it("answers a replayed update once, whether the copy comes during or after the first", async () => {
    // /trogiup from someone unlinked stores nothing: only the webhook's replay guard can tell a copy.
    const update = messageFrom(503, "/trogiup");
    const [first, during] = await Promise.all([
      postWebhook(server.port, PATH, update, { [HEADER]: SECRET }),
      postWebhook(server.port, PATH, update, { [HEADER]: SECRET }),
    ]);
    const after = await postWebhook(server.port, PATH, update, { [HEADER]: SECRET });
    expect([first.status, during.status, after.status]).toEqual([200, 200, 200]);
    await fake.waitForMessage(503);
    // Replies to one chat go out in order: once the next message is answered, a copy would have been.
    const since = fake.checkpoint();
    await postWebhook(server.port, PATH, messageFrom(503, "/start"), { [HEADER]: SECRET });
    await fake.waitForMessage(503, undefined, 5000, since);
    expect(fake.sentMessages(503)).toHaveLength(2);
  });

  it("answers 404 to any other path, so nothing is listable", async () => {
    const response = await postWebhook(server.port, "/", messageFrom(504, "/start"), { [HEADER]: SECRET });
    expect(response.status).toBe(404);
  });
});
