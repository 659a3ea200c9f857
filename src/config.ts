import { z } from "zod";
import { maskedDatabaseUrl } from "./db/database-url.ts";
import { parseWeeklySlot } from "./domain/weekly-summary.ts";
import { LocalizedError } from "./i18n/localized-error.ts";
import type { Translator } from "./i18n/translator.ts";

// Every problem message below is a message id in locales/ (config-…), shown in the admin's language.

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const hourMinute = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "config-expected-time")
  .transform((value) => {
    const [hour, minute] = value.split(":").map(Number);
    return { hour: hour ?? 0, minute: minute ?? 0 };
  });

const hourRange = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/, "config-expected-hours")
  .transform((value) => {
    const [start, end] = value.split("-").map(Number);
    return { startHour: start ?? 0, endHour: end ?? 0 };
  });

const dayList = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\s*,\s*\d{1,2})*$/, "config-expected-days")
  .transform((value) =>
    [...new Set(value.split(",").map((part) => Number(part.trim())))].sort((a, b) => b - a),
  );

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (value) => value.startsWith("sqlite:") || /^postgres(ql)?:\/\//.test(value),
    "config-expected-database-url",
  )
  .refine((value) => value !== "sqlite:", "config-sqlite-without-path");

// @BotFather's tokens are "<bot id>:<35 letters, digits, - or _>"; a little slack on the length.
const botToken = optionalText.refine(
  (value) => value === undefined || /^\d+:[A-Za-z0-9_-]{30,}$/.test(value),
  "config-expected-bot-token",
);

// Zalo Bot Creator's tokens look like "<digits>:<letters>"; only loosely checked (the format is not
// published), but it goes into the request path, so nothing else may slip in.
const zaloToken = optionalText.refine(
  (value) => value === undefined || /^[A-Za-z0-9:_-]{20,512}$/.test(value),
  "config-expected-zalo-token",
);

const timeZone = z
  .string()
  .trim()
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "config-unknown-time-zone");

const url = z.string().trim().url("config-expected-url");

// Telegram and Zalo post webhooks only to HTTPS; file links must be HTTPS for the same reasons.
const httpsUrl = url.refine((value) => value.startsWith("https://"), "config-expected-https-url");

// Telegram's secret_token allows 1–256 of A-Z a-z 0-9 _ -; Zalo's needs 8–256 characters.
const webhookSecret = optionalText.refine(
  (value) => value === undefined || /^[A-Za-z0-9_-]{8,256}$/.test(value),
  "config-expected-webhook-secret",
);

const positiveInt = z
  .string()
  .trim()
  .regex(/^[1-9]\d*$/, "config-expected-positive")
  .transform(Number);

const port = positiveInt.refine((value) => value <= 65535, "config-expected-port");

/** An environment value with a default, validated and transformed like a value that was set. */
function withDefault<T>(fallback: string, schema: z.ZodType<T, string>) {
  return z.string().default(fallback).pipe(schema);
}

