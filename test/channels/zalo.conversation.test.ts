import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/vocabulary.ts";
import { runCli } from "../support/run-cli.ts";
import { inviteFor } from "../support/test-app.ts";
import { startZaloHarness, type ZaloHarness } from "../support/zalo-harness.ts";

let harness: ZaloHarness;

beforeEach(async () => {
  harness = await startZaloHarness();
});
afterEach(async () => {
  await harness.close();
});

async function invite(agency: string | null, role: Role = "official"): Promise<string> {
  const { app } = harness;
  const created = await inviteFor(app, agency, role);
  return created.code;
}

async function zaloAccounts(): Promise<{ chat_id: string; channel: string }[]> {
  return harness.app.database.db.selectFrom("channel_accounts").select(["chat_id", "channel"]).execute();
}

describe("the Zalo channel against the fake Zalo Bot API", () => {
  it("asks Zalo who the bot is at start and polls one update per call", () => {
    expect(harness.fake.callsOf("getMe")).toHaveLength(1);
    expect(harness.zalo.name).toBe("bot.NhacViec");
  });

  it("links with /start CODE arriving as plain text, and with a bare code", async () => {
    const [linked] = await harness.say("zalo-user-1", `/start ${await invite("Sở Y tế")}`);
    expect(linked?.text).toContain("Liên kết thành công");
    expect(linked?.text).toContain("Sở Y tế");
    const [bare] = await harness.say("zalo-user-2", await invite(null, "coordinator"));
    expect(bare?.text).toContain("điều phối viên");
    expect(await zaloAccounts()).toEqual([
      { chat_id: "zalo-user-1", channel: "zalo" },
      { chat_id: "zalo-user-2", channel: "zalo" },
    ]);
  });

  it("delivers a long reminder split at task lines with numbered choices, and '1' presses the first one", async () => {
    await harness.say("zalo-canbo", `/start ${await invite("so-tttt")}`);
    const since = harness.fake.sent.length;
    const tick = await runCli(["tick", "--at", "2020-03-13T08:00:00+07:00"], harness.env);
    expect(tick.code).toBe(0);
    const parts = harness.fake.sent.slice(since).map((message) => message.text);
    // The Sở TT&TT reminder is longer than one Zalo message: split between task lines, each part ≤ 2,000.
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    for (const part of parts.slice(1)) expect(part).toMatch(/^(•|\[1\]|\S)/);
    const reminder = parts.join("\n");
    expect(reminder).toContain("⏰ Nhắc báo cáo Quý I/2020");
    expect(reminder).toMatch(/\[1\] .+\s+\[2\] .+\s+\[3\] /);
    harness.app.clock.set(new Date("2020-03-13T02:00:00Z"));
    const [pressed] = await harness.say("zalo-canbo", "1");
    expect(pressed?.text).not.toContain("chưa hiểu");
    const updates = await harness.app.database.db
      .selectFrom("status_updates")
      .select(["status", "channel"])
      .execute();
    expect(updates).toEqual([{ status: "done", channel: "zalo" }]);
  });

  it("answers a coordinator asking who is behind", async () => {
    await harness.say("zalo-dieuphoi", `/start ${await invite(null, "coordinator")}`);
    const [answer] = await harness.say("zalo-dieuphoi", "ai chưa báo cáo?");
    expect(answer?.text).toMatch(/chưa báo cáo|Quý I\/2020/);
    expect(answer?.text.length).toBeLessThanOrEqual(2000);
  });

  it("processes an event Zalo delivers twice once", async () => {
    await harness.say("zalo-canbo", `/start ${await invite("so-tttt")}`);
    const since = harness.fake.sent.length;
    const update = harness.fake.sendUserMessage({
      userId: "zalo-canbo",
      text: "V.1 xong",
      date: harness.app.clock.now().getTime(),
    });
    harness.fake.queueUpdate(update);
    await harness.fake.waitForMessages("zalo-canbo", 1, since);
    // The repeat is fetched after the first one is stored; a later message shows it was passed over.
    await harness.say("zalo-canbo", "/trogiup");
    expect(harness.fake.sent.slice(since)).toHaveLength(2);
    const stored = await harness.app.database.db.selectFrom("status_updates").select("id").execute();
    expect(stored).toHaveLength(1);
  });

  it("answers a sticker or an image with the hint that only text is read", async () => {
    await harness.say("zalo-canbo", `/start ${await invite("so-tttt")}`);
    const since = harness.fake.sent.length;
    harness.fake.sendUserMessage({ userId: "zalo-canbo", eventName: "message.sticker.received" });
    const [hint] = await harness.fake.waitForMessages("zalo-canbo", 1, since);
    expect(hint?.text).toContain("chỉ đọc được tin nhắn chữ");
  });
});
