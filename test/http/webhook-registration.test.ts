// At start in webhook mode the bot tells Telegram where to post and with which secret, and serves
// that path: WEBHOOK_URL itself with one platform, + /telegram (and /zalo) with both.
import { afterEach, describe, expect, it } from "vitest";
import { createSendPacer } from "../../src/app.ts";
import { startBotHttp } from "../../src/http/start-http.ts";
import { startTelegramWebhook } from "../../src/http/telegram-webhook.ts";
import { createLogger } from "../../src/logger.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { postWebhook } from "../support/http-client.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SECRET = "registration-secret";
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function startWebhookBot(env: Record<string, string>) {
  const fake: FakeTelegram = await startFakeTelegram();
  cleanup.push(() => fake.close());
  const app: TestApp = await createTestApp({
    env: { BOT_TOKEN: fake.token, WEBHOOK_SECRET: SECRET, ...env },
    withBuiltinPlan: false,
  });
  cleanup.push(() => app.dispose());
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
  cleanup.push(() => telegram.stop(5000));
  const zaloUpdates: unknown[] = [];
  const server = await startBotHttp(app, {
    telegram,
    zalo: async (update) => {
      zaloUpdates.push(update);
    },
    lastTickAt: () => null,
    port: 0,
  });
  if (!server) throw new Error("webhook mode must start the HTTP server");
  cleanup.push(() => server.close());
  return { fake, server, zaloUpdates };
}

describe("webhook registration", () => {
  it("registers WEBHOOK_URL exactly when Telegram runs alone, and serves its path", async () => {
    const { fake, server } = await startWebhookBot({ WEBHOOK_URL: "https://bot.example.vn/nhacviec/hook" });
    const [call] = fake.callsOf("setWebhook");
    expect(call?.params).toMatchObject({ url: "https://bot.example.vn/nhacviec/hook", secret_token: SECRET });
    expect(fake.callsOf("deleteWebhook")).toHaveLength(0);
    const update = fake.sendUserMessage({ userId: 601, text: "/start" });
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    expect((await postWebhook(server.port, "/nhacviec/hook", update, headers)).status).toBe(200);
    await fake.waitForMessage(601);
  });

  it("registers WEBHOOK_URL + /telegram when Zalo runs too, and serves /zalo for Zalo", async () => {
    const { fake, server, zaloUpdates } = await startWebhookBot({
      WEBHOOK_URL: "https://bot.example.vn/hook/",
      ZALO_BOT_TOKEN: "4321:zalo-test-token-of-a-realistic-shape",
    });
    expect(fake.callsOf("setWebhook").map((c) => c.params)).toEqual([
      expect.objectContaining({ url: "https://bot.example.vn/hook/telegram", secret_token: SECRET }),
    ]);
    const event = { event_name: "message.text.received", message: { message_id: "z1", text: "/start" } };
    const zalo = await postWebhook(server.port, "/hook/zalo", event, { "X-Bot-Api-Secret-Token": SECRET });
    expect(zalo.status).toBe(200);
    expect(zaloUpdates).toEqual([event]);
  });
});
