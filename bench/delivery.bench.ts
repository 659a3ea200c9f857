// Fan-out of 5,000 reminders through the fake Bot API at a configured limit (200/s on both sides, so
// the run takes about half a minute instead of three at Telegram's 30/s): achieved rate / limit (≥ 0.9:
// the pace uses the limit) with no rate-limited 429 (the pace stays under it).
// Run alone: node --import tsx bench/delivery.bench.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createApp, createDelivery } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { enqueueOutbox } from "../src/store/outbox.ts";
import { startFakeTelegram } from "../test/fakes/telegram/fake-telegram.ts";
import { type BenchResult, figure, timed } from "./bench-result.ts";
import { seedPeople } from "./seed.ts";

const MESSAGES = 5_000;
const LIMIT_PER_SECOND = 200;

export async function benchDeliveryFanOut(): Promise<BenchResult> {
  const directory = mkdtempSync(join(tmpdir(), "nhacviec-bench-"));
  const fake = await startFakeTelegram({
    enforceLimits: true,
    perChatBurst: 1,
    globalPerSecond: LIMIT_PER_SECOND,
  });
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(directory, "bench.sqlite")}`,
    LOG_LEVEL: "silent",
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    SEND_RATE_PER_SECOND: String(LIMIT_PER_SECOND),
  });
  const app = await createApp(config, { logger: createLogger("silent"), create: true });
  try {
    const db = app.database.db;
    const accounts = await seedPeople(db, {
      agencies: 1,
      officialsPerAgency: MESSAGES,
      now: app.clock.now(),
    });
    const now = app.clock.now();
    await enqueueOutbox(
      db,
      accounts.map((a) => ({
        key: `bench:${a.personId}`,
        kind: "reminder",
        personId: a.personId,
        accountId: a.accountId,
        channel: "telegram",
        chatId: a.chatId,
        payload: { text: `⏰ Nhắc báo cáo Quý I/2020 — ${a.chatId}` },
        assignmentIds: [],
        periodKey: null,
        notBefore: now,
      })),
      now,
    );
    const delivery = createDelivery(config, { db, clock: app.clock });
    const { result: report, wallMs, cpuMs } = await timed(() => delivery.drain());
    delivery.close();
    const achieved = report.sent / (wallMs / 1000);
    return {
      benchmark: "delivery fan-out",
      figures: [
        figure("ratio to the configured limit", Number((achieved / LIMIT_PER_SECOND).toFixed(3)), "", {
          atLeast: 0.9,
        }),
        figure("rate-limited 429s", fake.stats.rateLimited, "", { atMost: 0 }),
        figure("achieved rate", Number(achieved.toFixed(1)), "messages/s"),
        figure("drain wall time", wallMs, "ms"),
        figure("drain CPU time", cpuMs, "ms"),
      ],
      context: {
        messages: MESSAGES,
        sent: report.sent,
        failed: report.failed,
        configuredPerSecond: LIMIT_PER_SECOND,
        distinctChats: new Set(fake.sentMessages().map((m) => m.chatId)).size,
      },
    };
  } finally {
    await app.close();
    await fake.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

const argv1 = process.argv[1];
if (argv1 !== undefined && import.meta.url === pathToFileURL(argv1).href) {
  console.log(JSON.stringify(await benchDeliveryFanOut(), null, 2));
}
