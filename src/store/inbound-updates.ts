// The platform events already stored (chat and message, a button press): a redelivery stores nothing twice.
import type { Db } from "../db/database.ts";
import type { ChannelName } from "../domain/vocabulary.ts";

/**
 * Claims an event's key; false when it was claimed already since `seenSince`. A key last seen
 * before then is claimed again, as a new event that happens to share it.
 */
export async function claimInboundUpdate(
  db: Db,
  event: { channel: ChannelName; updateKey: string },
  now: Date,
  seenSince: Date,
): Promise<boolean> {
  const claimed = await db
    .insertInto("inbound_updates")
    .values({ channel: event.channel, update_key: event.updateKey, received_at: now.toISOString() })
    .onConflict((oc) =>
      oc
        .columns(["channel", "update_key"])
        .doUpdateSet({ received_at: now.toISOString() })
        .where("inbound_updates.received_at", "<", seenSince.toISOString()),
    )
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}
