// Two bot instances behind a load balancer with no sticky sessions: each Telegram webhook update goes
// to either instance, both on one PostgreSQL database. A conversation that spans updates (a question
// asked by one instance, answered through the other) still works: its state lives in the database.
import { afterEach, expect, it } from "vitest";
import { type App, createApp, createSendPacer } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { type HttpServer, startHttpServer } from "../../src/http/http-server.ts";
import { startTelegramWebhook } from "../../src/http/telegram-webhook.ts";
import { createLogger } from "../../src/logger.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { postWebhook } from "../support/http-client.ts";
import { describePostgres } from "../support/postgres-database.ts";
import { buttonData } from "../support/telegram-harness.ts";
import { createTestApp, inviteFor, type TestApp } from "../support/test-app.ts";

type Update = ReturnType<FakeTelegram["sendUserMessage"]>;

const SECRET = "s3cret-token_for-tests";
const PATH = "/nhacviec/hook";
const OFFICIAL = 601;

let first: TestApp | undefined;
let second: App | undefined;
let fake: FakeTelegram | undefined;
const stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await fake?.close();
  await second?.close();
  await first?.dispose();
});

async function instance(app: App, telegram: FakeTelegram, clock: TestApp["clock"]): Promise<HttpServer> {
  const bot = await startTelegramWebhook({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    pacer: createSendPacer(app.config),
    getMe: { attempts: 1, timeoutMs: 10_000, retryMs: 1 },
    clock,
    conversation: app.conversation,
    translator: app.translator,
    logger: createLogger("silent"),
  });
  stops.push(() => bot.stop(5000));
  const server = await startHttpServer({
    port: 0,
    webhooks: { urls: { telegram: `https://bot.example.vn${PATH}` }, secret: SECRET },
    telegram: bot.webhook,
    health: { database: app.database, lastTickAt: () => null },
    logger: createLogger("silent"),
  });
  stops.push(() => server.close());
  return server;
}

describePostgres("two webhook instances on one PostgreSQL database, no sticky sessions", () => {
  it("a question asked by one instance is answered through the other", async () => {
    first = await createTestApp({ database: "postgres", at: "2020-03-10T02:00:00Z" });
    const clock = first.clock;
    second = await createApp(loadConfig({ DATABASE_URL: first.databaseUrl, LOG_LEVEL: "silent" }), {
      clock,
      logger: createLogger("silent"),
    });
    fake = await startFakeTelegram();
    const telegram = fake;
    const servers = [await instance(first, telegram, clock), await instance(second, telegram, clock)];
    const date = Math.floor(clock.now().getTime() / 1000);
    const through = async (index: number, update: Update) => {
      const since = telegram.checkpoint();
      const response = await postWebhook(servers[index]?.port ?? 0, PATH, update, {
        "X-Telegram-Bot-Api-Secret-Token": SECRET,
      });
      expect(response.status).toBe(200);
      return telegram.waitForMessage(OFFICIAL, undefined, 10_000, since);
    };
    const say = (index: number, text: string) =>
      through(index, telegram.sendUserMessage({ userId: OFFICIAL, text, date }));

    const invite = await inviteFor(first, "so-y-te");
    expect((await say(0, `/start ${invite.code}`)).text).toContain("Sở Y tế");
    // No task named: instance 2 asks which one, with a button per task.
    const question = await say(1, "đang làm 60%");
    const choice = buttonData(question.replyMarkup)[0];
    expect(choice).toBeDefined();
    // The press reaches instance 1, which finds the question in the database.
    const answer = await through(
      0,
      telegram.pressButton({ userId: OFFICIAL, messageId: question.messageId, data: choice ?? "" }),
    );
    expect(answer.text).toContain("Đã ghi nhận");
    const stored = await first.database.db.selectFrom("status_updates").select(["progress"]).execute();
    expect(stored).toEqual([{ progress: 60 }]);
  });
});
