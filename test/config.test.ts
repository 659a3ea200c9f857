import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, loadConfig } from "../src/config.ts";
import { createTranslator } from "../src/i18n/translator.ts";

describe("configuration", () => {
  it("has the defaults of README: the CLI when nothing is set", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe("sqlite:./data/nhacviec.sqlite");
    expect(config.TELEGRAM_API_ROOT).toBe("https://api.telegram.org");
    expect(config.ZALO_API_ROOT).toBe("https://bot-api.zaloplatforms.com");
    expect(config.PORT).toBe(8080);
    expect(config.APP_TZ).toBe("Asia/Ho_Chi_Minh");
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.REMINDER_OFFSETS_DAYS).toEqual([7, 3, 1]);
    expect(config.REMINDER_TIME).toEqual({ hour: 8, minute: 0 });
    expect(config.QUIET_HOURS).toEqual({ startHour: 20, endHour: 7 });
  });

  it("treats an empty value like an unset one", () => {
    expect(loadConfig({ BOT_TOKEN: "", WEBHOOK_SECRET: " " }).BOT_TOKEN).toBeUndefined();
  });

  const english = createTranslator("en");
  const vietnamese = createTranslator("vi");

  function problemOf(env: Record<string, string>): ConfigError {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error("the configuration was accepted");
  }

  it.each([
    ["DATABASE_URL", "mysql://x", /^Bad configuration — DATABASE_URL: expected sqlite:<path> or postgres/],
    ["DATABASE_URL", "sqlite:", /^Bad configuration — DATABASE_URL: sqlite: needs a file path/],
    ["PORT", "eighty", /^Bad configuration — PORT: expected a positive whole number \(got "eighty"\)$/],
    ["PORT", "70000", /^Bad configuration — PORT: expected a port number/],
    ["APP_TZ", "Mars/Olympus", /^Bad configuration — APP_TZ: unknown IANA time zone/],
    ["LOG_LEVEL", "loud", /^Bad configuration — LOG_LEVEL: expected one of fatal, /],
    ["LOCALE", "fr", /^Bad configuration — LOCALE: expected vi or en \(got "fr"\)$/],
    ["TELEGRAM_API_ROOT", "not a url", /^Bad configuration — TELEGRAM_API_ROOT: expected an http\(s\) URL/],
    ["REMINDER_OFFSETS_DAYS", "7;3", /^Bad configuration — REMINDER_OFFSETS_DAYS: expected comma-separated/],
    ["REMINDER_TIME", "8h", /^Bad configuration — REMINDER_TIME: expected HH:MM/],
    ["QUIET_HOURS", "night", /^Bad configuration — QUIET_HOURS: expected START-END hours/],
    ["WEEKLY_SUMMARY", "sometimes", /^Bad configuration — WEEKLY_SUMMARY: expected "off" or a weekday/],
  ])("stops on a bad %s with one line naming the key", (key, value, message) => {
    const error = problemOf({ [key]: value });
    expect(error.key).toBe(key);
    expect(error.describe(english)).toMatch(message);
    expect(error.describe(vietnamese)).toMatch(new RegExp(`^Cấu hình sai — ${key}: `));
  });

  it.each([
    ["1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", true],
    ["123456789:TEST-nhacviec-fake-token-0123456789", true],
    ["bot1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", false],
    ["1234567890:AAHdqTcv", false],
    ["AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", false],
    ["1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw extra", false],
  ])("checks the shape of BOT_TOKEN %s (accepted: %s) and never repeats it", (token, accepted) => {
    if (accepted) {
      expect(loadConfig({ BOT_TOKEN: token }).BOT_TOKEN).toBe(token);
      return;
    }
    const error = problemOf({ BOT_TOKEN: token });
    expect(error.key).toBe("BOT_TOKEN");
    expect(error.describe(vietnamese)).toMatch(
      /^Cấu hình sai — BOT_TOKEN: không giống mã bot do @BotFather cấp/,
    );
    for (const text of [error.describe(vietnamese), error.describe(english), error.message]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain("AAHdqTcv");
    }
  });

  it("masks the password of a bad DATABASE_URL", () => {
    const error = problemOf({ DATABASE_URL: "mysql://admin:s3cret@db.local/nv" });
    expect(error.describe(english)).toContain('(got "mysql://admin:***@db.local/nv")');
    expect(error.describe(english)).not.toContain("s3cret");
  });

  it("needs a secret for webhooks", () => {
    const error = problemOf({ WEBHOOK_URL: "https://bot.example.vn/hook" });
    expect(error.describe(english)).toBe(
      "Bad configuration — WEBHOOK_SECRET: required when WEBHOOK_URL is set",
    );
  });

  it("wants webhooks and file links on https, a usable secret and links of at most 24 hours", () => {
    const secret = { WEBHOOK_SECRET: "0123456789abcdef" };
    expect(problemOf({ WEBHOOK_URL: "http://bot.example.vn/hook", ...secret }).describe(english)).toContain(
      "WEBHOOK_URL: expected an https:// URL",
    );
    expect(problemOf({ PUBLIC_BASE_URL: "http://bot.example.vn" }).describe(english)).toContain(
      "PUBLIC_BASE_URL: expected an https:// URL",
    );
    const short = problemOf({ WEBHOOK_URL: "https://bot.example.vn/hook", WEBHOOK_SECRET: "short" });
    expect(short.describe(english)).toBe(
      "Bad configuration — WEBHOOK_SECRET: expected 8–256 characters, only A-Z, a-z, 0-9, _ or -",
    );
    expect(problemOf({ FILE_LINK_HOURS: "25" }).describe(english)).toContain("FILE_LINK_HOURS");
    expect(loadConfig({ WEBHOOK_URL: "https://bot.example.vn/hook", ...secret }).FILE_LINK_HOURS).toBe(24);
  });

  it("reads configured values", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://u:p@localhost/nv",
      PORT: "9000",
      REMINDER_OFFSETS_DAYS: "1, 7,3",
      REMINDER_TIME: "07:30",
      APP_TZ: "UTC",
    });
    expect(config.PORT).toBe(9000);
    expect(config.REMINDER_OFFSETS_DAYS).toEqual([7, 3, 1]);
    expect(config.REMINDER_TIME).toEqual({ hour: 7, minute: 30 });
    expect(config.APP_TZ).toBe("UTC");
  });
});

describe(".env.example", () => {
  it("lists every configuration key, each with a default the configuration accepts", () => {
    const text = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const listed = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1] ?? "", match[2] ?? ""]),
    );
    expect(Object.keys(listed).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(() => loadConfig(listed)).not.toThrow();
  });
});
