// README: what can go wrong: a `kill -9` in the middle of a fan-out, then a restart, loses no reminder, and repeats at
// most the sends that were in flight at the kill.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, STRICT_LIMITS, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { linkOfficial, outboxRows } from "../support/planner-fixtures.ts";
import { runCli } from "../support/run-cli.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const binary = fileURLToPath(new URL("../../bin/nhacviec.mjs", import.meta.url));
const OFFICIALS = 60;
const AT = "2020-03-13T08:00:00+07:00";

let app: TestApp | undefined;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  await app?.dispose();
});

describe("delivery: crash in the middle of a fan-out", () => {
  it("kill -9 mid fan-out, restart: every reminder delivered, duplicates only from sends in flight", async () => {
    app = await createTestApp();
    fake = await startFakeTelegram({ ...STRICT_LIMITS, latencyMs: 300 });
    for (let i = 0; i < OFFICIALS; i++) await linkOfficial(app, "so-tttt", String(7000 + i));
    const env = {
      DATABASE_URL: `sqlite:${app.databasePath}`,
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: "silent",
      SEND_RATE_PER_SECOND: "10",
      DELIVERY_LEASE_SECONDS: "1",
      // The killed process's send lease, like its rows' claims, is taken over after the test's short lease.
      SEND_LEASE_SECONDS: "1",
    };
    const child = spawn(process.execPath, [binary, "tick", "--at", AT], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // Let a third of the fan-out go through, then kill the process without warning.
    await fake.waitForCall((call) => call.method === "sendMessage", 60_000, 0);
    while (fake.callsOf("sendMessage").length < OFFICIALS / 3) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    const received = fake.callsOf("sendMessage").length;
    const recorded = (await outboxRows(app.database.db)).filter((r) => r.status === "sent").length;
    // Sent (or on its way) to Telegram but not recorded as sent: the only ones that can repeat.
    const inFlight = received - recorded;
    expect(received).toBeLessThan(OFFICIALS);
    expect(inFlight).toBeGreaterThanOrEqual(0);

    await new Promise((r) => setTimeout(r, 1_200)); // the dead drain's claims go stale
    const restart = await runCli(["tick", "--at", AT, "--json"], env);
    expect(restart.code).toBe(0);
    const report = JSON.parse(restart.stdout) as { plan: { planned: { reminder: number } }; pending: number };
    expect(report.plan.planned.reminder).toBe(0); // planned once, before the crash
    expect(report.pending).toBe(0);

    const rows = await outboxRows(app.database.db);
    expect(rows).toHaveLength(OFFICIALS);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const perChat = new Map<number, number>();
    for (const sent of fake.sentMessages()) perChat.set(sent.chatId, (perChat.get(sent.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(OFFICIALS);
    const duplicates = fake.sentMessages().length - OFFICIALS;
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    expect(fake.stats.rateLimited).toBe(0);
  }, 120_000);
});
