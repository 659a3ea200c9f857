// End-to-end inbound throughput: status messages through the running bot (fake Bot API → grammY →
// parse → store in SQLite → reply), beside a bare grammY bot that only echoes, in the same run, each
// on its own instance of the same fake. The bot runs twice: on the built-in plan, and on a database at
// a whole country's scale (50,000 assignments, every seeded task led by 500 agencies). All three are
// warmed up first (JIT, prepared statements, connections), then measured in alternating rounds, so
// that a machine busy with other work slows every side alike; each figure is the median of the rounds.
// Run alone: node --import tsx bench/inbound.bench.ts

import { pathToFileURL } from "node:url";
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { StatementStats } from "../src/db/sqlite-dialect.ts";
import { listAgencies } from "../src/store/agencies.ts";
import { tasksLedBy } from "../src/store/assignments.ts";
import { insertChannelAccount, insertPerson } from "../src/store/people.ts";
import { type FakeTelegram, startFakeTelegram } from "../test/fakes/telegram/fake-telegram.ts";
import { startTelegramHarness, type TelegramHarness } from "../test/support/telegram-harness.ts";
import { type BenchResult, figure, peakRssMiB, timed } from "./bench-result.ts";
import { seedPeople, seedPlan } from "./seed.ts";

const WARM_UP = 600;
const ROUNDS = 5;
const PER_ROUND = 400;
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
  /** SQL statements run and prepared per message (the bot's SQLite; zero for the echo bot). */
  statementsPerMessage: number;
  preparedPerMessage: number;
}

/** A bot under measurement: where its messages go, what they say, its statements, how it stops. */
interface Side {
  fake: FakeTelegram;
  samples: Sample[];
  next: number;
  statements: () => StatementStats;
  close(): Promise<void>;
}

const NO_STATEMENTS: StatementStats = { executed: 0, prepared: 0 };

