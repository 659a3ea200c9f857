// `nhacviec backup` while the bot records updates: the copy is whole (integrity_check) and holds
// every update the bot acknowledged before the backup began, in order.
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { runCliProcess } from "../support/run-cli.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

const OFFICIAL = 6001;
let harness: TelegramHarness | undefined;

afterEach(async () => {
  await harness?.close();
});

/** Some 50 MB of history: a copy that restarts whenever the bot writes would never finish. */
function fillHistory(path: string): void {
  const connection = new SQLite(path);
  connection
    .prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000)
       insert into audit_log (at, actor, action, subject, details)
       select '2020-01-01T00:00:00.000Z', 'test', 'fill', 'row ' || i, printf('%.500c', 'x') from n`,
    )
    .run();
  connection.close();
}

describe("nhacviec backup while updates stream in", () => {
  it("copies a whole database holding every update acknowledged before it began", async () => {
    harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z" });
    const bot = harness;
    await bot.link(OFFICIAL, "so-y-te");
    fillHistory(bot.app.databasePath);

    const acknowledged: string[] = [];
    let streaming = true;
    const stream = (async () => {
      for (let n = 0; streaming; n++) {
        const text = `III.4 đang làm ${10 + (n % 80)}%`;
        if ((await bot.say(OFFICIAL, text)).includes("Đã ghi nhận III.4")) acknowledged.push(text);
      }
    })();
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 10));

    // Besides, a delivery fan-out's pace of writes (an outbox row marked sent every few milliseconds).
    const fanOut = new SQLite(bot.app.databasePath);
    const mark = fanOut.prepare(
      "insert into audit_log (at, actor, action, subject) values ('2020-03-10T02:00:00.000Z', 'test', 'sent', 'row')",
    );
    const marking = setInterval(() => mark.run(), 5);
    const before = [...acknowledged];
    const target = join(bot.app.directory, "copy.sqlite");
    const backup = await runCliProcess(["backup", target], {
      DATABASE_URL: `sqlite:${bot.app.databasePath}`,
      LOG_LEVEL: "silent",
    });
    clearInterval(marking);
    fanOut.close();
    const during = acknowledged.length - before.length;
    streaming = false;
    await stream;
    expect(backup).toMatchObject({ code: 0, stderr: "" });
    // The bot kept answering while the backup ran.
    expect(during).toBeGreaterThan(0);

    const copy = new SQLite(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const texts = copy.prepare("select raw_text from status_updates order by id").pluck().all() as string[];
      expect(texts.slice(0, before.length)).toEqual(before);
      expect(copy.prepare("select count(*) from audit_log where action = 'fill'").pluck().get()).toBe(
        100_000,
      );
    } finally {
      copy.close();
    }
  });
});
