import type { ReplyButton } from "../conversation/types.ts";
import type { ChannelName } from "../store/people.ts";

export type OutboxKind = "reminder" | "overdue" | "summary" | "weekly" | "nudge" | "unreachable";

/** What a scheduled message says; channels render it like a conversational reply. */
export interface OutboxPayload {
  text: string;
  buttons?: ReplyButton[][];
}

/**
 * A message planned for delivery. `key` is unique: planning the same message twice (two ticks at
 * one instant, two bot instances) inserts it once.
 */
export interface NewOutboxMessage {
  key: string;
  kind: OutboxKind;
  personId: number;
  accountId: number;
  channel: ChannelName;
  chatId: string;
  payload: OutboxPayload;
  /** The assignments the message is about, so a reply to it can refer to them. */
  assignmentIds: number[];
  periodKey: string | null;
  notBefore: Date;
  /** Not sent after this instant (a reminder after its deadline); recorded as skipped instead. */
  expiresAt?: Date | null;
}
