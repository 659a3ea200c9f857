import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseKind } from "../../src/db/database.ts";
import {
  agencyGroupKinds,
  auditDetails,
  conversationLastList,
  conversationPending,
  type JsonColumn,
  JsonColumnError,
  outboxAssignmentIds,
  outboxPayloadColumn,
  taskActiveYears,
  taskLeadGroups,
  taskTimeframes,
} from "../../src/db/json-columns.ts";
import type { IncomingMessage } from "../../src/messages.ts";
import { expandGroupLeads } from "../../src/services/agency-directory.ts";
import { loadConversationState } from "../../src/store/conversation-state.ts";
import { linkCoordinator, linkOfficial, localMorning, planAt } from "../support/planner-fixtures.ts";
import { describeEachDatabase } from "../support/postgres-database.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
});

async function say(testApp: TestApp, chatId: string, text: string): Promise<string> {
  const message: IncomingMessage = {
    channel: "telegram",
    userId: chatId,
    chatId,
    displayName: chatId,
    text,
    messageId: `m-${chatId}-${text}`,
    sentAt: testApp.clock.now(),
    replyToMessageId: null,
  };
  return (await testApp.conversation.handle(message)).map((reply) => reply.text).join("\n");
}

/** Decoding then encoding keeps every stored value whole (key order aside). */
function expectRoundTrips<T>(column: JsonColumn<T>, texts: (string | null)[]): void {
  const stored = texts.filter((text): text is string => text !== null);
  expect(stored.length).toBeGreaterThan(0);
  for (const text of stored) expect(JSON.parse(column.encode(column.decode(text)))).toEqual(JSON.parse(text));
}

/** An app whose every JSON column holds rows its own code wrote: plan, reminders, a chat in progress. */
async function appWithEveryColumnWritten(database: DatabaseKind): Promise<TestApp> {
  const testApp = await createTestApp({ at: "2020-03-10T02:00:00Z", database });
  await linkOfficial(testApp, "so-tttt", "701");
  await linkOfficial(testApp, "so-tttt", "702");
  await linkCoordinator(testApp, "703");
  await planAt(testApp, localMorning("2020-03-13"));
  await say(testApp, "701", "/nhiemvu");
  // No task named: the bot asks which one and keeps the update pending.
  await say(testApp, "701", "đang làm 60%, vướng kinh phí");
  // Over 100 %: the bot asks again and keeps what else was said.
  await say(testApp, "702", "II.9 được 150%, vướng kinh phí");
  return testApp;
}

describeEachDatabase(
  "JSON columns: what the app stores reads back through one decoder per column",
  (database) => {
    it("every decoder round-trips its encoder on the rows a real app wrote", async () => {
      app = await appWithEveryColumnWritten(database);
      const db = app.database.db;
      const tasks = await db
        .selectFrom("tasks")
        .select(["timeframes", "lead_groups", "active_years"])
        .execute();
      expectRoundTrips(
        taskTimeframes,
        tasks.map((row) => row.timeframes),
      );
      expectRoundTrips(
        taskLeadGroups,
        tasks.map((row) => row.lead_groups).filter((text) => text !== "[]"),
      );
      expectRoundTrips(
        taskActiveYears,
        tasks.map((row) => row.active_years),
      );
      const groups = await db.selectFrom("agency_groups").select("kinds").execute();
      expectRoundTrips(
        agencyGroupKinds,
        groups.map((row) => row.kinds),
      );
      const outbox = await db.selectFrom("outbox_texts").select(["payload", "assignment_ids"]).execute();
      // Reminders with their buttons, and the coordinator's summary without.
      expect(outbox.some((row) => outboxPayloadColumn.decode(row.payload).buttons !== undefined)).toBe(true);
      expectRoundTrips(
        outboxPayloadColumn,
        outbox.map((row) => row.payload),
      );
      expectRoundTrips(
        outboxAssignmentIds,
        outbox.map((row) => row.assignment_ids),
      );
      const states = await db.selectFrom("conversation_state").select(["last_list", "pending"]).execute();
      expectRoundTrips(
        conversationLastList,
        states.map((row) => row.last_list),
      );
      const pending = states.flatMap((row) => (row.pending ? [conversationPending.decode(row.pending)] : []));
      expect(pending.map((answer) => answer.kind).sort()).toEqual(["pick_task", "progress"]);
      expectRoundTrips(
        conversationPending,
        states.map((row) => row.pending),
      );
      const audit = await db.selectFrom("audit_log").select("details").execute();
      expectRoundTrips(
        auditDetails,
        audit.map((row) => row.details),
      );
    });

    it("a value of the wrong shape fails naming its table and column, where the code reads it", async () => {
      app = await createTestApp({ at: "2020-03-10T02:00:00Z", database });
      const db = app.database.db;
      await db
        .updateTable("tasks")
        .set({ lead_groups: '["all_agencies"]' })
        .where("code", "=", "II.6")
        .execute();
      const expanding = expandGroupLeads(db, app.clock.now());
      await expect(expanding).rejects.toThrow(JsonColumnError);
      await expect(expanding).rejects.toThrow(/malformed value in tasks\.lead_groups: .* at 0$/);
    });

    it("text that is not JSON fails naming its table and column", async () => {
      app = await createTestApp({ at: "2020-03-10T02:00:00Z", database });
      const official = await linkOfficial(app, "so-tttt", "711");
      await say(app, "711", "/nhiemvu");
      await app.database.db
        .updateTable("conversation_state")
        .set({ pending: '{"kind": "progress", "assignmentId": 3' })
        .where("account_id", "=", official.accountId)
        .execute();
      await expect(loadConversationState(app.database.db, official.accountId)).rejects.toThrow(
        /^The database holds a malformed value in conversation_state\.pending: not JSON \(/,
      );
    });
  },
);

describe("JSON columns: the decoders", () => {
  it("each decoder checks the words and numbers inside, not only the JSON", () => {
    expect(() => outboxAssignmentIds.decode("[1, 2.5]")).toThrow(/outbox_texts\.assignment_ids: .* at 1$/);
    expect(() => agencyGroupKinds.decode('["ministry"]')).toThrow(/agency_groups\.kinds/);
    expect(() => outboxPayloadColumn.decode('{"buttons": []}')).toThrow(/outbox_texts\.payload: .* at text$/);
    expect(() =>
      conversationPending.decode(
        '{"kind": "pick_task", "updates": [{"status": "finished", "progress": null, "blocker": null, "eta": null}], "rawText": "x", "sentAt": "2020-03-10T02:00:00.000Z", "messageKey": "k"}',
      ),
    ).toThrow(/conversation_state\.pending: .* at updates\.0\.status$/);
    expect(conversationPending.decode('{"kind": "blocker", "assignmentId": 7}')).toEqual({
      kind: "blocker",
      assignmentId: 7,
    });
  });
});
