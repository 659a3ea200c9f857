import type { OutboxPayload } from "../db/json-columns.ts";
import type { ChannelName, OutboxKind } from "../domain/vocabulary.ts";

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
