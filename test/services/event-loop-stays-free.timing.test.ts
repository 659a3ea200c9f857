// README: never frozen. The real bot (grammY polling the fake Bot API) on a province-sized database,
// officials sending status updates and a coordinator /cham at a steady rate while the planner's first
// tick, then who-is-behind for the whole province, run in the same process: every message is answered
// and the event loop never stalls for more than 250 ms (the bench, `npm run bench -- event-loop`, asks
// ≤ 100 ms at ten times this scale; the margin holds on a loaded two-core machine).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPeople, seedPlan } from "../../bench/seed.ts";
import { plannerDepsOf } from "../../src/app.ts";
import { loadBehind } from "../../src/services/behind-query.ts";
import { planReminders } from "../../src/services/reminder-planner.ts";
import { chatDuring } from "../support/chat-during.ts";
import type { ChatLine } from "../support/steady-chatter.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

const AGENCIES = 200;
const OFFICIALS_PER_AGENCY = 10;
const TASKS = 50;
// D-7 of Q1 2020 at 08:00 in Gia Lai: the first tick plans a reminder for every official.
const AT = "2020-03-13T01:00:00Z";
const MAX_STALL_MS = 250;
const COORDINATOR_USER_ID = 9_000_000;

describe("the event loop stays free while country-scale work runs", () => {
  let harness: TelegramHarness;
  let officialChats: number[];
  let coordinators = 0;
  let sentLines = 0;

  beforeAll(async () => {
    harness = await startTelegramHarness({ at: AT });
    const now = harness.app.clock.now();
    const db = harness.app.database.db;
    const accounts = await seedPeople(db, {
      agencies: AGENCIES,
      officialsPerAgency: OFFICIALS_PER_AGENCY,
      now,
    });
    const agencyIds = [...new Set(accounts.map((a) => a.agencyId))];
    await seedPlan(db, { tasks: TASKS, year: 2020, agencyIds, now });
    officialChats = accounts.map((a) => Number(a.chatId));
    // Warm-up: the first status update and the first /cham of a process load and compile their code.
    await harness.say(officialChats.at(-1) as number, "I.1 đang làm 10%");
    await harness.say(await newCoordinator(), "/cham");
  });

  afterAll(async () => {
    await harness.close();
  });

  /** A coordinator of their own for this /cham (each line's chat has nothing else waiting). */
  async function newCoordinator(): Promise<number> {
    const userId = COORDINATOR_USER_ID + coordinators++;
    await harness.link(userId, null, "coordinator", "Điều phối");
    return userId;
  }

  /** Status updates from officials not heard from yet, and /cham as the second message. */
  function lines(coordinator: number): (index: number) => ChatLine {
    return (index) => {
      if (index === 1) return { userId: coordinator, text: "/cham", kind: "/cham" };
      const userId = officialChats[sentLines++ % officialChats.length] as number;
      return { userId, text: `I.${(sentLines % TASKS) + 1} đang làm 40%`, kind: "status update" };
    };
  }

  async function chatWhile<T>(work: () => Promise<T>) {
    const during = await chatDuring(harness.fake, work, {
      perSecond: 10,
      next: lines(await newCoordinator()),
      date: Math.floor(harness.app.clock.now().getTime() / 1000),
      marginMs: 300,
      answerTimeoutMs: 20_000,
    });
    const figures = JSON.stringify({ waits: during.chat.maxWaitMs, stalls: during.stalls });
    expect(during.chat.unanswered, `unanswered: ${figures}`).toEqual([]);
    expect(Object.keys(during.chat.maxWaitMs).sort(), figures).toEqual(["/cham", "status update"]);
    const stall = Math.max(during.stalls.histogramMaxMs, during.stalls.driftMaxMs);
    expect(stall, `the longest stall: ${figures}`).toBeLessThanOrEqual(MAX_STALL_MS);
    return during.result;
  }

  it("answers everyone, with no stall over 250 ms, while the first tick plans 2,000 reminders", async () => {
    const report = await chatWhile(() => planReminders(plannerDepsOf(harness.app), harness.app.clock.now()));
    expect(report.planned.reminder).toBe(AGENCIES * OFFICIALS_PER_AGENCY);
  });

  it("answers everyone, with no stall over 250 ms, while who-is-behind loads the whole province", async () => {
    const { app } = harness;
    const { report } = await chatWhile(() =>
      loadBehind(app.database.db, {
        at: app.clock.now(),
        zone: app.config.APP_TZ,
        staleAfterDays: app.config.STALE_AFTER_DAYS,
      }),
    );
    // The seeded agencies owe their report; the built-in plan's agencies with no official count too.
    expect(report.notReported.length).toBeGreaterThanOrEqual(AGENCIES);
  });
});
