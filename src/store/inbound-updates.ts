// The platform events already stored (chat and message, a button press): a redelivery stores nothing twice.
import { compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import type { ChannelName } from "../domain/vocabulary.ts";

// Every stored message claims its event: compiled once (db/compiled-once.ts).
const claimQuery = compiledOnce(
  (db: Db, channel: ChannelName, updateKey: string, receivedAt: string, seenSince: string) =>
    db
      .insertInto("inbound_updates")
      .values({ channel, update_key: updateKey, received_at: receivedAt })
      .onConflict((oc) =>
        oc
          .columns(["channel", "update_key"])
          .doUpdateSet({ received_at: receivedAt })
          .where("inbound_updates.received_at", "<", seenSince),
      ),
);

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
  const claimed = await claimQuery(
    db,
    event.channel,
    event.updateKey,
    now.toISOString(),
    seenSince.toISOString(),
  );
  return Number(claimed.numAffectedRows ?? 0) > 0;
}
