import type { Db } from "../db/database.ts";
import type { Recipient, RecipientAccount } from "../domain/reminder-plan.ts";
import { scheduledAccounts } from "../domain/scheduled-channels.ts";
import type { Role, ScheduledChannel } from "../domain/vocabulary.ts";
import { type Absence, latestAbsences } from "./absences.ts";

const PERSON_CHUNK = 500;

export interface RecipientFilter {
  agencyId?: number;
  /** The officials of a few agencies (the planner reads a chunk at a time). */
  agencyIds?: readonly number[];
  personIds?: readonly number[];
  role?: Role;
  /** Only people every account of whom blocked the bot. */
  blockedOnly?: boolean;
  /** Everyone's latest absence, when the caller already holds it (one read per planner run). */
  absences?: ReadonlyMap<number, Absence>;
}

/**
 * Linked people (all, or those the filter names) with the accounts scheduled messages go to
 * (`/kenh`), and their latest absence.
 */
export async function listRecipients(db: Db, filter: RecipientFilter = {}): Promise<Recipient[]> {
  const { agencyId, agencyIds, personIds, role } = filter;
  if (agencyIds?.length === 0 || personIds?.length === 0) return [];
  if (personIds !== undefined && personIds.length > PERSON_CHUNK) {
    // Many people (everyone an outage kept from their reminders): a few hundred per statement.
    const sorted = [...personIds].sort((a, b) => a - b);
    const absences = filter.absences ?? (await latestAbsences(db));
    const found: Recipient[] = [];
    for (let start = 0; start < sorted.length; start += PERSON_CHUNK) {
      const chunk = sorted.slice(start, start + PERSON_CHUNK);
      found.push(...(await listRecipients(db, { ...filter, personIds: chunk, absences })));
    }
    return found;
  }
  let query = db
    .selectFrom("people")
    .innerJoin("channel_accounts", "channel_accounts.person_id", "people.id")
    .leftJoin("agencies", "agencies.id", "people.agency_id")
    .select([
      "people.id as personId",
      "people.name",
      "people.role",
      "people.agency_id as agencyId",
      "people.scheduled_channel as scheduledChannel",
      "agencies.name as agencyName",
      "channel_accounts.id as accountId",
      "channel_accounts.channel",
      "channel_accounts.chat_id as chatId",
      "channel_accounts.blocked_at as blockedAt",
    ])
    .orderBy("people.id")
    .orderBy("channel_accounts.id");
  if (agencyId !== undefined) query = query.where("people.agency_id", "=", agencyId);
  if (agencyIds !== undefined) query = query.where("people.agency_id", "in", agencyIds);
  if (personIds !== undefined) query = query.where("people.id", "in", personIds);
  if (role !== undefined) query = query.where("people.role", "=", role);
  if (filter.blockedOnly) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("channel_accounts as open")
            .select("open.id")
            .whereRef("open.person_id", "=", "people.id")
            .where("open.blocked_at", "is", null),
        ),
      ),
    );
  }
  const [rows, absences] = await Promise.all([query.execute(), filter.absences ?? latestAbsences(db)]);
  const byPerson = new Map<
    number,
    { recipient: Recipient; open: RecipientAccount[]; choice: ScheduledChannel }
  >();
  for (const row of rows) {
    let entry = byPerson.get(row.personId);
    if (!entry) {
      entry = {
        recipient: {
          personId: row.personId,
          name: row.name,
          role: row.role,
          agencyId: row.agencyId,
          agencyName: row.agencyName,
          accounts: [],
          blockedBot: false,
          absence: absences.get(row.personId) ?? null,
        },
        open: [],
        choice: row.scheduledChannel,
      };
      byPerson.set(row.personId, entry);
    }
    if (row.blockedAt === null) {
      entry.open.push({ accountId: row.accountId, channel: row.channel, chatId: row.chatId });
    }
  }
  return [...byPerson.values()].map(({ recipient, open, choice }) => {
    const accounts = scheduledAccounts(open, choice);
    return { ...recipient, accounts, blockedBot: accounts.length === 0 };
  });
}
