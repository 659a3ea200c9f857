// End-to-end inbound throughput: status messages through the running bot (fake Bot API → grammY →
// parse → store in SQLite → reply), beside a bare grammY bot that only echoes, in the same run.
// Run alone: node --import tsx bench/inbound.bench.ts

import { pathToFileURL } from "node:url";
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";
import { listAgencies } from "../src/store/agencies.ts";
import { tasksLedBy } from "../src/store/assignments.ts";
import { insertChannelAccount, insertPerson } from "../src/store/people.ts";
import { type FakeTelegram, startFakeTelegram } from "../test/fakes/telegram/fake-telegram.ts";
import { startTelegramHarness } from "../test/support/telegram-harness.ts";

const MESSAGES = 2_000;
const USERS = 40;

interface Sample {
  userId: number;
  text: string;
}

/** Injects every message, then waits until each chat got its answer; returns messages per second. */
async function pump(fake: FakeTelegram, samples: Sample[]): Promise<number> {
  const since = fake.checkpoint();
  const started = performance.now();
  const date = Math.floor(Date.parse("2020-03-10T02:00:00Z") / 1000);
  for (const sample of samples) fake.sendUserMessage({ userId: sample.userId, text: sample.text, date });
  await fake.waitForCall(
    () => fake.sentMessages().filter((m) => m.seq >= since).length >= samples.length,
    120_000,
    since,
  );
  return (samples.length / (performance.now() - started)) * 1_000;
}

async function nhacViecRate(): Promise<{ rate: number; stored: number }> {
  // The fake enforces no limit and the echo bot paces nothing: the bot's one pace per token (25/s by
  // default, Telegram's ~30/s) is lifted too, so both measure processing, not Telegram's limits.
  const harness = await startTelegramHarness({
    at: "2020-03-10T02:00:00Z",
    fake: { enforceLimits: false },
    env: { SEND_RATE_PER_SECOND: "100000" },
  });
  const { app, fake } = harness;
  const db = app.database.db;
  const samples: Sample[] = [];
  const agencies = (await listAgencies(db)).filter((agency) => agency.kind !== "other").slice(0, USERS);
  const now = app.clock.now();
  for (const [index, agency] of agencies.entries()) {
    const userId = 10_000 + index;
    const personId = await insertPerson(
      db,
      { name: `Cán bộ ${index}`, role: "official", agencyId: agency.id },
      now,
    );
    await insertChannelAccount(
      db,
      personId,
      {
        channel: "telegram",
        externalUserId: String(userId),
        chatId: String(userId),
        displayName: `Cán bộ ${index}`,
      },
      now,
    );
    const tasks = (await tasksLedBy(db, agency.id)).filter((task) => task.activeYears.includes(2020));
    for (const [n, task] of tasks.entries()) {
      samples.push({ userId, text: `${task.code} đang làm ${((n * 7) % 99) + 1}%, vướng kinh phí` });
    }
  }
  const messages = Array.from({ length: MESSAGES }, (_, i) => samples[i % samples.length] as Sample);
  const rate = await pump(fake, messages);
  const stored = (await db.selectFrom("status_updates").select("id").execute()).length;
  await harness.close();
  return { rate, stored };
}

async function echoRate(): Promise<number> {
  const fake = await startFakeTelegram({ enforceLimits: false });
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  const runner = run(bot);
  const messages = Array.from({ length: MESSAGES }, (_, i) => ({
    userId: 10_000 + (i % USERS),
    text: `tin ${i}`,
  }));
  const rate = await pump(fake, messages);
  await runner.stop();
  await fake.close();
  return rate;
}

export async function benchInbound(): Promise<Record<string, number | string>> {
  const echo = await echoRate();
  const nhacviec = await nhacViecRate();
  return {
    benchmark: "inbound-status-messages",
    messages: MESSAGES,
    chats: USERS,
    nhacviecMessagesPerSecond: Math.round(nhacviec.rate),
    echoBotMessagesPerSecond: Math.round(echo),
    ratio: Number((nhacviec.rate / echo).toFixed(3)),
    updatesStored: nhacviec.stored,
    node: process.version,
  };
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchInbound(), null, 2));
}