export const configSchema = z.object({
  BOT_TOKEN: botToken,
  BOT_USERNAME: optionalText,
  TELEGRAM_API_ROOT: url.default("https://api.telegram.org"),
  ZALO_BOT_TOKEN: zaloToken,
  ZALO_API_ROOT: url.default("https://bot-api.zaloplatforms.com"),
  DATABASE_URL: databaseUrl.default("sqlite:./data/nhacviec.sqlite"),
  WEBHOOK_URL: httpsUrl.optional(),
  WEBHOOK_SECRET: webhookSecret,
  PORT: withDefault("8080", port),
  // File links (reports, charts for Zalo): the public base; WEBHOOK_URL's origin when unset.
  PUBLIC_BASE_URL: httpsUrl.optional(),
  FILE_LINK_HOURS: withDefault(
    "24",
    positiveInt.refine((hours) => hours <= 24, "config-expected-file-link-hours"),
  ),
  APP_TZ: timeZone.default("Asia/Ho_Chi_Minh"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "config-expected-log-level")
    .default("info"),
  LOCALE: z.enum(["vi", "en"], "config-expected-locale").default("vi"),
  INVITE_TTL_DAYS: withDefault("7", positiveInt),
  REMINDER_OFFSETS_DAYS: withDefault("7,3,1", dayList),
  REMINDER_TIME: withDefault("08:00", hourMinute),
  QUIET_HOURS: withDefault("20-7", hourRange),
  STALE_AFTER_DAYS: withDefault("30", positiveInt),
  WEEKLY_SUMMARY: withDefault(
    "off",
    z.string().transform((value, context) => {
      const slot = parseWeeklySlot(value);
      if (slot === undefined) {
        context.addIssue({
          code: "custom",
          message: "config-expected-weekly",
        });
        return z.NEVER;
      }
      return slot;
    }),
  ),
  // The unit that compiles the quarter's report (the XLSX title block). Since 1/3/2025 Gia Lai's Sở
  // Thông tin và Truyền thông is part of Sở Khoa học và Công nghệ.
  REPORT_ISSUER: withDefault("Sở Khoa học và Công nghệ", z.string().trim()),
  SEND_RATE_PER_SECOND: withDefault("25", positiveInt),
  // Zalo publishes no send rate: a cautious pace per bot token, and a 429 pauses it.
  ZALO_SEND_RATE_PER_SECOND: withDefault("5", positiveInt),
  DELIVERY_MAX_ATTEMPTS: withDefault("5", positiveInt),
  DELIVERY_RETRY_BASE_MS: withDefault("1000", positiveInt),
  DELIVERY_LEASE_SECONDS: withDefault("300", positiveInt),
  DELIVERY_RETRY_MAX_SECONDS: withDefault("600", positiveInt),
  DELIVERY_GIVE_UP_HOURS: withDefault("24", positiveInt),
  SEND_LEASE_SECONDS: withDefault("30", positiveInt),
  // Asking Telegram who the bot is (getMe) at start: attempts, each one's timeout, the first pause (doubling).
  TELEGRAM_START_ATTEMPTS: withDefault("5", positiveInt),
  TELEGRAM_START_TIMEOUT_MS: withDefault("5000", positiveInt),
  TELEGRAM_START_RETRY_MS: withDefault("1000", positiveInt),
  // At SIGTERM: how long updates in hand and sends in flight may take before the process exits anyway.
  SHUTDOWN_TIMEOUT_MS: withDefault("10000", positiveInt),
});

export type Config = z.output<typeof configSchema>;

// Values never repeated in an error line (they would land in terminals and logs).
const SECRET_KEYS = new Set(["BOT_TOKEN", "ZALO_BOT_TOKEN", "WEBHOOK_SECRET"]);

/** A bad configuration value: names the key, what is wrong (a message id) and the value unless secret. */
export class ConfigError extends LocalizedError {
  // A configuration error stops the start before anything runs.
  override readonly exitCode = 2;

  constructor(
    readonly key: string,
    readonly problemId: string,
    readonly got?: string,
  ) {
    super(problemId, { key });
    this.message = `${key}: ${problemId}`;
  }

  override describe(translator: Translator): string {
    const args = { key: this.key, problem: translator.t(this.problemId) };
    return this.got === undefined
      ? translator.t("config-error", args)
      : translator.t("config-error-got", { ...args, got: this.got });
  }
}

function shownValue(key: string, value: string | undefined): string | undefined {
  if (value === undefined || SECRET_KEYS.has(key)) return undefined;
  return key === "DATABASE_URL" ? maskedDatabaseUrl(value) : value;
}

/** Validates the environment; the error names the first bad key and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const keys = Object.keys(configSchema.shape);
  const relevant = Object.fromEntries(
    // An empty value (`WEBHOOK_URL=` as .env.example has it) means not set, so its default applies.
    keys.filter((key) => (env[key] ?? "").trim() !== "").map((key) => [key, env[key]]),
  );
  const result = configSchema.safeParse(relevant);
  if (result.success) {
    if (result.data.WEBHOOK_URL && !result.data.WEBHOOK_SECRET) {
      throw new ConfigError("WEBHOOK_SECRET", "config-webhook-secret-required");
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const key = issue?.path.join(".") ?? "?";
  // Every check above names its message id; zod's own English texts never reach the admin.
  const problemId = issue?.message.startsWith("config-") ? issue.message : "config-invalid";
  throw new ConfigError(key, problemId, shownValue(key, env[key]));
}
