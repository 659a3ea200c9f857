import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { groupedWriteTransaction } from "../db/write-groups.ts";
import type { ReportingPeriod } from "../domain/calendar.ts";
import { statusWithProgress, type UpdateContent } from "../domain/progress-status.ts";
import type { ChannelName } from "../domain/vocabulary.ts";
import type { AssignmentRef } from "../store/assignments.ts";
import { claimInboundUpdate } from "../store/inbound-updates.ts";
import type { LinkedPerson } from "../store/people.ts";
import { appendMessageUpdates } from "../store/status-updates.ts";

export interface ReportSource {
  person: LinkedPerson;
  channel: ChannelName;
  chatId: string;
  messageId: string | null;
  /** One key per message; an edit of the message reuses it and adds a higher revision. */
  messageKey: string;
  /** What identifies the platform's event (chat and message, a button press); seen twice, stored once. */
  updateKey: string | null;
  rawText: string;
  sentAt: Date;
}

// A redelivery comes within Telegram's 24 hours of keeping an update; a key seen longer ago than
// this is a new event that happens to share it, and is stored.
const DUPLICATE_WINDOW_MS = 7 * 86_400_000;

export type RecordOutcome =
  | { kind: "stored"; period: ReportingPeriod; ids: number[] }
  | { kind: "duplicate" };

/** The stored status follows the one progress rule (README: status updates), whatever words or buttons gave the content. */
export function normalizeContent(content: UpdateContent): UpdateContent {
  return { ...content, status: statusWithProgress(content.status, content.progress) };
}

/**
 * Stores a message's updates in one transaction, before anything is acknowledged (with the other
 * messages ready at the same time: db/write-groups.ts). The platform's update id is claimed in the
 * same transaction, so a redelivery stores nothing twice. `period` is the one containing the
 * message's `sentAt` (the calendar's cached periodContaining: services/calendar-rules.ts).
 */
export function recordUpdates(
  db: Kysely<Database>,
  source: ReportSource,
  items: { assignment: AssignmentRef; content: UpdateContent }[],
  period: ReportingPeriod,
  now: Date,
): Promise<RecordOutcome> {
  return groupedWriteTransaction(db, async (trx) => {
    if (source.updateKey !== null) {
      const event = { channel: source.channel, updateKey: source.updateKey };
      const seenSince = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
      if (!(await claimInboundUpdate(trx, event, now, seenSince))) return { kind: "duplicate" as const };
    }
    const { ids } = await appendMessageUpdates(
      trx,
      items.map(({ assignment, content }) => ({
        assignmentId: assignment.assignmentId,
        personId: source.person.personId,
        channel: source.channel,
        chatId: source.chatId,
        messageId: source.messageId,
        messageKey: source.messageKey,
        rawText: source.rawText,
        ...normalizeContent(content),
        sentAt: source.sentAt,
        periodKey: period.key,
      })),
      now,
    );
    return { kind: "stored" as const, period, ids };
  });
}
