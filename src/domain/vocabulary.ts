// The closed sets of words the database stores in its text columns, each listed once. Every layer
// imports them from here (a leaf: it imports nothing), so the table types, the stores, the domain and
// the channels agree on one spelling, and the JSON column decoders validate against the same lists.
// (A status update's UpdateStatus still lives with the status parser.)

export const ROLES = ["official", "coordinator"] as const;
export type Role = (typeof ROLES)[number];

export type ChannelName = "telegram" | "zalo" | "console";

/** Where a person's scheduled messages go (people.scheduled_channel); "both" is every linked channel. */
export const SCHEDULED_CHANNELS = ["telegram", "zalo", "both"] as const;
export type ScheduledChannel = (typeof SCHEDULED_CHANNELS)[number];

/**
 * In the order agency lists show them: departments first. Districts stay for history: the two-level
 * province (from 1/7/2025) has communes and wards (xã, phường) under the province directly.
 */
export const AGENCY_KINDS = ["department", "sector", "district", "commune", "ward", "other"] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The collective names a plan's lead cell may use for a group of agencies (README: the report calendar). */
export const AGENCY_GROUPS = [
  "departments_sectors_localities",
  "departments_sectors",
  "districts",
  "communes",
] as const;
export type AgencyGroup = (typeof AGENCY_GROUPS)[number];

export const OUTBOX_KINDS = ["reminder", "overdue", "summary", "weekly", "nudge", "unreachable"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

/** What an update says of a task (the status parser's output, status_updates.status). */
export const UPDATE_STATUSES = ["done", "in_progress", "not_started", "blocked"] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** Whether a text read from outside (a CLI option) is one of a closed set's words. */
export function isOneOf<T extends string>(words: readonly T[], text: string): text is T {
  return words.some((word) => word === text);
}
