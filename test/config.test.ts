import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

describe("configuration", () => {
  it("has the defaults of SPEC §6 when nothing is set", () => {
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

  it.each([
    ["DATABASE_URL", "mysql://x", /^DATABASE_URL: expected sqlite:<path> or postgres/],
    ["PORT", "eighty", /^PORT: expected a positive whole number \(got "eighty"\)$/],
    ["PORT", "70000", /^PORT: expected a port number/],
    ["APP_TZ", "Mars/Olympus", /^APP_TZ: unknown IANA time zone/],
    ["LOG_LEVEL", "loud", /^LOG_LEVEL: /],
    ["TELEGRAM_API_ROOT", "not a url", /^TELEGRAM_API_ROOT: expected an http\(s\) URL/],
    ["REMINDER_OFFSETS_DAYS", "7;3", /^REMINDER_OFFSETS_DAYS: expected comma-separated day counts/],
    ["REMINDER_TIME", "8h", /^REMINDER_TIME: expected HH:MM/],
    ["QUIET_HOURS", "night", /^QUIET_HOURS: expected START-END hours/],
  ])("stops on a bad %s with one line naming the key", (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it("needs a secret for webhooks", () => {
    expect(() => loadConfig({ WEBHOOK_URL: "https://bot.example.vn/hook" })).toThrow(
      /^WEBHOOK_SECRET: required/,
    );
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