/** Injects the side's next `count` messages, then waits until each got its answer. */
async function pump(side: Side, count: number): Promise<Rate> {
  const { fake, samples } = side;
  const since = fake.checkpoint();
  const date = Math.floor(Date.parse("2020-03-10T02:00:00Z") / 1000);
  let answered = 0;
  const before = side.statements();
  const { wallMs, cpuMs } = await timed(async () => {
    for (let i = 0; i < count; i++) {
      const sample = samples[side.next++ % samples.length] as Sample;
      fake.sendUserMessage({ userId: sample.userId, text: sample.text, date });
    }
    await fake.waitFor(() => ++answered >= count, 120_000, since);
  });
  const after = side.statements();
  return {
    perSecond: (count / wallMs) * 1_000,
    cpuMicrosPerMessage: (cpuMs * 1_000) / count,
    statementsPerMessage: (after.executed - before.executed) / count,
    preparedPerMessage: (after.prepared - before.prepared) / count,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function startBot(prepare: (harness: TelegramHarness) => Promise<Sample[]>): Promise<Side> {
  // The fake enforces no limit and the echo bot paces nothing: the bot's one pace per token (25/s by
  // default, Telegram's ~30/s) is lifted too, so both measure processing, not Telegram's limits.
  const harness = await startTelegramHarness({
    at: "2020-03-10T02:00:00Z",
    fake: { enforceLimits: false },
    env: { SEND_RATE_PER_SECOND: "100000" },
  });
  return {
    fake: harness.fake,
    samples: await prepare(harness),
    next: 0,
    statements: () => harness.app.database.statements?.stats() ?? NO_STATEMENTS,
    close: () => harness.close(),
  };
}

/**
 * One official linked in each of the first USERS agencies of the built-in plan, with their own tasks'
 * updates; every writer's messages in turn, as chats interleave in real life (and as the echo bot's
 * do), not each official's in a row (one chat's messages are read one after another).
 */
async function builtinSamples(harness: TelegramHarness): Promise<Sample[]> {
  const db = harness.app.database.db;
  const now = harness.app.clock.now();
  const byOfficial: Sample[][] = [];
  const agencies = (await listAgencies(db)).filter((agency) => agency.kind !== "other").slice(0, USERS);
  for (const [index, agency] of agencies.entries()) {
    const userId = 10_000 + index;
    const name = `Cán bộ ${index}`;
    const personId = await insertPerson(db, { name, role: "official", agencyId: agency.id }, now);
    const identity = { externalUserId: String(userId), chatId: String(userId), displayName: name };
    await insertChannelAccount(db, personId, { channel: "telegram", ...identity }, now);
    const tasks = (await tasksLedBy(db, agency.id)).filter((task) => task.activeYears.includes(2020));
    byOfficial.push(
      tasks.map((task, n) => ({
        userId,
        text: `${task.code} đang làm ${((n * 7) % 99) + 1}%, vướng kinh phí`,
      })),
    );
  }
  // An official with fewer tasks than another reports on them again.
  const longest = Math.max(...byOfficial.map((messages) => messages.length));
  return Array.from({ length: longest }, (_, n) =>
    byOfficial.flatMap((messages) => messages[n % messages.length] ?? []),
  ).flat();
}

/** SCALE.agencies agencies each leading SCALE.tasks tasks (50,000 assignments); USERS of their officials write. */
async function countrySamples(harness: TelegramHarness): Promise<Sample[]> {
  const db = harness.app.database.db;
  const now = harness.app.clock.now();
  const accounts = await seedPeople(db, { agencies: SCALE.agencies, officialsPerAgency: 1, now });
  const agencyIds = accounts.map((account) => account.agencyId);
  await seedPlan(db, { tasks: SCALE.tasks, year: 2020, agencyIds, now });
  // Every writer's messages in turn, as chats interleave in real life.
  return Array.from({ length: 50 }, (_, n) =>
    accounts.slice(0, USERS).map((account, index) => ({
      userId: Number(account.chatId),
      text: `I.${((index + n) % SCALE.tasks) + 1} đang làm ${((n * 7) % 99) + 1}%, vướng kinh phí`,
    })),
  ).flat();
}

async function startEcho(): Promise<Side> {
  const fake = await startFakeTelegram({ enforceLimits: false });
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  const runner = run(bot);
  const samples = Array.from({ length: USERS }, (_, i) => ({ userId: 10_000 + i, text: `tin ${i}` }));
  return {
    fake,
    samples,
    next: 0,
    statements: () => NO_STATEMENTS,
    async close() {
      await runner.stop();
      await fake.close();
    },
  };
}

export async function benchInbound(): Promise<BenchResult> {
  const all = {
    echo: await startEcho(),
    builtin: await startBot(builtinSamples),
    country: await startBot(countrySamples),
  };
  try {
    for (const side of Object.values(all)) await pump(side, WARM_UP);
    const rounds: Record<keyof typeof all, Rate>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push({
        echo: await pump(all.echo, PER_ROUND),
        builtin: await pump(all.builtin, PER_ROUND),
        country: await pump(all.country, PER_ROUND),
      });
    }
    const rate = (side: keyof typeof all) => Math.round(median(rounds.map((r) => r[side].perSecond)));
    const cpu = (side: keyof typeof all) =>
      Math.round(median(rounds.map((r) => r[side].cpuMicrosPerMessage)));
    const perMessage = (
      side: "builtin" | "country",
      measure: "statementsPerMessage" | "preparedPerMessage",
    ) => Number(median(rounds.map((r) => r[side][measure])).toFixed(2));
    const ratio = (side: "builtin" | "country") =>
      Number(median(rounds.map((r) => r[side].perSecond / r.echo.perSecond)).toFixed(3));
    const atLeastRatio = { atLeast: TARGET_RATIO };
    return {
      benchmark: "inbound status messages",
      figures: [
        figure("ratio to the echo bot, built-in plan", ratio("builtin"), "×", atLeastRatio),
        figure("ratio to the echo bot, 50,000 assignments", ratio("country"), "×", atLeastRatio),
        figure("status messages, built-in plan", rate("builtin"), "messages/s"),
        figure("status messages, 50,000 assignments", rate("country"), "messages/s"),
        figure("bare grammY echo bot", rate("echo"), "messages/s"),
        figure("CPU per status message, built-in plan", cpu("builtin"), "µs"),
        figure("CPU per status message, 50,000 assignments", cpu("country"), "µs"),
        figure("CPU per echoed message", cpu("echo"), "µs"),
        figure(
          "SQL statements per status message",
          perMessage("builtin", "statementsPerMessage"),
          "statements",
        ),
        figure(
          "SQL statements prepared per status message",
          perMessage("builtin", "preparedPerMessage"),
          "statements",
        ),
        figure("peak RSS (whole bench process)", peakRssMiB(), "MiB"),
      ],
      context: {
        warmUp: WARM_UP,
        rounds: `${ROUNDS} × ${PER_ROUND} messages per side, medians`,
        chats: USERS,
        note: "CPU is the whole process's: the fake Bot API runs in it too",
        node: process.version,
      },
    };
  } finally {
    for (const side of Object.values(all)) await side.close();
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchInbound(), null, 2));
}
