// End-to-end inbound throughput: status messages through the running bot (fake Bot API → grammY →
// parse → store in SQLite → reply), beside a bare grammY bot that only echoes, in the same run and on
// the same fake. Both sides are warmed up first (JIT, prepared statements, connections). The bot is
// measured twice: on the built-in plan, and on a database at a whole country's scale (50,000
// assignments, every seeded task led by 500 agencies).
// Run alone: node --import tsx bench/inbound.bench.ts

import { pathToFileURL } from "node:url";
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";
import { listAgencies } from "../src/store/agencies.ts";
import { tasksLedBy } from "../src/store/assignments.ts";
import { insertChannelAccount, insertPerson } from "../src/store/people.ts";
import { type FakeTelegram, startFakeTelegram } from "../test/fakes/telegram/fake-telegram.ts";
import { startTelegramHarness, type TelegramHarness } from "../test/support/telegram-harness.ts";
import { type BenchResult, figure, peakRssMiB, timed } from "./bench-result.ts";
import { seedPeople, seedPlan } from "./seed.ts";

const MESSAGES = 2_000;
const WARM_UP = 400;
const USERS = 40;
const TARGET_RATIO = 0.5;
const SCALE = { agencies: 500, tasks: 100 } as const;

interface Sample {
  userId: number;
  text: string;
}

interface Rate {
  perSecond: number;
  cpuMicrosPerMessage: number;
}

/** Injects every message, then waits until each got its answer; messages per second and CPU per message. */
async function pump(fake: FakeTelegram, samples: Sample[]): Promise<Rate> {
  const since = fake.checkpoint();
  const date = Math.floor(Date.parse("2020-03-10T02:00:00Z") / 1000);
  let answered = 0;
  const { wallMs, cpuMs } = await timed(async () => {
    for (const sample of samples) fake.sendUserMessage({ userId: sample.userId, text: sample.text, date });
    await fake.waitFor(() => ++answered >= samples.length, 120_000, since);
  });
  return {
    perSecond: (samples.length / wallMs) * 1_000,
    cpuMicrosPerMessage: (cpuMs * 1_000) / samples.length,
  };
}

/** A warm-up round, then the measured one. */
async function warmAndPump(fake: FakeTelegram, samples: Sample[]): Promise<Rate> {
  const cycle = (count: number) =>
    Array.from({ length: count }, (_, i) => samples[i % samples.length] as Sample);
  await pump(fake, cycle(WARM_UP));
  return pump(fake, cycle(MESSAGES));
}

async function startBot(): Promise<TelegramHarness> {
  // The fake enforces no limit and the echo bot paces nothing: the bot's one pace per token (25/s by
  // default, Telegram's ~30/s) is lifted too, so both measure processing, not Telegram's limits.
  return startTelegramHarness({
    at: "2020-03-10T02:00:00Z",
    fake: { enforceLimits: false },
    env: { SEND_RATE_PER_SECOND: "100000" },
  });
}

/** One official linked in each of the first USERS agencies of the built-in plan, with their own tasks' updates. */
async function builtinSamples(harness: TelegramHarness): Promise<Sample[]> {
  const db = harness.app.database.db;
  const now = harness.app.clock.now();
  const samples: Sample[] = [];
  const agencies = (await listAgencies(db)).filter((agency) => agency.kind !== "other").slice(0, USERS);
  for (const [index, agency] of agencies.entries()) {
    const userId = 10_000 + index;
    const name = `Cán bộ ${index}`;
    const personId = await insertPerson(db, { name, role: "official", agencyId: agency.id }, now);
    const identity = { externalUserId: String(userId), chatId: String(userId), displayName: name };
    await insertChannelAccount(db, personId, { channel: "telegram", ...identity }, now);
    const tasks = (await tasksLedBy(db, agency.id)).filter((task) => task.activeYears.includes(2020));
    for (const [n, task] of tasks.entries()) {
      samples.push({ userId, text: `${task.code} đang làm ${((n * 7) % 99) + 1}%, vướng kinh phí` });
    }
  }
  return samples;
}

/** SCALE.agencies agencies each leading SCALE.tasks tasks (50,000 assignments); USERS of their officials write. */
async function countrySamples(harness: TelegramHarness): Promise<Sample[]> {
  const db = harness.app.database.db;
  const now = harness.app.clock.now();
  const accounts = await seedPeople(db, { agencies: SCALE.agencies, officialsPerAgency: 1, now });
  const agencyIds = accounts.map((account) => account.agencyId);
  await seedPlan(db, { tasks: SCALE.tasks, year: 2020, agencyIds, now });
  return accounts.slice(0, USERS).flatMap((account, index) =>
    Array.from({ length: 50 }, (_, n) => ({
      userId: Number(account.chatId),
      text: `I.${((index + n) % SCALE.tasks) + 1} đang làm ${((n * 7) % 99) + 1}%, vướng kinh phí`,
    })),
  );
}

async function nhacViecRate(
  prepare: (harness: TelegramHarness) => Promise<Sample[]>,
): Promise<Rate & { stored: number; assignments: number }> {
  const harness = await startBot();
  try {
    const db = harness.app.database.db;
    const samples = await prepare(harness);
    const rate = await warmAndPump(harness.fake, samples);
    const count = async (table: "status_updates" | "assignments") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { ...rate, stored: await count("status_updates"), assignments: await count("assignments") };
  } finally {
    await harness.close();
  }
}

async function echoRate(): Promise<Rate> {
  const fake = await startFakeTelegram({ enforceLimits: false });
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  const runner = run(bot);
  try {
    const samples = Array.from({ length: USERS }, (_, i) => ({ userId: 10_000 + i, text: `tin ${i}` }));
    return await warmAndPump(fake, samples);
  } finally {
    await runner.stop();
    await fake.close();
  }
}

export async function benchInbound(): Promise<BenchResult> {
  const echo = await echoRate();
  const builtin = await nhacViecRate(builtinSamples);
  const country = await nhacViecRate(countrySamples);
  const ratio = (rate: Rate) => Number((rate.perSecond / echo.perSecond).toFixed(3));
  const atLeastRatio = { atLeast: TARGET_RATIO };
  return {
    benchmark: "inbound status messages",
    figures: [
      figure("ratio to the echo bot, built-in plan", ratio(builtin), "×", atLeastRatio),
      figure("ratio to the echo bot, 50,000 assignments", ratio(country), "×", atLeastRatio),
      figure("status messages, built-in plan", Math.round(builtin.perSecond), "messages/s"),
      figure("status messages, 50,000 assignments", Math.round(country.perSecond), "messages/s"),
      figure("bare grammY echo bot", Math.round(echo.perSecond), "messages/s"),
      figure("CPU per status message, built-in plan", Math.round(builtin.cpuMicrosPerMessage), "µs"),
      figure("CPU per status message, 50,000 assignments", Math.round(country.cpuMicrosPerMessage), "µs"),
      figure("CPU per echoed message", Math.round(echo.cpuMicrosPerMessage), "µs"),
      figure("peak RSS (whole bench process)", peakRssMiB(), "MiB"),
    ],
    context: {
      messages: MESSAGES,
      warmUp: WARM_UP,
      chats: USERS,
      assignmentsBuiltin: builtin.assignments,
      assignmentsCountry: country.assignments,
      updatesStored: builtin.stored + country.stored,
      note: "CPU is the whole process's: the fake Bot API runs in it too",
      node: process.version,
    },
  };
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchInbound(), null, 2));
}
