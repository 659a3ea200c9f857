// Migration 0007 moves each outbox row's content into outbox_texts, one row per distinct content, and
// the rows planned before it keep working: delivered with their text, and a reply finds their tasks.
import { join } from "node:path";
import { type Migration, Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import * as init from "../../migrations/0001_init.ts";
import * as outbox from "../../migrations/0002_outbox.ts";
import * as assignmentSent from "../../migrations/0003_status_updates_assignment_sent.ts";
import * as sendLease from "../../migrations/0004_send_lease.ts";
import * as chatChoices from "../../migrations/0005_chat_choices.ts";
import * as personChannels from "../../migrations/0006_person_channels.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrator.ts";
import { assignmentsOfSentMessage, claimDueOutbox } from "../../src/store/outbox.ts";
import { tempDirectory } from "../support/test-app.ts";

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
});

const BEFORE_0007: Record<string, Migration> = {
  "0001_init": init,
  "0002_outbox": outbox,
  "0003_status_updates_assignment_sent": assignmentSent,
  "0004_send_lease": sendLease,
  "0005_chat_choices": chatChoices,
  "0006_person_channels": personChannels,
};

const AT = "2020-03-13T01:00:00.000Z";
const REMINDER = JSON.stringify({
  text: "⏰ Nhắc báo cáo Quý I/2020",
  buttons: [[{ label: "✅", data: "u:d:7" }]],
});

describe("migration 0007: outbox contents stored once", () => {
  it("carries every row's content over, one stored text per distinct content, and the rows still deliver", async () => {
    handle = openDatabase(`sqlite:${join(tempDirectory(), "old.sqlite")}`, { create: true });
    const db = handle.db;
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => BEFORE_0007 },
    }).migrateToLatest();
    expect(error).toBeUndefined();
    for (const id of [1, 2, 3, 4]) {
      await sql`insert into people (id, name, role, created_at) values (${id}, ${`Cán bộ ${id}`}, 'official', ${AT})`.execute(
        db,
      );
      await sql`insert into channel_accounts (id, person_id, channel, external_user_id, chat_id, linked_at)
        values (${id}, ${id}, 'telegram', ${String(600 + id)}, ${String(600 + id)}, ${AT})`.execute(db);
    }
    // Three officials of one agency got the same reminder (one already sent), the fourth a nudge.
    const old = [
      { id: 1, payload: REMINDER, ids: "[7,8]", status: "sent", message: "41" },
      { id: 2, payload: REMINDER, ids: "[7,8]", status: "pending", message: null },
      { id: 3, payload: REMINDER, ids: "[7,8]", status: "pending", message: null },
      { id: 4, payload: JSON.stringify({ text: "🔔 Nhắc" }), ids: "[9]", status: "pending", message: null },
    ];
    for (const row of old) {
      await sql`insert into outbox (key, kind, person_id, account_id, channel, chat_id, payload, assignment_ids,
          period_key, status, next_attempt_at, created_at, platform_message_id)
        values (${`k${row.id}`}, 'reminder', ${row.id}, ${row.id}, 'telegram', ${String(600 + row.id)},
          ${row.payload}, ${row.ids}, '2020-Q1', ${row.status}, ${AT}, ${AT}, ${row.message})`.execute(db);
    }

    expect((await migrateToLatest(db)).applied).toContain("0007_outbox_texts");

    const texts = await db.selectFrom("outbox_texts").select(["id", "payload", "assignment_ids"]).execute();
    expect(texts).toHaveLength(2);
    const rows = await db.selectFrom("outbox").select(["key", "text_id"]).orderBy("key").execute();
    expect(new Set(rows.slice(0, 3).map((row) => row.text_id)).size).toBe(1);
    expect(rows[3]?.text_id).not.toBe(rows[0]?.text_id);

    const claimed = await claimDueOutbox(db, {
      token: "drain",
      dueAt: new Date(AT),
      claimedAt: new Date(AT),
      staleBefore: new Date(0),
      channels: ["telegram"],
      limit: 10,
    });
    expect(claimed.map((row) => [row.key, row.payload, row.assignmentIds])).toEqual([
      ["k2", JSON.parse(REMINDER), [7, 8]],
      ["k3", JSON.parse(REMINDER), [7, 8]],
      ["k4", { text: "🔔 Nhắc" }, [9]],
    ]);
    expect(await assignmentsOfSentMessage(db, "telegram", "601", "41")).toEqual([7, 8]);
  });
});
