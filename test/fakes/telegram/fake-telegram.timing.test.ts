import { Api, Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import {
  type FakeTelegram,
  type FakeTelegramOptions,
  STRICT_LIMITS,
  startFakeTelegram,
} from "./fake-telegram.ts";

const open: FakeTelegram[] = [];

async function start(options?: FakeTelegramOptions): Promise<FakeTelegram> {
  const fake = await startFakeTelegram(options);
  open.push(fake);
  return fake;
}

function apiFor(fake: FakeTelegram): Api {
  return new Api(fake.token, { apiRoot: fake.apiRoot });
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail");
}

async function grammyError(p: Promise<unknown>): Promise<GrammyError> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(GrammyError);
  return err as GrammyError;
}

describe("fake Telegram Bot API", () => {
  it("answers getMe and records a sendMessage round trip", async () => {
    const fake = await start();
    const api = apiFor(fake);
    const me = await api.getMe();
    expect(me).toMatchObject({ is_bot: true, first_name: "Nhắc Việc", username: "nhacviec_test_bot" });

    const first = await api.sendMessage(42, "Xin chào", {
      reply_markup: new InlineKeyboard().text("Xong", "done:1"),
    });
    const second = await api.sendMessage(42, "Lần hai");
    expect(first).toMatchObject({ message_id: 1, chat: { id: 42, type: "private" }, text: "Xin chào" });
    expect(first.from?.id).toBe(me.id);
    expect(first.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({
      text: "Xong",
      callback_data: "done:1",
    });
    expect(Math.abs(first.date - Date.now() / 1000)).toBeLessThan(5);
    expect(second.message_id).toBe(2);

    const sent = fake.sentMessages(42);
    expect(sent.map((m) => m.text)).toEqual(["Xin chào", "Lần hai"]);
    expect(fake.sentMessages(7)).toEqual([]);
    expect(fake.calls.map((c) => c.method)).toEqual(["getMe", "sendMessage", "sendMessage"]);
    expect(fake.calls[1]?.params).toMatchObject({ chat_id: 42, text: "Xin chào" });
    expect(fake.stats.accepted).toBe(2);
  });

  it("delivers injected updates to a running bot via long polling", async () => {
    const fake = await start();
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const seen: number[] = [];
    bot.use(async (ctx, next) => {
      seen.push(ctx.update.update_id);
      await next();
    });
    bot.command("start", (ctx) => ctx.reply(`start:${ctx.match}`));
    bot.on("message:text", (ctx) => ctx.reply(`echo:${ctx.message.text}`));
    bot.on("edited_message:text", (ctx) => ctx.reply(`edited:${ctx.editedMessage.text}`));
    bot.on("callback_query:data", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "ok" });
      await ctx.reply(`pressed:${ctx.callbackQuery.data}`);
    });
    const running = bot.start({ timeout: 30 });
    try {
      const hello = fake.sendUserMessage({ userId: 501, text: "chào bot", firstName: "Lan" });
      await fake.waitForMessage(501, (m) => m.text === "echo:chào bot");
      fake.sendUserMessage({ userId: 501, text: "/start ABC123" });
      await fake.waitForMessage(501, (m) => m.text === "start:ABC123");

      const edited = fake.editUserMessage({
        userId: 501,
        messageId: hello.message?.message_id ?? 0,
        text: "sửa",
      });
      expect(edited.edited_message?.edit_date).toBeTypeOf("number");
      await fake.waitForMessage(501, (m) => m.text === "edited:sửa");

      const withButton = await bot.api.sendMessage(501, "Chọn", {
        reply_markup: new InlineKeyboard().text("A", "pick:a"),
      });
      fake.pressButton({ userId: 501, messageId: withButton.message_id, data: "pick:a" });
      await fake.waitForMessage(501, (m) => m.text === "pressed:pick:a");
      expect(fake.callsOf("answerCallbackQuery")[0]).toMatchObject({ status: 200, params: { text: "ok" } });

      // The same update delivered twice (e.g. a redelivery after a crash).
      const raw: Update = { update_id: hello.update_id, message: hello.message };
      fake.enqueueRawUpdate(raw);
      await fake.waitForCall(() => seen.filter((id) => id === hello.update_id).length === 2);
    } finally {
      await bot.stop();
      await running;
    }
    expect(fake.pendingUpdateCount).toBe(0);
    const getUpdates = fake.callsOf("getUpdates");
    expect(getUpdates.length).toBeGreaterThan(1);
  });

  it("returns updates only after the offset, honouring limit and timeout", async () => {
    const fake = await start();
    const api = apiFor(fake);
    const u1 = fake.sendUserMessage({ userId: 1, text: "a" });
    const u2 = fake.sendUserMessage({ userId: 1, text: "b" });
    expect(u2.update_id).toBe(u1.update_id + 1);
    expect((await api.getUpdates({ limit: 1 })).map((u) => u.update_id)).toEqual([u1.update_id]);
    // Not confirmed yet: delivered again.
    expect((await api.getUpdates({})).map((u) => u.update_id)).toEqual([u1.update_id, u2.update_id]);
    expect(await api.getUpdates({ offset: u2.update_id + 1 })).toEqual([]);
    expect(fake.pendingUpdateCount).toBe(0);

    // A long poll is held until an update arrives...
    const t0 = Date.now();
    const pending = api.getUpdates({ offset: u2.update_id + 1, timeout: 30 });
    setTimeout(() => fake.sendUserMessage({ userId: 1, text: "c" }), 150);
    const got = await pending;
    expect(got.map((u) => u.message?.text)).toEqual(["c"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    // ...or until the timeout elapses, capped at 2 s.
    const t1 = Date.now();
    expect(await api.getUpdates({ offset: (got[0]?.update_id ?? 0) + 1, timeout: 30 })).toEqual([]);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - t1).toBeLessThan(4000);
  });

  it("serves 429 with retry_after over the strict per-chat limit", async () => {
    const fake = await start(STRICT_LIMITS);
    const api = apiFor(fake);
    await api.sendMessage(100, "một");
    const err = await grammyError(api.sendMessage(100, "hai"));
    expect(err.error_code).toBe(429);
    expect(err.description).toBe("Too Many Requests: retry after 1");
    expect(err.parameters.retry_after).toBe(1);
    // Other chats are not affected.
    await api.sendMessage(101, "khác");
    expect(fake.stats).toMatchObject({ accepted: 2, tooManyRequests: 1, rateLimited: 1 });
    expect(fake.sentMessages(100)).toHaveLength(1);
    // After a second the chat may receive again.
    await new Promise((r) => setTimeout(r, 1000));
    await api.sendMessage(100, "ba");
    expect(fake.stats.accepted).toBe(3);
  });

  it("tolerates a short burst in private chats by default", async () => {
    const fake = await start();
    const api = apiFor(fake);
    const burst = 10;
    for (let i = 0; i < burst; i++) await api.sendMessage(5, `m${i}`);
    expect((await grammyError(api.sendMessage(5, "one too many"))).error_code).toBe(429);
    expect(fake.stats.tooManyRequests).toBe(1);
  });

  it("enforces the group limit of 20 a minute", async () => {
    const fake = await start({ globalPerSecond: 0 });
    const api = apiFor(fake);
    for (let i = 0; i < 20; i++) await api.sendMessage(-100, `g${i}`);
    const groupErr = await grammyError(api.sendMessage(-100, "g20"));
    expect(groupErr.error_code).toBe(429);
    expect(groupErr.parameters.retry_after).toBeGreaterThanOrEqual(59);
    await api.sendMessage(-101, "another group is fine");
    expect(fake.stats).toMatchObject({ accepted: 21, tooManyRequests: 1 });
  });

  it("enforces the global limit", async () => {
    const fake = await start({ globalPerSecond: 5 });
    const api = apiFor(fake);
    for (let i = 1; i <= 5; i++) await api.sendMessage(i, `m${i}`);
    const globalErr = await grammyError(api.sendMessage(6, "one too many"));
    expect(globalErr.parameters.retry_after).toBe(1);
    expect(fake.stats).toMatchObject({ accepted: 5, tooManyRequests: 1 });
  });

  it("can switch the limits off", async () => {
    const fake = await start({ enforceLimits: false });
    const api = apiFor(fake);
    for (let i = 0; i < 10; i++) await api.sendMessage(9, `m${i}`);
    expect(fake.stats).toMatchObject({ accepted: 10, tooManyRequests: 0 });
  });

  it("makes every fault kind observable from grammY", async () => {
    const fake = await start({ enforceLimits: false });
    const api = apiFor(fake);

    fake.failNext("sendMessage", { kind: "http", status: 500 });
    const e500 = await grammyError(api.sendMessage(1, "x"));
    expect(e500.error_code).toBe(500);
    await api.sendMessage(1, "after the fault"); // count 1: only the next call failed

    fake.failNext("sendMessage", { kind: "http", status: 502, description: "Bad Gateway: upstream" }, 2);
    expect((await grammyError(api.sendMessage(1, "x"))).description).toBe("Bad Gateway: upstream");
    expect((await grammyError(api.sendMessage(1, "x"))).error_code).toBe(502);

    fake.failNext("sendMessage", { kind: "retryAfter", seconds: 7 });
    const e429 = await grammyError(api.sendMessage(1, "x"));
    expect(e429.error_code).toBe(429);
    expect(e429.parameters.retry_after).toBe(7);

    fake.failChat(66, { kind: "blocked" });
    const e403 = await grammyError(api.sendMessage(66, "x"));
    expect(e403.error_code).toBe(403);
    expect(e403.description).toBe("Forbidden: bot was blocked by the user");
    expect((await grammyError(api.sendMessage(66, "again"))).error_code).toBe(403); // "always"
    await api.sendMessage(67, "another chat is fine");

    fake.failChat(68, { kind: "http", status: 400, description: "Bad Request: chat not found" }, 1, [
      "sendMessage",
    ]);
    await api.sendDocument(68, new InputFile(Buffer.from("x"), "x.txt")); // not a listed method
    expect((await grammyError(api.sendMessage(68, "x"))).description).toBe("Bad Request: chat not found");
    await api.sendMessage(68, "x");

    fake.failNext("sendMessage", { kind: "drop" });
    const dropped = await rejection(api.sendMessage(1, "x"));
    expect(dropped).toBeInstanceOf(HttpError);
    await api.sendMessage(1, "the server is still up");

    fake.failNext("sendMessage", { kind: "html", status: 502 });
    const page = await rejection(api.sendMessage(1, "x"));
    expect(page).toBeInstanceOf(HttpError);

    expect(fake.stats.faultsInjected).toBe(9);
    expect(fake.stats.tooManyRequests).toBe(1);
    expect(fake.stats.rateLimited).toBe(0);
    fake.clearFaults();
    await api.sendMessage(66, "unblocked");
  });

  it("adds server-side latency", async () => {
    const fake = await start({ latencyMs: 120 });
    const t0 = Date.now();
    await apiFor(fake).getMe();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
  });

  it("receives a multipart sendDocument with the file's bytes and name", async () => {
    const fake = await start();
    const api = apiFor(fake);
    const msg = await api.sendDocument(42, new InputFile(Buffer.from("hello"), "a.txt"), {
      caption: "<b>Báo cáo</b>",
      parse_mode: "HTML",
    });
    expect(msg.document).toMatchObject({ file_name: "a.txt", mime_type: "text/plain", file_size: 5 });
    expect(msg.caption).toBe("Báo cáo");
    const [sent] = fake.sentMessages(42);
    expect(sent?.document?.filename).toBe("a.txt");
    expect(sent?.document?.bytes?.toString()).toBe("hello");
    expect(sent?.caption).toBe("<b>Báo cáo</b>");

    // Binary bytes (all values, CRLFs, boundary-like text) and an awkward Vietnamese file name.
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from("\r\n------------boundary\r\n--"),
    ]);
    const name = "Báo cáo Q1; 2025.xlsx";
    const msg2 = await api.sendDocument(42, new InputFile(bytes, name));
    expect(msg2.document?.file_name).toBe(name);
    const doc = fake.sentMessages(42)[1]?.document;
    expect(doc?.filename).toBe(name);
    expect(doc?.bytes?.equals(bytes)).toBe(true);
  });

  it("answers unknown methods with 404 and wrong tokens with 401", async () => {
    const fake = await start({ token: "111:right" });
    const raw = apiFor(fake).raw as unknown as { notAMethod: (p: object) => Promise<unknown> };
    const err = await grammyError(raw.notAMethod({}));
    expect(err.error_code).toBe(404);
    expect(err.description).toBe("Not Found: method not found");

    const wrong = new Api("111:wrong", { apiRoot: fake.apiRoot });
    const e401 = await grammyError(wrong.getMe());
    expect(e401.error_code).toBe(401);
    expect(e401.description).toBe("Unauthorized");

    const res = await fetch(`${fake.apiRoot}/nothing-here`);
    expect(res.status).toBe(404);
  });

  it("rejects what Telegram rejects: bad HTML, empty or long text, bad buttons, stale callbacks", async () => {
    const fake = await start({ enforceLimits: false });
    const api = apiFor(fake);
    const html = await grammyError(api.sendMessage(1, "a < b", { parse_mode: "HTML" }));
    expect(html.description).toMatch(/^Bad Request: can't parse entities/);
    expect((await grammyError(api.sendMessage(1, "<b>x</i>", { parse_mode: "HTML" }))).error_code).toBe(400);
    expect((await grammyError(api.sendMessage(1, "  "))).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await grammyError(api.sendMessage(1, "x".repeat(4097)))).description).toBe(
      "Bad Request: message is too long",
    );
    const longData = new InlineKeyboard().text("A", "đ".repeat(40));
    expect((await grammyError(api.sendMessage(1, "x", { reply_markup: longData }))).description).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );

    expect((await grammyError(api.answerCallbackQuery("nope"))).error_code).toBe(400);
  });

  it("checks command lists and keeps the webhook", async () => {
    const fake = await start();
    const api = apiFor(fake);
    expect(await api.setMyCommands([{ command: "nhiemvu", description: "Nhiệm vụ của tôi" }])).toBe(true);
    expect(
      (await grammyError(api.setMyCommands([{ command: "Bad-Cmd", description: "x" }]))).error_code,
    ).toBe(400);
    await api.setWebhook("https://example.test/hook", { secret_token: "s" });
    expect((await api.getWebhookInfo()).url).toBe("https://example.test/hook");
    expect(fake.webhookUrl).toBe("https://example.test/hook");
    expect((await grammyError(api.getUpdates())).error_code).toBe(409);
    await api.deleteWebhook();
    expect((await api.getWebhookInfo()).url).toBe("");
  });

  it("waitFor resolves on a later message and rejects with what was sent", async () => {
    const fake = await start();
    const api = apiFor(fake);
    await api.sendMessage(3, "đầu tiên");
    const since = fake.checkpoint();
    const later = fake.waitForMessage(3, undefined, 2000, since);
    setTimeout(() => void api.sendMessage(3, "sau đó"), 50);
    expect((await later).text).toBe("sau đó");
    const err = await rejection(fake.waitForMessage(3, (m) => m.text === "never", 100));
    expect(String(err)).toMatch(/timed out after 100 ms/);
    expect(String(err)).toMatch(/"đầu tiên"/);
    expect(String(err)).toMatch(/"sau đó"/);
  });

  it("accepts 5,000 sendMessage calls quickly", async () => {
    const fake = await start({ enforceLimits: false });
    const api = apiFor(fake);
    const t0 = performance.now();
    const total = 5000;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const i = next++;
        await api.sendMessage(1000 + (i % 500), `Nhắc việc #${i}`);
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    const ms = performance.now() - t0;
    expect(fake.stats.accepted).toBe(total);
    expect(fake.sentMessages()).toHaveLength(total);
    expect(ms).toBeLessThan(20_000);
  });
});
