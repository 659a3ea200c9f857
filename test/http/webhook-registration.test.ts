// At start in webhook mode the bot tells each platform where to post and with which secret, and serves
// that path: WEBHOOK_URL itself with one platform, + /telegram and + /zalo with both. Zalo's webhook
// mode has no poller (getUpdates and a webhook exclude each other); polling deletes a webhook left.
import { afterEach, describe, expect, it } from "vitest";
import { createSendPacer } from "../../src/app.ts";
import { ZaloApi } from "../../src/channels/zalo/zalo-api.ts";
import { startZalo } from "../../src/channels/zalo/zalo-channel.ts";
import { createZaloPacer } from "../../src/channels/zalo/zalo-sender.ts";
import { type BotHttpOptions, startBotHttp } from "../../src/http/start-http.ts";
import { startTelegramWebhook } from "../../src/http/telegram-webhook.ts";
import { startZaloWebhook } from "../../src/http/zalo-webhook.ts";
import { createLogger } from "../../src/logger.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { type FakeZalo, startFakeZalo } from "../fakes/zalo-api-server.ts";
import { postWebhook } from "../support/http-client.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const SECRET = "registration-secret";
const ZALO_HEADER = "X-Bot-Api-Secret-Token";
const cleanup: (() => Promise<void>)[] = [];
const getMe = { attempts: 1, timeoutMs: 10_000, retryMs: 1 };

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function startFakes(platforms: { telegram: boolean; zalo: boolean }) {
  const telegram = platforms.telegram ? await startFakeTelegram() : undefined;
  if (telegram) cleanup.push(() => telegram.close());
  const zalo = platforms.zalo ? await startFakeZalo() : undefined;
  if (zalo) cleanup.push(() => zalo.close());
  return { telegram, zalo };
}

async function startWebhookBot(webhookUrl: string, platforms: { telegram: boolean; zalo: boolean }) {
  const fakes = await startFakes(platforms);
  const app: TestApp = await createTestApp({
    env: {
      WEBHOOK_URL: webhookUrl,
      WEBHOOK_SECRET: SECRET,
      ...(fakes.telegram && { BOT_TOKEN: fakes.telegram.token }),
      ...(fakes.zalo && { ZALO_BOT_TOKEN: fakes.zalo.token, ZALO_API_ROOT: fakes.zalo.apiRoot }),
    },
    withBuiltinPlan: false,
  });
  cleanup.push(() => app.dispose());
  const core = { conversation: app.conversation, translator: app.translator, logger: createLogger("silent") };
  const options: Omit<BotHttpOptions, "lastTickAt"> = { port: 0 };
  if (fakes.telegram) {
    const telegram = await startTelegramWebhook({
      ...core,
      token: fakes.telegram.token,
      apiRoot: fakes.telegram.apiRoot,
      pacer: createSendPacer(app.config),
      getMe,
      clock: app.clock,
    });
    cleanup.push(() => telegram.stop(5000));
    options.telegram = telegram;
  }
  if (fakes.zalo) {
    const api = new ZaloApi({ token: fakes.zalo.token, apiRoot: fakes.zalo.apiRoot });
    const pacer = createZaloPacer(50);
    const zalo = await startZaloWebhook({ ...core, api, apiRoot: fakes.zalo.apiRoot, getMe, pacer });
    cleanup.push(async () => {
      await zalo.stop(5000);
      pacer.close();
    });
    options.zalo = { api, webhook: zalo.webhook };
  }
  const server = await startBotHttp(app, { ...options, lastTickAt: () => null });
  if (!server) throw new Error("webhook mode must start the HTTP server");
  cleanup.push(() => server.close());
  return { ...fakes, server };
}

const zaloEvent = (userId: string, messageId: string, text: string) => ({
  event_name: "message.text.received",
  message: {
    message_id: messageId,
    from: { id: userId, display_name: "Cán bộ Zalo", is_bot: false },
    chat: { id: userId, chat_type: "PRIVATE" },
    date: Date.parse("2020-03-10T02:00:00Z"),
    text,
  },
});

