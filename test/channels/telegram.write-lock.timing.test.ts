// Another process holding SQLite's write lock for seconds (a CLI import, a second instance) does
// not freeze the bot: other chats are answered at once, and the writer is confirmed late, or, past
// the wait, told that nothing was recorded and to send again.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

let harness: TelegramHarness;
let holder: ChildProcess | undefined;

beforeEach(async () => {
  harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
});
afterEach(async () => {
  holder?.kill("SIGKILL");
  await harness.close();
});

const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

/** A separate process takes the write lock, holds it `ms`, then commits; resolves once it holds it. */
function holdWriteLock(path: string, ms: number): Promise<void> {
  const script = `const D = require(${JSON.stringify(betterSqlite)}); const db = new D(${JSON.stringify(path)});
db.exec("BEGIN IMMEDIATE"); console.log("locked"); setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${ms});`;
  holder = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const child = holder;
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`lock holder exited (${code})`)));
  });
}

/** The longest stall of the event loop while it runs. */
function loopStalls(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return longest;
    },
  };
}

async function link(userId: number, agency: string): Promise<void> {
  expect(await harness.link(userId, agency, "official")).toContain("Liên kết thành công");
}

async function storedCount(): Promise<number> {
  const row = await harness.app.database.db
    .selectFrom("status_updates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Another process holds the write lock for `holdMs` while one official reports and another asks for
 * help: the second is answered at once (under 1 s); the writer's answer is returned to wait for.
 */
async function writeWhileLocked(holdMs: number) {
  await link(7001, "so-tttt");
  await link(7002, "so-y-te");
  await holdWriteLock(harness.app.databasePath, holdMs);
  const stalls = loopStalls();
  const started = performance.now();
  const writer = harness.exchange(7001, () =>
    harness.fake.sendUserMessage({ userId: 7001, text: "II.9 xong", firstName: "A" }),
  );
  expect(await harness.say(7002, "/trogiup")).toBeTruthy();
  expect(performance.now() - started).toBeLessThan(1000);
  return { writer, stalls, started };
}

describe("a write lock held by another process", () => {
  it("others are answered at once; the writer is confirmed once the lock is free", async () => {
    const { writer, stalls } = await writeWhileLocked(1500);
    const confirmation = await writer;
    expect(confirmation.text).toContain("Đã ghi nhận II.9");
    const longest = stalls.stop();
    expect(longest).toBeLessThan(500);
    expect(await storedCount()).toBe(1);
  }, 30_000);

  it("a lock held past the wait: the writer is told nothing was recorded and to send again", async () => {
    const { writer, stalls, started } = await writeWhileLocked(7000);
    const answer = await writer;
    expect(answer.text).toContain("chưa được ghi nhận");
    expect(answer.text).toContain("gửi lại");
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThan(3000);
    expect(waited).toBeLessThan(6500);
    const longest = stalls.stop();
    expect(longest).toBeLessThan(500);
    expect(await storedCount()).toBe(0);
  }, 30_000);
});
