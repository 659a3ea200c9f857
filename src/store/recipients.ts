import type { Db } from "../db/database.ts";
import type { Recipient } from "../domain/reminder-plan.ts";
import type { ChannelName } from "../domain/vocabulary.ts";
import { latestAbsences } from "./absences.ts";

// When a person is linked on several channels, scheduled messages go to one: Telegram first.
const CHANNEL_PREFERENCE: ChannelName[] = ["telegram", "zalo", "console"];

/** Every linked person with the account scheduled messages go to, and their latest absence. */
export async function listRecipients(db: Db, options: { agencyId?: number } = {}): Promise<Recipient[]> {
  let query = db
    .selectFrom("people")
    .innerJoin("channel_accounts", "channel_accounts.person_id", "people.id")
    .leftJoin("agencies", "agencies.id", "people.agency_id")
    .select([
      "people.id as personId",
      "people.name",
      "people.role",
      "people.agency_id as agencyId",
      "agencies.name as agencyName",
      "channel_accounts.id as accountId",
      "channel_accounts.channel",
      "channel_accounts.chat_id as chatId",
      "channel_accounts.blocked_at as blockedAt",
    ])
    .orderBy("people.id")
    .orderBy("channel_accounts.id");
  if (options.agencyId !== undefined) query = query.where("people.agency_id", "=", options.agencyId);
  const [rows, absences] = await Promise.all([query.execute(), latestAbsences(db)]);
  const byPerson = new Map<number, Recipient>();
  for (const row of rows) {
    let recipient = byPerson.get(row.personId);
    if (!recipient) {
      recipient = {
        personId: row.personId,
        name: row.name,
        role: row.role,
        agencyId: row.agencyId,
        agencyName: row.agencyName,
        account: null,
        blockedBot: false,
        absence: absences.get(row.personId) ?? null,
      };
      byPerson.set(row.personId, recipient);
    }
    const channel = row.channel;
    if (row.blockedAt !== null) continue;
    const current = recipient.account;
    if (!current || CHANNEL_PREFERENCE.indexOf(channel) < CHANNEL_PREFERENCE.indexOf(current.channel)) {
      recipient.account = { accountId: row.accountId, channel, chatId: row.chatId };
    }
  }
  for (const recipient of byPerson.values()) recipient.blockedBot = recipient.account === null;
  return [...byPerson.values()];
}
