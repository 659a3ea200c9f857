// Every outbox key, built here only: a key makes a planned message unique (insert-or-ignore), so it
// decides what "planned once" means, whoever plans it and however often.

/** The hour a nudge falls in (UTC): two coordinators pressing within it plan one nudge. */
function hourBucket(at: Date): string {
  return at.toISOString().slice(0, 13);
}

export const outboxKeys = {
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
