// Zalo's webhook is answered 200 only once its update is stored: with the database file gone, the
// update is answered 503 so that Zalo sends it again to a bot on the restored file.
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ZaloApi } from "../../src/channels/zalo/zalo-api.ts";
import { createZaloPacer } from "../../src/channels/zalo/zalo-sender.ts";
import { type HttpServer, startHttpServer } from "../../src/http/http-server.ts";
import { startZaloWebhook } from "../../src/http/zalo-webhook.ts";
import { createLogger } from "../../src/logger.ts";
import { type FakeZalo, startFakeZalo } from "../fakes/zalo-api-server.ts";
import { postWebhook } from "../support/http-client.ts";
import { createTestApp, inviteFor } from "../support/test-app.ts";

const SECRET = "zalo-secret-not-stored";
const HEADER = "X-Bot-Api-Secret-Token";
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const textEvent = (messageId: string, text: string) => ({
  event_name: "message.text.received",
  message: {
    message_id: messageId,
    from: { id: "zalo-canbo", display_name: "Cán bộ", is_bot: false },
    chat: { id: "zalo-canbo", chat_type: "PRIVATE" },
    date: Date.parse("2020-03-10T02:00:00Z"),
    text,
  },
});

describe("the Zalo webhook when nothing can be stored", () => {
  it("answers 503 once the database file is gone, after answering 200 while it was there", async () => {
    const fake: FakeZalo = await startFakeZalo();
    cleanup.push(() => fake.close());
    const app = await createTestApp();
    cleanup.push(() => app.dispose());
    const pacer = createZaloPacer(50);
    const zalo = await startZaloWebhook({
      api: new ZaloApi({ token: fake.token, apiRoot: fake.apiRoot }),
      apiRoot: fake.apiRoot,
      getMe: { attempts: 1, timeoutMs: 5000, retryMs: 1 },
      pacer,
      conversation: app.conversation,
      translator: app.translator,
      logger: createLogger("silent"),
    });
    cleanup.push(async () => {
      await zalo.stop(2000);
      pacer.close();
    });
    const server: HttpServer = await startHttpServer({
      port: 0,
      webhooks: { urls: { zalo: "https://bot.example.vn/hook" }, secret: SECRET },
      zalo: zalo.webhook,
      health: { database: app.database, lastTickAt: () => null },
      logger: createLogger("silent"),
    });
    cleanup.push(() => server.close());
    const invite = await inviteFor(app, "so-tttt");
    const linked = await postWebhook(server.port, "/hook", textEvent("m-1", `/start ${invite.code}`), {
      [HEADER]: SECRET,
    });
    expect(linked.status).toBe(200);

    rmSync(app.databasePath);
    const update = await postWebhook(server.port, "/hook", textEvent("m-2", "V.1 xong"), {
      [HEADER]: SECRET,
    });
    expect(update.status).toBe(503);
  });
});
