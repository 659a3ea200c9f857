// Never frozen (issue 12): the bot running against the fake Bot API on a country's database (1,000
// agencies × 20 officials × 100 tasks), officials sending status updates at a steady rate and one
// coordinator's /cham per phase, while heavy work runs in the same process: the planner's first
// tick, who is behind for the whole country, the quarter's report and its XLSX. Per phase: the
// longest wait for an answer and the longest event-loop stall, each beside the target ≤ 100 ms. A
// first phase, "chat alone", shows what the messages cost with no other work. One /cham per phase,
// not a steady stream: while it takes seconds of its own (before the who-is-behind work of issue
// 12), a stream of them would freeze the bot by itself and every phase would measure only that.
// Run alone: node --import tsx bench/event-loop.bench.ts
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { plannerDepsOf } from "../src/app.ts";
import { renderReport } from "../src/reports/report-file.ts";
import { loadBehindReport } from "../src/services/behind-query.ts";
import { loadQuarterReport } from "../src/services/quarter-report.ts";
import { planReminders } from "../src/services/reminder-planner.ts";
import { insertChannelAccount, insertPerson } from "../src/store/people.ts";
import { chatDuring } from "../test/support/chat-during.ts";
import type { ChatLine } from "../test/support/steady-chatter.ts";
import { startTelegramHarness, type TelegramHarness } from "../test/support/telegram-harness.ts";
import { type BenchResult, type Figure, figure, timed } from "./bench-result.ts";
import { type SeededAccount, seedPeople, seedPlan } from "./seed.ts";

const AGENCIES = 1_000;
const OFFICIALS_PER_AGENCY = 20;
const TASKS = 100;
// D-7 of Q1 2020 at 08:00 in Gia Lai: the first tick plans a reminder round for every agency.
const AT = "2020-03-13T01:00:00Z";
// A message every 200 ms: a stall longer than the target is seen by some message's wait.
const MESSAGES_PER_SECOND = 5;
// The phase's message that is a coordinator's /cham: the 2nd, sent just before the work starts.
const CHAM_AT = 1;
const COORDINATORS = 10;
const COORDINATOR_USER_ID = 9_000_000;
const MARGIN_MS = 500;
const ALONE_MS = 3_000;
// Long enough for a backlog behind a stall of a minute to be answered; later counts as never.
const ANSWER_TIMEOUT_MS = 120_000;
const TARGET = { atMost: 100 };

/** Officials' status updates and one /cham a phase; every line from a chat of its own. */
function chatLines(officials: SeededAccount[]): (index: number) => ChatLine {
  let line = 0;
  let official = 0;
  let coordinator = 0;
  return (index) => {
    line++;
    if (index === CHAM_AT) {
      const userId = COORDINATOR_USER_ID + (coordinator++ % COORDINATORS);
      return { userId, text: "/cham", kind: "/cham" };
    }
    const account = officials[official++ % officials.length] as SeededAccount;
    const text = `I.${(line % TASKS) + 1} đang làm ${(line % 99) + 1}%`;
    return { userId: Number(account.chatId), text, kind: "status update" };
  };
}

async function linkCoordinators(harness: TelegramHarness): Promise<void> {
  const { db } = harness.app.database;
  const now = harness.app.clock.now();
  // One more than the phases use: the warm-up's.
  for (let i = 0; i <= COORDINATORS; i++) {
    const userId = String(COORDINATOR_USER_ID + i);
    const personId = await insertPerson(
      db,
      { name: `Điều phối ${i}`, role: "coordinator", agencyId: null },
      now,
    );
    await insertChannelAccount(
      db,
      personId,
      { channel: "telegram", externalUserId: userId, chatId: userId, displayName: `Điều phối ${i}` },
      now,
    );
  }
}

