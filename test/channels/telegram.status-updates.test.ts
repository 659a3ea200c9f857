import { sql } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import { decodeButton } from "../../src/texts/callback-data.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { buttonData, startTelegramHarness, type TelegramHarness } from "../support/telegram-harness.ts";

let harness: TelegramHarness;

async function link(userId: number, agency: string): Promise<void> {
  expect(await harness.link(userId, agency, "official")).toContain("Liên kết thành công");
}

interface StoredUpdate {
  code: string;
  agency: string;
  status: string | null;
  progress: number | null;
  blocker: string | null;
  eta: string | null;
  raw_text: string;
  period_key: string;
  revision: number;
  message_key: string;
}

async function storedUpdates(): Promise<StoredUpdate[]> {
  return harness.app.database.db
    .selectFrom("status_updates")
    .innerJoin("assignments", "assignments.id", "status_updates.assignment_id")
    .innerJoin("tasks", "tasks.id", "assignments.task_id")
    .innerJoin("agencies", "agencies.id", "assignments.agency_id")
    .select([
      "tasks.code as code",
      "agencies.code as agency",
      "status_updates.status",
      "status_updates.progress",
      "status_updates.blocker",
      "status_updates.eta",
      "status_updates.raw_text",
      "status_updates.period_key",
      "status_updates.revision",
      "status_updates.message_key",
    ])
    .orderBy("status_updates.id")
    .execute();
}

function nowSeconds(): number {
  return Math.floor(harness.app.clock.now().getTime() / 1000);
}

