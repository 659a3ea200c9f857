import type { Db } from "../db/database.ts";

/** Scheduled messages not yet sent nor given up (waiting, or being sent now): `/healthz` shows it. */
export async function outboxBacklog(db: Db): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