export async function benchEventLoop(): Promise<BenchResult> {
  // The product's own send pace and Telegram's limits on the fake: answers go out as they would.
  const harness = await startTelegramHarness({ at: AT });
  try {
    const { app, fake } = harness;
    const db = app.database.db;
    const now = app.clock.now();
    const seeding = await timed(async () => {
      const accounts = await seedPeople(db, {
        agencies: AGENCIES,
        officialsPerAgency: OFFICIALS_PER_AGENCY,
        now,
      });
      const agencyIds = [...new Set(accounts.map((a) => a.agencyId))];
      await seedPlan(db, { tasks: TASKS, year: 2020, agencyIds, now });
      await linkCoordinators(harness);
      return accounts;
    });
    process.stderr.write(`  seeded ${seeding.result.length} officials in ${seeding.wallMs} ms\n`);
    // Warm-up: the first status update and the first /cham of a process load and compile their code;
    // that /cham counts every agency, and the phases' find the counts kept since (behind-tallies.ts).
    const date = Math.floor(now.getTime() / 1000);
    const warmUpMs: number[] = [];
    for (const [userId, text] of [
      [Number(seeding.result.at(-1)?.chatId), "I.1 đang làm 10%"],
      [COORDINATOR_USER_ID + COORDINATORS, "/cham"],
    ] as const) {
      const since = fake.checkpoint();
      const sent = performance.now();
      fake.sendUserMessage({ userId, text, date });
      await fake.waitForMessage(userId, undefined, ANSWER_TIMEOUT_MS, since);
      warmUpMs.push(Math.round(performance.now() - sent));
    }
    const next = chatLines(seeding.result);
    const zone = app.config.APP_TZ;
    const figures: Figure[] = [];
    const context: Record<string, number | string> = {
      agencies: AGENCIES,
      officials: seeding.result.length,
      tasks: TASKS,
      messagesPerSecond: MESSAGES_PER_SECOND,
      seedSeconds: Number((seeding.wallMs / 1000).toFixed(1)),
      "warm-up status update: wait ms": warmUpMs[0] ?? 0,
      "warm-up /cham (its code compiled, every agency counted): wait ms": warmUpMs[1] ?? 0,
    };

    const phase = async (name: string, work: () => Promise<unknown>) => {
      const {
        result: timing,
        chat,
        stalls,
      } = await chatDuring(fake, () => timed(work), {
        perSecond: MESSAGES_PER_SECOND,
        next,
        date,
        marginMs: MARGIN_MS,
        answerTimeoutMs: ANSWER_TIMEOUT_MS,
      });
      for (const [kind, waitMs] of Object.entries(chat.maxWaitMs)) {
        figures.push(figure(`${name}: longest wait for an answer (${kind})`, waitMs, "ms", TARGET));
      }
      figures.push(
        figure(`${name}: longest loop stall (delay histogram)`, stalls.histogramMaxMs, "ms", TARGET),
        figure(`${name}: longest loop stall (timer drift)`, stalls.driftMaxMs, "ms", TARGET),
        figure(`${name}: messages not answered within 2 min`, chat.unanswered.length, "", { atMost: 0 }),
      );
      context[`${name}: work wall ms`] = timing.wallMs;
      context[`${name}: process CPU ms meanwhile`] = timing.cpuMs;
      context[`${name}: messages`] = chat.sent;
      process.stderr.write(
        `  ${name}: ${JSON.stringify({ workMs: timing.wallMs, sent: chat.sent, waits: chat.maxWaitMs, stalls })}\n`,
      );
    };

    await phase("chat alone", () => sleep(ALONE_MS));
    await phase("first tick", () => planReminders(plannerDepsOf(app), app.clock.now()));
    // The whole country's report, as `behind --json` loads it.
    await phase("who is behind", () =>
      loadBehindReport(db, { at: app.clock.now(), zone, staleAfterDays: app.config.STALE_AFTER_DAYS }),
    );
    await phase("report + XLSX", async () => {
      const { report, period } = await loadQuarterReport(db, {
        quarter: "2020-Q1",
        now: app.clock.now(),
        zone,
      });
      const heading = { period, unit: app.config.REPORT_ISSUER, madeAt: app.clock.now() };
      return renderReport(report, "xlsx", app.translator, zone, heading);
    });
    return { benchmark: "never frozen (event loop)", figures, context };
  } finally {
    await harness.close();
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchEventLoop(), null, 2));
}
