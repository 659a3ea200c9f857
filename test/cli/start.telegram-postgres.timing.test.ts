// The whole bot on PostgreSQL, from the real entry point (`nhacviec start`) against the fake Bot API,
// as start.telegram.timing.test.ts runs it on SQLite: link, remind, update, who is behind, report.
import type { ChildProcess } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { type FakeTelegram, type SentMessage, startFakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import {
  createPostgresDatabase,
  describePostgres,
  type PostgresDatabase,
} from "../support/postgres-database.ts";
import { exited, runCli, startBotProcess } from "../support/run-cli.ts";

let fake: FakeTelegram | undefined;
let bot: ChildProcess | undefined;
let database: PostgresDatabase | undefined;

afterEach(async () => {
  bot?.kill("SIGKILL");
  await fake?.close();
  await database?.drop();
});

const COORDINATOR = 5101;
const OFFICIAL = 5102;

describePostgres("nhacviec start on PostgreSQL", () => {
  it("links, reminds, records an update, lists who is behind and sends the report", async () => {
    fake = await startFakeTelegram();
    const telegram = fake;
    database = await createPostgresDatabase();
    const env = {
      DATABASE_URL: database.url,
      LOG_LEVEL: "silent",
      BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    };
    expect((await runCli(["import", "--builtin"], env)).code).toBe(0);
    const inviteOf = async (args: string[]) =>
      (JSON.parse((await runCli(["invite", ...args, "--json"], env)).stdout) as { code: string }).code;
    const officialCode = await inviteOf(["--agency", "Sở Y tế", "--role", "official"]);
    const coordinatorCode = await inviteOf(["--role", "coordinator"]);

    bot = startBotProcess(env);
    await telegram.waitForCall((call) => call.method === "setMyCommands", 30_000);
    const ask = (userId: number, text: string): Promise<SentMessage> => {
      const since = telegram.checkpoint();
      telegram.sendUserMessage({ userId, text, firstName: "Hoa" });
      return telegram.waitForMessage(userId, undefined, 30_000, since);
    };
    expect((await ask(OFFICIAL, `/start ${officialCode}`)).text).toContain("Sở Y tế");
    expect((await ask(COORDINATOR, `/start ${coordinatorCode}`)).text).toContain("Liên kết thành công");

    // Remind: the coordinator nudges Sở Y tế; the bot's delivery sends it to the official.
    const before = telegram.checkpoint();
    const nudged = await ask(COORDINATOR, "/nhac Sở Y tế");
    expect(nudged.text).toContain("Sở Y tế");
    // A second instance's tick delivers it now (the bot's own runs every minute); one send lease.
    expect((await runCli(["tick"], env)).code).toBe(0);
    const reminder = await telegram.waitForMessage(OFFICIAL, undefined, 30_000, before);
    expect(reminder.text).toContain("Sở Y tế");

    // Update: the official answers the reminder about the first task it names.
    const task = /\b([IVX]+\.\d+)\b/.exec(reminder.text ?? "")?.[1] ?? "";
    expect(task).not.toBe("");
    expect((await ask(OFFICIAL, `${task} đang làm 60%`)).text).toContain(`Đã ghi nhận ${task}`);
    const stored = openDatabase(database.url, { create: false });
    const updates = await stored.db.selectFrom("status_updates").select(["raw_text", "progress"]).execute();
    await stored.close();
    expect(updates).toEqual([{ raw_text: `${task} đang làm 60%`, progress: 60 }]);

    // Who is behind, then the report, both read from PostgreSQL.
    // The builtin plan ended in 2025: what is behind since then is its overdue work, per agency.
    expect((await ask(COORDINATOR, "/cham")).text).toContain("Quá hạn");
    expect((await ask(COORDINATOR, "/cham quahan")).text).toContain("Sở Y tế");
    const sinceReport = telegram.checkpoint();
    telegram.sendUserMessage({ userId: COORDINATOR, text: "/baocao word" });
    const file = await telegram.waitForMessage(
      COORDINATOR,
      (m) => m.method === "sendDocument",
      30_000,
      sinceReport,
    );
    expect(file.document?.filename).toMatch(/^bao-cao-\d{4}-Q[1-4]\.docx$/);

    const exit = exited(bot);
    bot.kill("SIGTERM");
    expect(await exit).toBe(0);
    bot = undefined;
  }, 90_000);
});
