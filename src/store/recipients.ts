import { sql } from "kysely";
import { type Db, isPostgres } from "../db/database.ts";
import type { Recipient, RecipientAccount } from "../domain/reminder-plan.ts";
import { scheduledAccounts } from "../domain/scheduled-channels.ts";
import type { ChannelName, Role, ScheduledChannel } from "../domain/vocabulary.ts";
import { type Absence, latestAbsences } from "./absences.ts";

const PERSON_CHUNK = 500;

export interface RecipientFilter {
  agencyId?: number;
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
  const { agencyId, personIds, role } = filter;
  if (personIds?.length === 0) return [];
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
  return recipientsOf(rows, absences);
}

/** One account of a linked person, as the queries read it: people with two accounts come twice. */
interface RecipientRow {
  personId: number;
  name: string;
  role: Role;
  agencyId: number | null;
  scheduledChannel: ScheduledChannel;
  agencyName: string | null;
  accountId: number;
  channel: ChannelName;
  chatId: string;
  blockedAt: string | null;
}

/** People from their account rows (by person, then account), with the accounts messages go to. */
function recipientsOf(rows: Iterable<RecipientRow>, absences: ReadonlyMap<number, Absence>): Recipient[] {
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
    recipient.accounts = scheduledAccounts(open, choice);
    recipient.blockedBot = recipient.accounts.length === 0;
    return recipient;
  });
}

/** An official's account packed by the query: person id, name, channel choice, account id, channel, chat, blocked at. */
type PackedAccount = [number, string, ScheduledChannel, number, ChannelName, string, string | null];

/**
 * The linked officials of a few agencies, agency by agency, each one's by person id (the planner, a
 * chunk at a time). One row per agency, its officials' accounts packed in one JSON array: building
 * an object for each of a country's 20,000 account rows cost more than SQLite spent finding them.
 */
export async function officialsOfAgencies(
  db: Db,
  agencyIds: readonly number[],
  absences: ReadonlyMap<number, Absence>,
): Promise<Recipient[]> {
  if (agencyIds.length === 0) return [];
  const account = sql`p.id, p.name, p.scheduled_channel, c.id, c.channel, c.chat_id, c.blocked_at`;
  const packed = isPostgres(db)
    ? sql`json_agg(json_build_array(${account}) order by p.id, c.id)`
    : sql`json_group_array(json_array(${account}) order by p.id, c.id)`;
  const result = await sql<{ agencyId: number; agencyName: string; accounts: string | PackedAccount[] }>`
    select a.id as "agencyId", a.name as "agencyName", ${packed} as "accounts"
    from people p
    join channel_accounts c on c.person_id = p.id
    join agencies a on a.id = p.agency_id
    where p.agency_id in (${sql.join(agencyIds)}) and p.role = 'official'
    group by a.id, a.name`.execute(db);
  const rows: RecipientRow[] = [];
  for (const { agencyId, agencyName, accounts } of result.rows) {
    const packedAccounts =
      typeof accounts === "string" ? (JSON.parse(accounts) as PackedAccount[]) : accounts;
    for (const [personId, name, scheduledChannel, accountId, channel, chatId, blockedAt] of packedAccounts) {
      rows.push({
        personId,
        name,
        role: "official",
        agencyId,
        scheduledChannel,
        agencyName,
        accountId,
        channel,
        chatId,
        blockedAt,
      });
    }
  }
  return recipientsOf(rows, absences);
}