describeEachDatabase("status updates over Telegram", (database) => {
  // 10 March 2020, 09:00 in Gia Lai: the Q1 2020 period (due before 20/3/2020).
  beforeEach(async () => {
    harness = await startTelegramHarness({ at: "2020-03-10T02:00:00Z", database });
  });
  afterEach(async () => {
    await harness.close();
  });

  it("stores a typed update before confirming what it understood", async () => {
    await link(1001, "so-tttt");
    const answer = await harness.say(1001, "II.2 dang lam 60%, vướng kinh phí, dự kiến xong 30/4");
    expect(answer).toContain(
      "Đã ghi nhận II.2: đang thực hiện 60%, vướng: kinh phí, dự kiến xong 30/04/2020",
    );
    expect(answer).toContain("dự kiến xong 30/04/2020");
    expect(answer).toContain("Quý I/2020");
    const [update] = await storedUpdates();
    expect(update).toMatchObject({
      code: "II.2",
      agency: "so-tttt",
      status: "blocked",
      progress: 60,
      eta: "2020-04-30",
      period_key: "2020-Q1",
      raw_text: "II.2 dang lam 60%, vướng kinh phí, dự kiến xong 30/4",
      revision: 0,
    });
    expect(update?.blocker).toContain("kinh phí");
  });

  it("records every update of a multi-update message", async () => {
    await link(1002, "so-tttt");
    const answer = await harness.say(1002, "II.1 xong; II-9 dc 45% ; III.3 chưa triển khai");
    expect(answer).toContain("II.1: hoàn thành");
    expect(answer).toContain("II.9: đang thực hiện 45%");
    expect(answer).toContain("III.3: chưa thực hiện");
    const updates = await storedUpdates();
    expect(updates.map((u) => [u.code, u.status, u.progress])).toEqual([
      ["II.1", "done", null],
      ["II.9", "in_progress", 45],
      ["III.3", "not_started", null],
    ]);
    // One message, one key: its rows belong together.
    expect(new Set(updates.map((u) => u.message_key)).size).toBe(1);
  });

  it("refuses another agency's task, naming its lead agency, and stores nothing", async () => {
    await link(1003, "so-y-te");
    const answer = await harness.say(1003, "II.2 xong");
    expect(answer).toContain("II.2 do Sở Thông tin và Truyền thông chủ trì");
    expect(answer).toContain("Sở Y tế");
    expect(await harness.say(1003, "IX.9 xong")).toContain("Không có nhiệm vụ IX.9");
    expect(await storedUpdates()).toEqual([]);
  });

  it("answers an unreadable message with a hint and examples, storing nothing", async () => {
    await link(1004, "so-tttt");
    const answer = await harness.say(1004, "cho em hỏi báo cáo gửi ai ạ");
    expect(answer).toContain("chưa hiểu");
    expect(answer).toContain("II.2 xong");
    expect(await storedUpdates()).toEqual([]);
  });

  it("resolves '#n' from the last list the bot showed", async () => {
    await link(1005, "so-y-te");
    const list = await harness.say(1005, "/nhiemvu");
    const second = /^2\. (\S+) —/m.exec(list)?.[1];
    expect(second).toBeDefined();
    expect(await harness.say(1005, "#2 xong")).toContain(`Đã ghi nhận ${second}: hoàn thành`);
    expect((await storedUpdates())[0]?.code).toBe(second);
  });

  it("takes a reply to a reminder as an update of the reminder's task", async () => {
    await link(1006, "so-y-te");
    const { app, fake, telegram } = harness;
    const reminder = await telegram.bot.api.sendMessage(1006, "Nhắc báo cáo III.4");
    const assignment = await app.database.db
      .selectFrom("assignments")
      .innerJoin("tasks", "tasks.id", "assignments.task_id")
      .innerJoin("agencies", "agencies.id", "assignments.agency_id")
      .select(["assignments.id", "agencies.id as agencyId"])
      .where("tasks.code", "=", "III.4")
      .where("agencies.code", "=", "so-y-te")
      .executeTakeFirstOrThrow();
    const person = await app.database.db.selectFrom("channel_accounts").selectAll().executeTakeFirstOrThrow();
    const text = await app.database.db
      .insertInto("outbox_texts")
      .values({
        digest: "test",
        payload: '{"text":"Nhắc báo cáo III.4"}',
        assignment_ids: JSON.stringify([assignment.id]),
        created_at: app.clock.now().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`insert into outbox (key, kind, person_id, account_id, channel, chat_id, text_id,
        period_key, status, attempts, next_attempt_at, created_at, platform_message_id, sent_at)
      values ('test-reminder', 'reminder', ${person.person_id}, ${person.id}, 'telegram', '1006', ${text.id}, '2020-Q1', 'sent', 1,
        ${app.clock.now().toISOString()}, ${app.clock.now().toISOString()},
        ${String(reminder.message_id)}, ${app.clock.now().toISOString()})`.execute(app.database.db);
    const reply = await harness.exchange(1006, () =>
      fake.sendUserMessage({
        userId: 1006,
        text: "dạ đang làm 70% ạ",
        replyToMessageId: reminder.message_id,
        date: nowSeconds(),
      }),
    );
    expect(reply.text).toContain("Đã ghi nhận III.4: đang thực hiện 70%");
  });

  it("asks which task when the message names none, with a button per open task", async () => {
    await link(1007, "so-y-te");
    const question = await harness.exchange(1007, () =>
      harness.fake.sendUserMessage({ userId: 1007, text: "xong rồi ạ", date: nowSeconds() }),
    );
    expect(question.text).toContain("nhiệm vụ nào");
    expect(await storedUpdates()).toEqual([]);
    const data = buttonData(question.replyMarkup);
    const iii4 = data.find((entry) => decodeButton(entry)?.action === "pick");
    expect(iii4).toBeDefined();
    const confirmed = await harness.exchange(1007, () =>
      harness.fake.pressButton({ userId: 1007, messageId: question.messageId, data: iii4 ?? "" }),
    );
    expect(confirmed.text).toContain("Đã ghi nhận");
    const [update] = await storedUpdates();
    expect(update?.status).toBe("done");
    expect(update?.raw_text).toBe("xong rồi ạ");
  });

  it("runs the button flow: Đang làm, then a percentage button or a typed number", async () => {
    await link(1008, "so-y-te");
    const list = await harness.exchange(1008, () =>
      harness.fake.sendUserMessage({ userId: 1008, text: "/conlai", date: nowSeconds() }),
    );
    expect(list.text).toContain("chưa báo cáo Quý I/2020");
    const doing = buttonData(list.replyMarkup).filter((entry) => decodeButton(entry)?.action === "doing");
    expect(doing.length).toBeGreaterThan(1);
    const ask = await harness.exchange(1008, () =>
      harness.fake.pressButton({ userId: 1008, messageId: list.messageId, data: doing[0] ?? "" }),
    );
    expect(ask.text).toContain("bao nhiêu phần trăm");
    const percent = buttonData(ask.replyMarkup).find((entry) => decodeButton(entry)?.value === 50);
    const confirmed = await harness.exchange(1008, () =>
      harness.fake.pressButton({ userId: 1008, messageId: ask.messageId, data: percent ?? "" }),
    );
    expect(confirmed.text).toContain("đang thực hiện 50%");

    await harness.exchange(1008, () =>
      harness.fake.pressButton({ userId: 1008, messageId: list.messageId, data: doing[1] ?? "" }),
    );
    expect(await harness.say(1008, "80")).toContain("đang thực hiện 80%");

    const blocked = buttonData(list.replyMarkup).filter((entry) => decodeButton(entry)?.action === "blocked");
    const why = await harness.exchange(1008, () =>
      harness.fake.pressButton({ userId: 1008, messageId: list.messageId, data: blocked[2] ?? "" }),
    );
    expect(why.text).toContain("đang vướng gì");
    expect(await harness.say(1008, "chưa có máy chủ")).toContain("vướng: chưa có máy chủ");

    const updates = await storedUpdates();
    expect(updates.map((u) => [u.status, u.progress, u.blocker])).toEqual([
      ["in_progress", 50, null],
      ["in_progress", 80, null],
      ["blocked", null, "chưa có máy chủ"],
    ]);
  });

  it("asks about a percentage over 100, records what else was said, and keeps it with the answer", async () => {
    await link(1013, "so-tttt");
    const asked = await harness.exchange(1013, () =>
      harness.fake.sendUserMessage({ userId: 1013, text: "II.10 đang làm 150%", date: nowSeconds() }),
    );
    expect(asked.text).toContain("✅ Đã ghi nhận II.10: đang thực hiện\n");
    expect(asked.text).toContain("II.10: 150% vượt quá 100% nên chưa ghi tiến độ");
    expect(buttonData(asked.replyMarkup).map((data) => decodeButton(data))).toMatchObject([
      { action: "done" },
      { action: "percent", value: 25 },
      { action: "percent", value: 50 },
      { action: "percent", value: 75 },
    ]);
    expect(await harness.say(1013, "60")).toContain("Đã ghi nhận II.10: đang thực hiện 60%");

    // An obstacle said with the figure stays with the percentage tapped afterwards.
    const blocked = await harness.exchange(1013, () =>
      harness.fake.sendUserMessage({ userId: 1013, text: "II.2 vướng kinh phí, 150%", date: nowSeconds() }),
    );
    expect(blocked.text).toContain("Đã ghi nhận II.2: vướng: kinh phí");
    const fifty = buttonData(blocked.replyMarkup).find((data) => decodeButton(data)?.value === 50);
    const tapped = await harness.exchange(1013, () =>
      harness.fake.pressButton({ userId: 1013, messageId: blocked.messageId, data: fifty ?? "" }),
    );
    expect(tapped.text).toContain("Đã ghi nhận II.2: đang thực hiện 50%, vướng: kinh phí");

    // Only the figure: nothing is stored until the answer; "xong" answers for the task asked about.
    const only = await harness.say(1013, "II.9 đạt 120%");
    expect(only).not.toContain("Đã ghi nhận");
    expect(only).toContain("II.9: 120% vượt quá 100%");
    expect(await harness.say(1013, "xong")).toContain("Đã ghi nhận II.9: hoàn thành");

    // With a done claim, over 100% is an overshoot: done, and the confirmation says so.
    expect(await harness.say(1013, "II.1 hoàn thành 120% kế hoạch")).toContain(
      "Đã ghi nhận II.1: hoàn thành (120% vượt quá 100%: đã ghi là hoàn thành.)",
    );

    const updates = await storedUpdates();
    expect(updates.map((u) => [u.code, u.status, u.progress, u.blocker])).toEqual([
      ["II.10", "in_progress", null, null],
      ["II.10", "in_progress", 60, null],
      ["II.2", "blocked", null, "vướng kinh phí"],
      ["II.2", "blocked", 50, "vướng kinh phí"],
      ["II.9", "done", null, null],
      ["II.1", "done", null, null],
    ]);
    expect(updates.every((u) => u.progress === null || u.progress <= 100)).toBe(true);
  });

  it("reads a date already past in a done message as when it was finished, not as next year's", async () => {
    harness.app.clock.set(new Date("2020-07-05T02:00:00Z"));
    await link(1014, "so-tttt");
    const done = await harness.say(1014, "II.1 xong 30/6");
    expect(done).toContain("Đã ghi nhận II.1: hoàn thành\n");
    expect(done).not.toContain("dự kiến");
    expect(await harness.say(1014, "II.9 xong 30/7")).toContain(
      "Đã ghi nhận II.9: đang thực hiện, dự kiến xong 30/07/2020",
    );
    expect((await storedUpdates()).map((u) => [u.code, u.status, u.eta])).toEqual([
      ["II.1", "done", null],
      ["II.9", "in_progress", "2020-07-30"],
    ]);
  });

  it("stores a long obstacle whole and shows it capped with «…»", async () => {
    await link(1015, "so-tttt");
    const reason =
      "kinh phí, nhân lực và mặt bằng. Sở Tài chính chưa thẩm định dự toán, UBND tỉnh chưa phân bổ " +
      "vốn cho hạng mục máy chủ và phần mềm dùng chung";
    const answer = await harness.say(1015, `II.2 đang làm 30%, vướng ${reason}`);
    const line = /^✅ Đã ghi nhận II\.2: đang thực hiện 30%, vướng: (.*)$/m.exec(answer)?.[1] ?? "";
    expect(line.endsWith("…")).toBe(true);
    expect(reason.startsWith(line.slice(0, -1))).toBe(true);
    expect(line.length).toBeLessThanOrEqual(100);
    const [update] = await storedUpdates();
    expect(update?.blocker).toBe(`vướng ${reason}`);
  });

  it("says a forged or stale button has expired", async () => {
    await link(1009, "so-y-te");
    const sent = await harness.telegram.bot.api.sendMessage(1009, "cũ");
    const answer = await harness.exchange(1009, () =>
      harness.fake.pressButton({ userId: 1009, messageId: sent.message_id, data: "u:d:999999" }),
    );
    expect(answer.text).toContain("hết hạn");
  });

  it("records an edited message as a correction of the same update", async () => {
    await link(1010, "so-tttt");
    const sent = harness.fake.sendUserMessage({
      userId: 1010,
      text: "II.2 đang làm 40%",
      date: nowSeconds(),
    });
    await harness.fake.waitForMessage(1010, (m) => (m.text ?? "").includes("40%"), 10_000);
    const messageId = sent.message?.message_id ?? 0;
    const corrected = await harness.exchange(1010, () =>
      harness.fake.editUserMessage({ userId: 1010, messageId, text: "II.2 đang làm 45%" }),
    );
    expect(corrected.text).toContain("Đã sửa");
    expect(corrected.text).toContain("45%");
    const updates = await storedUpdates();
    expect(updates.map((u) => [u.progress, u.revision])).toEqual([
      [40, 0],
      [45, 1],
    ]);
    expect(updates[0]?.message_key).toBe(updates[1]?.message_key);
  });

  it("processes an update delivered twice by the platform only once", async () => {
    await link(1011, "so-tttt");
    const first = harness.fake.sendUserMessage({ userId: 1011, text: "II.10 xong", date: nowSeconds() });
    await harness.fake.waitForMessage(1011, (m) => (m.text ?? "").includes("II.10"), 10_000);
    const before = harness.fake.sentMessages(1011).length;
    harness.fake.enqueueRawUpdate({ ...first });
    // A later message proves the redelivered one has been handled by then (one chat is sequential).
    expect(await harness.say(1011, "/trogiup")).toContain("/nhiemvu");
    expect(harness.fake.sentMessages(1011).length).toBe(before + 1);
    expect((await storedUpdates()).filter((u) => u.code === "II.10")).toHaveLength(1);
  });

  it("a new message whose update id Telegram reused after a quiet week is stored and confirmed", async () => {
    await link(1013, "so-tttt");
    expect(await harness.say(1013, "II.10 đang làm 40%")).toContain("II.10");
    // Telegram a week later: update ids start again, the chat's message ids go on.
    harness.app.clock.set(new Date(harness.app.clock.now().getTime() + 8 * 86_400_000));
    await harness.restart({ firstMessageId: 1000 });
    // Update 1 was the /start; update 2, the first update's id, comes round again with "xong".
    expect(await harness.say(1013, "/trogiup")).toContain("/nhiemvu");
    const reused = await harness.say(1013, "II.10 xong");
    expect(reused).toContain("Đã ghi nhận II.10");
    expect((await storedUpdates()).filter((u) => u.code === "II.10").map((u) => u.status)).toEqual([
      "in_progress",
      "done",
    ]);
  });

  it("reads a photo's caption as an update and answers a sticker with a hint", async () => {
    await link(1012, "so-tttt");
    const from = { id: 1012, is_bot: false, first_name: "Cán bộ" };
    const chat = { id: 1012, type: "private" as const, first_name: "Cán bộ" };
    const photo = [{ file_id: "p1", file_unique_id: "u1", width: 10, height: 10 }];
    const captioned = await harness.exchange(1012, () =>
      harness.fake.enqueueRawUpdate({
        message: {
          message_id: 900,
          date: nowSeconds(),
          chat,
          from,
          photo,
          caption: "II.9 xong, ảnh biên bản",
        },
      }),
    );
    expect(captioned.text).toContain("Đã ghi nhận II.9: hoàn thành");
    const sticker = await harness.exchange(1012, () =>
      harness.fake.enqueueRawUpdate({
        message: {
          message_id: 901,
          date: nowSeconds(),
          chat,
          from,
          sticker: {
            file_id: "s1",
            file_unique_id: "s1",
            type: "regular",
            width: 1,
            height: 1,
            is_animated: false,
            is_video: false,
          },
        },
      }),
    );
    expect(sticker.text).toContain("chỉ đọc được tin nhắn chữ");
    expect((await storedUpdates()).map((u) => u.code)).toEqual(["II.9"]);
  });
});
