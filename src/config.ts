import { z } from "zod";
import { parseWeeklySlot } from "./domain/weekly-summary.ts";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const hourMinute = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "expected HH:MM, e.g. 08:00")
  .transform((value) => {
    const [hour, minute] = value.split(":").map(Number);
    return { hour: hour ?? 0, minute: minute ?? 0 };
  });

const hourRange = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/, "expected START-END hours, e.g. 20-7")
  .transform((value) => {
    const [start, end] = value.split("-").map(Number);
    return { startHour: start ?? 0, endHour: end ?? 0 };
  });

const dayList = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\s*,\s*\d{1,2})*$/, "expected comma-separated day counts, e.g. 7,3,1")
  .transform((value) =>
    [...new Set(value.split(",").map((part) => Number(part.trim())))].sort((a, b) => b - a),
  );

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (value) => value.startsWith("sqlite:") || /^postgres(ql)?:\/\//.test(value),
    "expected sqlite:<path> or postgres://user:pass@host/db",
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
  }, "unknown IANA time zone");

const url = z.string().trim().url("expected an http(s) URL");

const positiveInt = z
  .string()
  .trim()
  .regex(/^[1-9]\d*$/, "expected a positive whole number")
  .transform(Number);

const port = positiveInt.refine((value) => value <= 65535, "expected a port number from 1 to 65535");

/** An environment value with a default, validated and transformed like a value that was set. */
function withDefault<T>(fallback: string, schema: z.ZodType<T, string>) {
  return z.string().default(fallback).pipe(schema);
}

export const configSchema = z.object({
  BOT_TOKEN: optionalText,
  BOT_USERNAME: optionalText,
  TELEGRAM_API_ROOT: url.default("https://api.telegram.org"),
  ZALO_BOT_TOKEN: optionalText,
  ZALO_API_ROOT: url.default("https://bot-api.zaloplatforms.com"),
  DATABASE_URL: databaseUrl.default("sqlite:./data/nhacviec.sqlite"),
  WEBHOOK_URL: url.optional(),
  WEBHOOK_SECRET: optionalText,
  PORT: withDefault("8080", port),
  APP_TZ: timeZone.default("Asia/Ho_Chi_Minh"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOCALE: z.enum(["vi", "en"]).default("vi"),
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
          message: 'expected "off" or a weekday and time, e.g. "mon 08:00"',
        });
        return z.NEVER;
      }
      return slot;
    }),
  ),
  SEND_RATE_PER_SECOND: withDefault("25", positiveInt),
  DELIVERY_MAX_ATTEMPTS: withDefault("5", positiveInt),
  DELIVERY_RETRY_BASE_MS: withDefault("1000", positiveInt),
  DELIVERY_LEASE_SECONDS: withDefault("300", positiveInt),
  DELIVERY_RETRY_MAX_SECONDS: withDefault("600", positiveInt),
  DELIVERY_GIVE_UP_HOURS: withDefault("24", positiveInt),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {}

/** Validates the environment; the error names the first bad key and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const keys = Object.keys(configSchema.shape);
  const relevant = Object.fromEntries(
    keys.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]),
  );
  const result = configSchema.safeParse(relevant);
  if (result.success) {
    if (result.data.WEBHOOK_URL && !result.data.WEBHOOK_SECRET) {
      throw new ConfigError("WEBHOOK_SECRET: required when WEBHOOK_URL is set");
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const key = issue?.path.join(".") ?? "?";
  const shown = typeof env[key] === "string" ? ` (got "${env[key]}")` : "";
  throw new ConfigError(`${key}: ${issue?.message ?? "invalid value"}${shown}`);
}