describe("webhook registration", () => {
  it("registers WEBHOOK_URL exactly when Telegram runs alone, and serves its path", async () => {
    const { telegram, server } = await startWebhookBot("https://bot.example.vn/nhacviec/hook", {
      telegram: true,
      zalo: false,
    });
    const fake = telegram as FakeTelegram;
    const [call] = fake.callsOf("setWebhook");
    expect(call?.params).toMatchObject({ url: "https://bot.example.vn/nhacviec/hook", secret_token: SECRET });
    expect(fake.callsOf("deleteWebhook")).toHaveLength(0);
    const update = fake.sendUserMessage({ userId: 601, text: "/start" });
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    expect((await postWebhook(server.port, "/nhacviec/hook", update, headers)).status).toBe(200);
    await fake.waitForMessage(601);
  });

  it("registers WEBHOOK_URL exactly when Zalo runs alone, polls nothing, and answers a replayed update once", async () => {
    const { zalo, server } = await startWebhookBot("https://bot.example.vn/nhacviec/zalo-hook", {
      telegram: false,
      zalo: true,
    });
    const fake = zalo as FakeZalo;
    expect(fake.callsOf("setWebhook").map((call) => call.params)).toEqual([
      { url: "https://bot.example.vn/nhacviec/zalo-hook", secret_token: SECRET },
    ]);
    expect(fake.callsOf("getUpdates")).toHaveLength(0);
    const path = "/nhacviec/zalo-hook";
    const event = zaloEvent("zalo-601", "z-1", "/trogiup");
    // Refused before anything is handled: no secret, or Telegram's header in place of Zalo's.
    expect((await postWebhook(server.port, path, event)).status).toBe(401);
    const wrongHeader = await postWebhook(server.port, path, event, {
      "X-Telegram-Bot-Api-Secret-Token": SECRET,
    });
    expect(wrongHeader.status).toBe(401);
    expect(fake.sent).toHaveLength(0);

    const headers = { [ZALO_HEADER]: SECRET };
    expect((await postWebhook(server.port, path, event, headers)).status).toBe(200);
    await fake.waitForMessages("zalo-601", 1);
    // The same event again (wrapped this time): answered 200, not handled again.
    expect((await postWebhook(server.port, path, { ok: true, result: event }, headers)).status).toBe(200);
    // Not an update at all: 400, so Zalo does not retry it forever.
    expect((await postWebhook(server.port, path, { event_name: 7 }, headers)).status).toBe(400);
    expect(
      (await postWebhook(server.port, path, zaloEvent("zalo-601", "z-2", "/trogiup"), headers)).status,
    ).toBe(200);
    const replies = await fake.waitForMessages("zalo-601", 2);
    expect(replies).toHaveLength(2);
    expect(fake.sent).toHaveLength(2);
  });

  it("registers WEBHOOK_URL + /telegram and + /zalo when both run, and serves each there", async () => {
    const { telegram, zalo, server } = await startWebhookBot("https://bot.example.vn/hook/", {
      telegram: true,
      zalo: true,
    });
    expect(telegram?.callsOf("setWebhook").map((c) => c.params)).toEqual([
      expect.objectContaining({ url: "https://bot.example.vn/hook/telegram", secret_token: SECRET }),
    ]);
    expect(zalo?.callsOf("setWebhook").map((c) => c.params)).toEqual([
      { url: "https://bot.example.vn/hook/zalo", secret_token: SECRET },
    ]);
    const event = zaloEvent("zalo-602", "z-9", "/trogiup");
    const answered = await postWebhook(server.port, "/hook/zalo", event, { [ZALO_HEADER]: SECRET });
    expect(answered.status).toBe(200);
    await zalo?.waitForMessages("zalo-602", 1);
    // Zalo's update on Telegram's path is refused: the secret header there is Telegram's.
    expect((await postWebhook(server.port, "/hook/telegram", event, { [ZALO_HEADER]: SECRET })).status).toBe(
      401,
    );
  });

  it("deletes a webhook left from webhook mode when Zalo goes back to long polling", async () => {
    const { zalo } = await startFakes({ telegram: false, zalo: true });
    const fake = zalo as FakeZalo;
    fake.webhook = { url: "https://bot.example.vn/zalo", secretToken: SECRET };
    const app = await createTestApp({ withBuiltinPlan: false });
    cleanup.push(() => app.dispose());
    const pacer = createZaloPacer(50);
    const channel = await startZalo({
      api: new ZaloApi({ token: fake.token, apiRoot: fake.apiRoot }),
      apiRoot: fake.apiRoot,
      getMe,
      pacer,
      conversation: app.conversation,
      translator: app.translator,
      logger: createLogger("silent"),
      pollSeconds: 1,
    });
    cleanup.push(async () => {
      await channel.stop(2000);
      pacer.close();
    });
    expect(fake.callsOf("deleteWebhook")).toHaveLength(1);
    expect(fake.webhook).toBeNull();
    fake.sendUserMessage({ userId: "zalo-603", text: "/trogiup" });
    await fake.waitForMessages("zalo-603", 1);
  });
});
