import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import { runCli } from "../support/run-cli.ts";
import { closedPort, type SilentServer, startSilentServer } from "../support/silent-server.ts";
import { stderrParts } from "../support/stderr-lines.ts";
import { tempDirectory } from "../support/test-app.ts";

// Shaped like @BotFather's tokens; the fake below accepts only the first.
const TOKEN = "7001234567:AAF-right_token_for_the_fake_0123456";
const OTHER_TOKEN = "7001234567:AAG-someone_elses_token_abcdefghij";

let fake: FakeTelegram | undefined;
let silent: SilentServer | undefined;

afterEach(async () => {
  await fake?.close();
  await silent?.close();
  fake = undefined;
  silent = undefined;
});

function env(extra: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: `sqlite:${join(tempDirectory("nhacviec-getme-"), "db.sqlite")}`,
    LOG_LEVEL: "silent",
    // Tiny timings: three attempts of 150 ms, pauses of 10 then 20 ms.
    TELEGRAM_START_ATTEMPTS: "3",
    TELEGRAM_START_TIMEOUT_MS: "150",
    TELEGRAM_START_RETRY_MS: "10",
    ...extra,
  };
}

describe("npm start with a bad token or no Bot API", () => {
  it("stops a malformed BOT_TOKEN in the configuration with one line, exit 2, without repeating it", async () => {
    const token = "AAF-right_token_for_the_fake_0123456";
    const result = await runCli(["start"], env({ BOT_TOKEN: token }));
    expect(result.code).toBe(2);
    expect(stderrParts(result.stderr).lines).toEqual([
      "nhacviec: Cấu hình sai — BOT_TOKEN: không giống mã bot do @BotFather cấp (dạng <số>:<khoảng 35 chữ, số, - hoặc _>); hãy chép lại mã từ @BotFather",
    ]);
    expect(result.stderr).not.toContain(token);
  });

  it("says once that Telegram refused the token (401), exit 1, without retrying", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    const result = await runCli(
      ["start"],
      env({ BOT_TOKEN: OTHER_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "warn" }),
    );
    expect(result.code).toBe(1);
    const { lines, logs } = stderrParts(result.stderr);
    expect(lines).toEqual([
      "nhacviec: Telegram từ chối mã bot (BOT_TOKEN sai hoặc đã bị thu hồi): hãy lấy lại mã từ @BotFather và đặt vào BOT_TOKEN.",
    ]);
    expect(logs).toEqual([]);
    expect(fake.stats.requests).toBe(1);
    expect(result.stderr).not.toContain(OTHER_TOKEN);
  });

  it("treats a 404 from getMe as a refused token too, in English when LOCALE=en", async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    fake.failNext("getMe", { kind: "http", status: 404, description: "Not Found" });
    const result = await runCli(
      ["start"],
      env({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOCALE: "en" }),
    );
    expect(result.code).toBe(1);
    expect(stderrParts(result.stderr).lines).toEqual([
      "nhacviec: The token was refused by Telegram (BOT_TOKEN wrong or revoked): get it again from @BotFather and set BOT_TOKEN.",
    ]);
    expect(fake.callsOf("getMe")).toHaveLength(1);
  });

  it("retries an API that refuses connections, logs each attempt, then stops with one line", async () => {
    const apiRoot = `http://127.0.0.1:${await closedPort()}`;
    const result = await runCli(
      ["start"],
      env({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: "warn" }),
    );
    expect(result.code).toBe(1);
    const { lines, logs } = stderrParts(result.stderr);
    expect(lines).toEqual([
      `nhacviec: Không kết nối được Telegram Bot API tại ${apiRoot} sau 3 lần thử (ECONNREFUSED): hãy kiểm tra mạng, tường lửa hoặc proxy, và TELEGRAM_API_ROOT.`,
    ]);
    expect(logs.map((log) => [log.level, log.msg])).toEqual(
      [1, 2, 3].map((attempt) => [
        40,
        `Hỏi Telegram thông tin bot (getMe) lần ${attempt}/3 không thành công: ECONNREFUSED`,
      ]),
    );
    expect(result.stderr).not.toContain(TOKEN);
  });

  it("gives up on an API that never answers after the per-attempt timeout, instead of waiting forever", async () => {
    silent = await startSilentServer();
    const apiRoot = `http://127.0.0.1:${silent.port}`;
    const started = Date.now();
    const result = await runCli(
      ["start"],
      env({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: "warn" }),
    );
    const elapsed = Date.now() - started;
    expect(result.code).toBe(1);
    const { lines, logs } = stderrParts(result.stderr);
    expect(lines).toEqual([
      `nhacviec: Không kết nối được Telegram Bot API tại ${apiRoot} sau 3 lần thử (không có trả lời sau 0,15 giây): hãy kiểm tra mạng, tường lửa hoặc proxy, và TELEGRAM_API_ROOT.`,
    ]);
    expect(logs).toHaveLength(3);
    expect(silent.connections()).toBe(3);
    // 3 × 150 ms plus 10 + 20 ms of pauses; far below grammY's own 500 s timeout.
    expect(elapsed).toBeGreaterThanOrEqual(440);
    expect(elapsed).toBeLessThan(10_000);
  });
});
