// Every outbox key, built here only: a key makes a planned message unique (insert-or-ignore), so it
// decides what "planned once" means, whoever plans it and however often.
import type { ChannelName } from "./vocabulary.ts";

/** The hour a nudge falls in (UTC): two coordinators pressing within it plan one nudge. */
function hourBucket(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/**
 * A round's messages (one reminder of a period, its overdue notice…) share a key prefix, followed by
 * the person's id: the planner asks the database which people lack it (`accountsLackingKey`).
 */
export const roundKeyPrefixes = {
  reminder: (period: string, offset: number) => `reminder:${period}:d${offset}:p`,
  unreachable: (period: string, offset: number) => `unreachable:${period}:d${offset}:p`,
  overdue: (period: string) => `overdue:${period}:p`,
  summary: (period: string) => `summary:${period}:p`,
  weekly: (period: string, localDate: string) => `weekly:${period}:${localDate}:p`,
};

/**
 * Scheduled messages are keyed per person (the functions below), then per channel (`onChannel`):
 * a person linked on Telegram and Zalo gets each once on each. Rows planned before people had two
 * channels carry the bare person key; the planner treats one as planned on every channel.
 */
export const outboxKeys = {
  onChannel: (personKey: string, channel: ChannelName) => `${personKey}:${channel}`,
  /** A person's key in a round. */
  ofPerson: (roundPrefix: string, personId: number) => `${roundPrefix}${personId}`,
  nudge: (agencyId: number, at: Date, accountId: number) =>
    `nudge:${agencyId}:${hourBucket(at)}:${accountId}`,
};
