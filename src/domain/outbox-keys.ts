// Every outbox key, built here only: a key makes a planned message unique (insert-or-ignore), so it
// decides what "planned once" means, whoever plans it and however often.
import type { ChannelName } from "./vocabulary.ts";

/** The hour a nudge falls in (UTC): two coordinators pressing within it plan one nudge. */
function hourBucket(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/**
 * Scheduled messages are keyed per person (the functions below), then per channel (`onChannel`):
 * a person linked on Telegram and Zalo gets each once on each. Rows planned before people had two
 * channels carry the bare person key; the planner treats one as planned on every channel.
 */
export const outboxKeys = {
  onChannel: (personKey: string, channel: ChannelName) => `${personKey}:${channel}`,
  reminder: (period: string, offset: number, personId: number) =>
    `reminder:${period}:d${offset}:p${personId}`,
  unreachable: (period: string, offset: number, personId: number) =>
    `unreachable:${period}:d${offset}:p${personId}`,
  overdue: (period: string, personId: number) => `overdue:${period}:p${personId}`,
  summary: (period: string, personId: number) => `summary:${period}:p${personId}`,
  weekly: (period: string, localDate: string, personId: number) =>
    `weekly:${period}:${localDate}:p${personId}`,
  nudge: (agencyId: number, at: Date, accountId: number) =>
    `nudge:${agencyId}:${hourBucket(at)}:${accountId}`,
};
