// SIGTERM while officials are sending: every update Telegram was told we have (the offset of a
// getUpdates) is stored, and whatever was unfinished is sent again by Telegram and stored at the next
// start, exactly once.
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { exited, runCli, startBotProcess } from "../support/run-cli.ts";
import { tempDirectory } from "../support/test-app.ts";

const OFFICIALS = 20;
const UPDATES_EACH = 5;

let fake: FakeTelegram | undefined;
let bot: ChildProcess | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  bot = undefined;
  await fake?.close();
});

function startBot(env: Record<string, string>): ChildProcess {
  return startBotProcess(env);
}

/** The message keys of the stored status updates (one per update message). */
function storedKeys(databasePath: string): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db
      .prepare("select message_key from status_updates order by id")
      .all()
      .map((row) => (row as { message_key: string }).message_key);
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const keyOf = (update: Update) => `telegram:${update.message?.chat.id}:${update.message?.message_id}`;

/** The highest offset the bot sent: Telegram forgets every update below it. */
function confirmedOffset(telegram: FakeTelegram): number {
  return Math.max(0, ...telegram.callsOf("getUpdates").map((call) => Number(call.params.offset ?? 0)));
}

async function setUp(extraEnv: Record<string, string>) {
  fake = await startFakeTelegram();
  const telegram = fake;
  const databasePath = join(tempDirectory("nhacviec-sigterm-"), "db.sqlite");
  const env = {
    DATABASE_URL: `sqlite:${databasePath}`,
    LOG_LEVEL: "silent",
    BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    ...extraEnv,
  };
  expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
  const invites = JSON.parse(
    (
      await runCli(
        ["invite", "--agency", "so-tttt", "--role", "official", "--count", String(OFFICIALS), "--json"],
        env,
      )
    ).stdout,
  ) as { code: string }[];
  expect(invites).toHaveLength(OFFICIALS);
  bot = startBot(env);
  await telegram.waitForCall((call) => call.method === "setMyCommands", 30_000);
  const users = invites.map((_, index) => 7001 + index);
  const since = telegram.checkpoint();
  for (const [index, userId] of users.entries()) {
    telegram.sendUserMessage({
      userId,
      text: `/start ${invites[index]?.code}`,
      firstName: `Cán bộ ${index}`,
    });
  }
  await Promise.all(users.map((userId) => telegram.waitForMessage(userId, undefined, 30_000, since)));
  return { telegram, env, databasePath, users };
}

/** Every official sends their updates at once; SIGTERM follows `signalWhen`; the bot must exit 0. */
async function updatesThenSigterm(
  telegram: FakeTelegram,
  users: number[],
  signalWhen: () => Promise<unknown>,
): Promise<Update[]> {
  const sent: Update[] = [];
  for (let round = 1; round <= UPDATES_EACH; round++) {
    for (const userId of users) {
      sent.push(telegram.sendUserMessage({ userId, text: `II.9 đang làm ${round * 10 + (userId % 10)}%` }));
    }
  }
  await signalWhen();
  const child = bot as ChildProcess;
  const exit = exited(child);
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
  bot = undefined;
  return sent;
}

/** Restarts the bot and waits until Telegram has nothing left to send it and every update is stored. */
async function restartAndSettle(telegram: FakeTelegram, env: Record<string, string>, databasePath: string) {
  const starts = telegram.callsOf("setMyCommands").length;
  bot = startBot(env);
  const deadline = Date.now() + 60_000;
  // Running (its signal handler in place) once it has set its commands.
  while (telegram.callsOf("setMyCommands").length === starts) await sleep(50);
  while (storedKeys(databasePath).length < OFFICIALS * UPDATES_EACH || telegram.pendingUpdateCount > 0) {
    if (Date.now() > deadline) throw new Error("updates were not all stored after the restart");
    await sleep(100);
  }
  const child = bot;
  const exit = exited(child);
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
  bot = undefined;
}

describe("SIGTERM while officials send updates", () => {
  it("finishes every update in hand before the database closes: all stored, all confirmed", async () => {
    const { telegram, databasePath, users } = await setUp({});
    const sent = await updatesThenSigterm(telegram, users, () => sleep(300));

    const stored = storedKeys(databasePath);
    const confirmed = confirmedOffset(telegram);
    // Nothing confirmed to Telegram is missing from the database.
    const lost = sent.filter((update) => update.update_id < confirmed && !stored.includes(keyOf(update)));
    expect(lost).toEqual([]);
    // Within the default timeout every update in hand was finished.
    expect(telegram.pendingUpdateCount).toBe(0);
    expect(new Set(stored).size).toBe(OFFICIALS * UPDATES_EACH);
    expect(stored).toHaveLength(OFFICIALS * UPDATES_EACH);
  }, 120_000);

  it("with a 1 ms SHUTDOWN_TIMEOUT_MS loses nothing confirmed; the next start stores every update once", async () => {
    const { telegram, env, databasePath, users } = await setUp({ SHUTDOWN_TIMEOUT_MS: "1" });
    // Slow replies are still in flight when the 1 ms shutdown timeout runs out.
    telegram.setLatency(400);
    const sent = await updatesThenSigterm(telegram, users, async () => {
      while (storedKeys(databasePath).length === 0) await sleep(5);
    });
    telegram.setLatency(0);

    const stored = storedKeys(databasePath);
    const confirmed = confirmedOffset(telegram);
    const lost = sent.filter((update) => update.update_id < confirmed && !stored.includes(keyOf(update)));
    expect(lost).toEqual([]);

    await restartAndSettle(telegram, env, databasePath);
    const after = storedKeys(databasePath);
    expect(after).toHaveLength(OFFICIALS * UPDATES_EACH);
    expect(new Set(after)).toEqual(new Set(sent.map(keyOf)));
  }, 180_000);
});
