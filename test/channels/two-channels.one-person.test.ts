// One person on Telegram and Zalo: linked with a /lienket code, reminded once per chosen channel, and
// an update sent on one channel seen on the other.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelName } from "../../src/domain/vocabulary.ts";
import { runCli } from "../support/run-cli.ts";
import { startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";
import { inviteFor } from "../support/test-app.ts";
import { startZaloHarness, type ZaloHarness } from "../support/zalo-harness.ts";

const TELEGRAM_USER = 501;
const ZALO_USER = "zalo-501";

let telegram: TelegramHarness;
let zalo: ZaloHarness;

beforeEach(async () => {
  telegram = await startTelegramHarness();
  zalo = await startZaloHarness({ app: telegram.app });
});
afterEach(async () => {
  await zalo.close();
  await telegram.close();
});

function env(): Record<string, string> {
  return { ...zalo.env, BOT_TOKEN: telegram.fake.token, TELEGRAM_API_ROOT: telegram.fake.apiRoot };
}

async function tick(at: string): Promise<{ planned: number; telegram: string[]; zalo: string[] }> {
  const telegramSince = telegram.fake.checkpoint();
  const zaloSince = zalo.fake.sent.length;
  const result = await runCli(["tick", "--at", at, "--json"], env());
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { plan: { planned: { reminder: number } } };
  return {
    planned: report.plan.planned.reminder,
    telegram: telegram.fake
      .sentMessages(TELEGRAM_USER)
      .filter((m) => m.seq >= telegramSince)
      .map((m) => m.text ?? ""),
    zalo: zalo.fake.sent
      .slice(zaloSince)
      .filter((m) => m.chatId === ZALO_USER)
      .map((m) => m.text),
  };
}

/** A message through the conversation core itself, as a channel adapter would pass it on. */
async function coreSay(channel: ChannelName, userId: string, text: string): Promise<string> {
  const replies = await telegram.app.conversation.handle({
    channel,
    userId,
    chatId: userId,
    displayName: userId,
    text,
    messageId: null,
    sentAt: telegram.app.clock.now(),
    replyToMessageId: null,
  });
  return replies.map((reply) => reply.text).join("\n");
}

/** Links Telegram with an invite, then Zalo with the /lienket code shown on Telegram. */
async function linkBoth(): Promise<void> {
  const _db = telegram.app.database.db;
  const invite = await inviteFor(telegram.app, "so-tttt");
  expect(await telegram.say(TELEGRAM_USER, `/start ${invite.code}`)).toContain("Liên kết thành công");
  const shown = await telegram.say(TELEGRAM_USER, "/lienket");
  const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(shown)?.[1];
  expect(code, shown).toBeDefined();
  const [linked] = await zalo.say(ZALO_USER, `/lienket ${code}`);
  expect(linked?.text).toContain("Liên kết thành công");
  expect(linked?.text).toContain("Sở Thông tin và Truyền thông");
}

async function peopleAndAccounts() {
  const db = telegram.app.database.db;
  const people = await db.selectFrom("people").select("id").execute();
  const accounts = await db
    .selectFrom("channel_accounts")
    .select(["person_id", "channel"])
    .orderBy("id")
    .execute();
  return { people, accounts };
}

describe("one person, two channels", () => {
  it("links Zalo to the Telegram person with a one-time /lienket code", async () => {
    await linkBoth();
    const { people, accounts } = await peopleAndAccounts();
    expect(people).toHaveLength(1);
    expect(accounts).toEqual([
      { person_id: people[0]?.id, channel: "telegram" },
      { person_id: people[0]?.id, channel: "zalo" },
    ]);
    // The code worked once; a wrong one and an old one are told apart.
    const shown = await telegram.say(TELEGRAM_USER, "/lienket");
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(shown)?.[1] ?? "";
    const sameChannel = await coreSay("telegram", "777", code);
    expect(sameChannel).toContain("kênh còn lại");
    const [used] = await zalo.say("zalo-other", code);
    expect(used?.text).toContain("Liên kết thành công");
    const [again] = await zalo.say("zalo-third", `/lienket ${code}`);
    expect(again?.text).toContain("đã được dùng");
    telegram.app.clock.advance(16 * 60_000);
    const late = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(await telegram.say(TELEGRAM_USER, "/lienket"))?.[1];
    telegram.app.clock.advance(16 * 60_000);
    const [expired] = await zalo.say("zalo-fourth", `/lienket ${late}`);
    expect(expired?.text).toContain("hết hạn");
    const stored = await telegram.app.database.db.selectFrom("link_codes").select("code_hash").execute();
    expect(stored.map((row) => row.code_hash)).not.toContain(code);
  });

  it("reminds on each chosen channel exactly once; /kenh shows and chooses", async () => {
    await linkBoth();
    const shown = await telegram.say(TELEGRAM_USER, "/kenh");
    expect(shown).toContain("Telegram, Zalo");
    expect(shown).toContain("cả hai kênh");

    const first = await tick("2020-03-13T08:00:00+07:00");
    expect(first.planned).toBe(2);
    expect(first.telegram).toHaveLength(1);
    expect(first.telegram[0]).toContain("⏰ Nhắc báo cáo Quý I/2020");
    expect(first.zalo.join("\n")).toContain("⏰ Nhắc báo cáo Quý I/2020");
    const again = await tick("2020-03-13T08:05:00+07:00");
    expect(again).toEqual({ planned: 0, telegram: [], zalo: [] });

    const [chosen] = await zalo.say(ZALO_USER, "/kenh zalo");
    expect(chosen?.text).toContain("chỉ Zalo");
    expect(await telegram.say(TELEGRAM_USER, "/kenh")).toContain("chỉ Zalo");
    const d3 = await tick("2020-03-17T08:00:00+07:00");
    expect(d3.planned).toBe(1);
    expect(d3.telegram).toEqual([]);
    expect(d3.zalo.join("\n")).toContain("⏰ Nhắc báo cáo Quý I/2020");
    // A coordinator's nudge follows the choice too.
    const db = telegram.app.database.db;
    const invite = await inviteFor(telegram.app, null, "coordinator");
    await coreSay("console", "dieuphoi", `/start ${invite.code}`);
    await coreSay("console", "dieuphoi", "/nhac so-tttt");
    const nudges = await db.selectFrom("outbox").select("channel").where("kind", "=", "nudge").execute();
    expect(nudges).toEqual([{ channel: "zalo" }]);
    expect(await telegram.say(TELEGRAM_USER, "/kenh cahai")).toContain("cả hai kênh");
  });

  it("refuses a channel the person has not linked, and a word it does not know", async () => {
    const db = telegram.app.database.db;
    const invite = await inviteFor(telegram.app, "so-tttt");
    await telegram.say(TELEGRAM_USER, `/start ${invite.code}`);
    expect(await telegram.say(TELEGRAM_USER, "/kenh zalo")).toContain("chưa liên kết Zalo");
    expect(await telegram.say(TELEGRAM_USER, "/channels viber")).toContain("Chưa hiểu «viber»");
    const [person] = await db.selectFrom("people").select("scheduled_channel").execute();
    expect(person?.scheduled_channel).toBe("both");
  });

  it("an update sent on Zalo is seen by /conlai on Telegram", async () => {
    await linkBoth();
    const before = await telegram.say(TELEGRAM_USER, "/conlai");
    const owedBefore = Number(/còn (\d+) nhiệm vụ/.exec(before)?.[1]);
    const code = /^1\. (\S+) —/m.exec(before)?.[1] ?? "";
    expect(owedBefore).toBeGreaterThan(1);
    const [answer] = await zalo.say(ZALO_USER, `${code} xong`);
    expect(answer?.text).toContain(`Đã ghi nhận ${code}: hoàn thành`);
    telegram.app.clock.advance(60_000); // a minute later, on the other phone
    const after = await telegram.say(TELEGRAM_USER, "/conlai");
    expect(Number(/còn (\d+) nhiệm vụ/.exec(after)?.[1])).toBe(owedBefore - 1);
    expect(after).not.toContain(`${code} —`);
  });
});
