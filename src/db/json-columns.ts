// What each JSON text column holds, in one place: its shape (a zod schema; the stored-only shapes'
// types are inferred from it) and its codec. Every read goes through `decode`, which checks the value
// and fails naming the table and column, so a hand-edited or corrupted row is found where it lies
// instead of breaking something later; every write goes through `encode`.
import { z } from "zod";
import type { UpdateContent } from "../domain/progress-status.ts";
import { AGENCY_GROUPS, AGENCY_KINDS, UPDATE_STATUSES } from "../domain/vocabulary.ts";
import { errorLine } from "../error-text.ts";
import type { Database } from "./schema.ts";

/** A JSON column's value that does not have the column's shape. */
export class JsonColumnError extends Error {
  constructor(
    readonly table: string,
    readonly column: string,
    problem: string,
  ) {
    super(`The database holds a malformed value in ${table}.${column}: ${problem}`);
    this.name = "JsonColumnError";
  }
}

export interface JsonColumn<T> {
  decode(text: string): T;
  encode(value: T): string;
}

function jsonColumn<Table extends keyof Database, T>(
  table: Table,
  column: keyof Database[Table] & string,
  schema: z.ZodType<T>,
): JsonColumn<T> {
  return {
    decode(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new JsonColumnError(table, column, `not JSON (${errorLine(error)})`);
      }
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
      throw new JsonColumnError(table, column, `${issue?.message ?? "invalid"}${where}`);
    },
    encode: (value) => JSON.stringify(value),
  };
}

const ids = z.array(z.number().int());

const updateStatus = z.enum(UPDATE_STATUSES);

const pendingUpdate = z.object({
  status: updateStatus.nullable(),
  progress: z.number().nullable(),
  blocker: z.string().nullable(),
  eta: z.string().nullable(),
  /** A percentage over 100 the bot must still ask about (absent in states saved before it existed). */
  progressOver100: z.number().nullable().optional(),
}) satisfies z.ZodType<UpdateContent>;

const pendingAnswer = z.discriminatedUnion("kind", [
  /** `base`: what the message that stated a progress over 100 said besides, kept with the answer. */
  z.object({ kind: z.literal("progress"), assignmentId: z.number().int(), base: pendingUpdate.optional() }),
  z.object({ kind: z.literal("blocker"), assignmentId: z.number().int() }),
  z.object({
    kind: z.literal("pick_task"),
    updates: z.array(pendingUpdate),
    rawText: z.string(),
    sentAt: z.string(),
    messageKey: z.string(),
    /** The assignments offered, in order, for paging the choice (absent in rows saved before). */
    candidates: ids.optional(),
  }),
  /** The figure of an indicator chosen in /chitieu (or out of range), asked for. */
  z.object({ kind: z.literal("indicator_value"), indicatorId: z.number().int() }),
]);

/** One status update held while the bot asks a question about it. */
export type PendingUpdate = z.infer<typeof pendingUpdate>;
/** A question the bot asked and waits on, per chat account. */
export type PendingAnswer = z.infer<typeof pendingAnswer>;

const outboxPayload = z.object({
  text: z.string(),
  buttons: z.array(z.array(z.object({ label: z.string(), data: z.string() }))).optional(),
});

/** What a scheduled message says; channels render it like a conversational reply. */
export type OutboxPayload = z.infer<typeof outboxPayload>;

/** The plan's "thời gian thực hiện" cells of a task, as written (the non-empty ones). */
export const taskTimeframes = jsonColumn("tasks", "timeframes", z.array(z.string()));
/** The collective names a task's lead cell used, so agencies registered later are assigned too. */
export const taskLeadGroups = jsonColumn("tasks", "lead_groups", z.array(z.enum(AGENCY_GROUPS)));
export const taskActiveYears = jsonColumn("tasks", "active_years", ids);
export const agencyGroupKinds = jsonColumn("agency_groups", "kinds", z.array(z.enum(AGENCY_KINDS)));
export const outboxPayloadColumn = jsonColumn("outbox_texts", "payload", outboxPayload);
export const outboxAssignmentIds = jsonColumn("outbox_texts", "assignment_ids", ids);
/** The assignments of the last list the bot showed, in order ("#3" is the third). */
export const conversationLastList = jsonColumn("conversation_state", "last_list", ids);
export const conversationPending = jsonColumn("conversation_state", "pending", pendingAnswer);
/** The buttons behind a chat's numbered choices, in order ("1" is the first). */
export const chatChoiceButtons = jsonColumn(
  "chat_choices",
  "buttons",
  z.array(z.object({ label: z.string(), data: z.string() })),
);
/** Free-form facts about an audited change, for people reading the log: any JSON. */
export const auditDetails = jsonColumn("audit_log", "details", z.unknown());
