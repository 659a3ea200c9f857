// Where a person's scheduled messages go when they are linked on several channels (`/kenh`).
import type { ChannelName, ScheduledChannel } from "./vocabulary.ts";

/**
 * The accounts to write to: one per channel (the earliest linked), on the chosen channel or on all of
 * them for "both". A chosen channel the person cannot be reached on (blocked, never linked) falls
 * back to the others, so a choice never silences anyone.
 */
export function scheduledAccounts<T extends { channel: ChannelName }>(
  accounts: readonly T[],
  preference: ScheduledChannel,
): T[] {
  const firstPerChannel = accounts.filter(
    (account, index) => accounts.findIndex((other) => other.channel === account.channel) === index,
  );
  if (preference === "both") return firstPerChannel;
  const chosen = firstPerChannel.filter((account) => account.channel === preference);
  return chosen.length > 0 ? chosen : firstPerChannel;
}
