// Every query a person's message runs (a status update, a reply to a reminder, "#n", buttons, and the
// per-person and per-agency commands) finds its rows through an index: SQLite's EXPLAIN QUERY PLAN
// of each never scans a table that grows with the country (assignments, status updates, the outbox,
// tasks, people and their accounts, the log of handled updates, the audit log). Who is behind across
// all agencies, "nhiệm vụ II.2 thế nào?" (every lead agency's standing on a task, drawn from it) and
// the quarter's report read every assignment by design, and are left out. SQLite plans without statistics (no ANALYZE), so a small database plans
// as a big one would.
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IncomingButton, IncomingMessage, Reply } from "../../src/messages.ts";
import { encodeButton } from "../../src/texts/callback-data.ts";
import { linkCoordinator, linkOfficial } from "../support/planner-fixtures.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const BIG_TABLES = [
  "assignments",
  "status_updates",
  "outbox",
  "tasks",
  "people",
  "channel_accounts",
  "inbound_updates",
  "audit_log",
  "conversation_state",
];

let app: TestApp;
let messageId = 0;

beforeEach(async () => {
  app = await createTestApp({ at: "2020-03-10T02:00:00Z" });
});
afterEach(async () => {
  await app.dispose();
});

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements `work` ran. */
async function statementsOf(work: () => Promise<unknown>): Promise<Statement[]> {
  const monitor = app.database.statements;
  if (monitor === null) throw new Error("the test app runs on SQLite");
  const statements: Statement[] = [];
  const stop = monitor.watch((sql, parameters) => statements.push({ sql, parameters }));
  try {
    await work();
  } finally {
    stop();
  }
  return statements;
}

function say(chatId: string, text: string, extra: Partial<IncomingMessage> = {}): Promise<Reply[]> {
  messageId++;
  return app.conversation.handle({
    channel: "telegram",
    userId: chatId,
    chatId,
    displayName: `Người ${chatId}`,
    text,
    messageId: String(messageId),
    sentAt: app.clock.now(),
    replyToMessageId: null,
    updateKey: `msg:${chatId}:${messageId}`,
    ...extra,
  });
}

function press(chatId: string, data: string): Promise<Reply[]> {
  const button: IncomingButton = {
    channel: "telegram",
    userId: chatId,
    chatId,
    displayName: `Người ${chatId}`,
    data,
    pressId: `press-${data}`,
    messageId: null,
    pressedAt: app.clock.now(),
  };
  return app.conversation.handleButton(button);
}

/** Table name of every alias in a statement ("status_updates u", "assignments as a"). */
function aliasesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  const pattern = /\b"?(\w+)"?\s+(?:as\s+)?"?(\w+)"?/gi;
  for (const match of sql.matchAll(pattern)) {
    const [, table, alias] = match;
    if (table !== undefined && alias !== undefined && BIG_TABLES.includes(table)) aliases.set(alias, table);
  }
  return aliases;
}

/** The plan lines of the statements that scan a big table, each with its statement. */
function fullScans(statements: Statement[]): string[] {
  const explain = new SQLite(app.databasePath, { readonly: true });
  try {
    const found = new Set<string>();
    for (const { sql, parameters } of statements) {
      if (!/^\s*(select|insert|update|delete|with)\b/i.test(sql)) continue;
      const plan = explain.prepare(`explain query plan ${sql}`).all(parameters) as { detail: string }[];
      const aliases = aliasesOf(sql);
      for (const { detail } of plan) {
        const scanned = /^SCAN (?:TABLE )?"?(\w+)"?/.exec(detail)?.[1];
        if (scanned === undefined) continue;
        const table = BIG_TABLES.includes(scanned) ? scanned : aliases.get(scanned);
        if (table !== undefined) found.add(`${detail} in: ${sql.replace(/\s+/g, " ").trim()}`);
      }
    }
    return [...found];
  } finally {
    explain.close();
  }
}

describe("the chat path's queries seek through indexes", () => {
  it("an official's messages, commands and buttons", async () => {
    await linkOfficial(app, "so-tttt", "501");
    const assignment = await app.database.db
      .selectFrom("assignments")
      .innerJoin("tasks", "tasks.id", "assignments.task_id")
      .innerJoin("agencies", "agencies.id", "assignments.agency_id")
      .select("assignments.id")
      .where("tasks.code", "=", "II.2")
      .where("agencies.code", "=", "so-tttt")
      .executeTakeFirstOrThrow();
    const button = (action: "done" | "doing" | "blocked") =>
      press("501", encodeButton({ action, assignmentId: assignment.id }));
    const statements = await statementsOf(async () => {
      await say("501", "II.2 đang làm 60%, vướng kinh phí");
      await say("501", "II.2 xong", { isEdit: true, messageId: String(messageId), updateKey: "edit:501:x" });
      await say("501", "II.9 xong; II.6 đang làm 20%");
      await say("501", "I.1 xong"); // another agency's task: refused, naming its leads
      await say("501", "IX.9 xong"); // no such task
      await say("501", "/nhiemvu");
      await say("501", "#2 xong");
      await say("501", "/conlai");
      await say("501", "xong"); // names no task: the bot asks which
      await say("501", "II.10");
      await say("501", "/capnhat II.6 đang làm 40%");
      await say("501", "II.10 đang làm 150%"); // over 100: asked
      await say("501", "80");
      await button("done");
      await button("doing");
      await say("501", "70");
      await button("blocked");
      await say("501", "chờ kinh phí");
      await say("501", "/vang 15/3");
      await say("501", "/vang");
      await say("501", "/vang huy");
      await say("501", "/kenh");
      await say("501", "/trogiup");
      await say("501", "xin chào");
    });
    expect(statements.length).toBeGreaterThan(50);
    expect(fullScans(statements)).toEqual([]);
  });

  it("a reply to a reminder", async () => {
    await linkOfficial(app, "so-tttt", "502");
    const statements = await statementsOf(() => say("502", "II.2 xong", { replyToMessageId: "77" }));
    expect(fullScans(statements)).toEqual([]);
  });

  it("a coordinator asking about one agency, and nudging it", async () => {
    await linkOfficial(app, "so-tttt", "503");
    await linkCoordinator(app, "900");
    const statements = await statementsOf(async () => {
      await say("900", "/tinhhinh Sở Thông tin và Truyền thông");
      await say("900", "tình hình Sở Y tế");
      await say("900", "/nhac Sở Thông tin và Truyền thông");
    });
    expect(fullScans(statements)).toEqual([]);
  });
});
