import { writeStatement } from "../db/busy-retry.ts";
import { compiledOnce } from "../db/compiled-once.ts";
import type { Db } from "../db/database.ts";
import type { ChannelName, Role, ScheduledChannel } from "../domain/vocabulary.ts";
import type { StoredConversationState } from "./conversation-state.ts";

export interface LinkedPerson {
  personId: number;
  name: string;
  role: Role;
  agencyId: number | null;
  agencyCode: string | null;
  agencyName: string | null;
  accountId: number;
  chatId: string;
}

export interface AccountIdentity {
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string;
}

function linkedAccounts(db: Db, channel: ChannelName) {
  return db
    .selectFrom("channel_accounts")
    .innerJoin("people", "people.id", "channel_accounts.person_id")
    .leftJoin("agencies", "agencies.id", "people.agency_id")
    .select([
      "people.id as personId",
      "people.name as name",
      "people.role as role",
      "people.agency_id as agencyId",
      "agencies.code as agencyCode",
      "agencies.name as agencyName",
      "channel_accounts.id as accountId",
      "channel_accounts.chat_id as chatId",
    ])
    .where("channel_accounts.channel", "=", channel);
}

// Every message and button press starts with these: compiled once (db/compiled-once.ts).
const linkedPersonQuery = compiledOnce((db: Db, channel: ChannelName, externalUserId: string) =>
  linkedAccounts(db, channel).where("channel_accounts.external_user_id", "=", externalUserId),
);
const linkedPersonWithStateQuery = compiledOnce((db: Db, channel: ChannelName, externalUserId: string) =>
  linkedAccounts(db, channel)
    .leftJoin("conversation_state", "conversation_state.account_id", "channel_accounts.id")
    .select(["conversation_state.last_list", "conversation_state.pending"])
    .where("channel_accounts.external_user_id", "=", externalUserId),
);

export async function findLinkedPerson(
  db: Db,
  channel: ChannelName,
  externalUserId: string,
): Promise<LinkedPerson | null> {
  const [row] = (await linkedPersonQuery(db, channel, externalUserId)).rows;
  return row ?? null;
}

/**
 * The sender of a message with what the bot remembers of their chat (conversation_state, still
 * encoded: only plain text reads it), in one statement.
 */
export async function findLinkedPersonWithState(
  db: Db,
  channel: ChannelName,
  externalUserId: string,
): Promise<{ person: LinkedPerson; state: StoredConversationState } | null> {
  const [row] = (await linkedPersonWithStateQuery(db, channel, externalUserId)).rows;
  if (row === undefined) return null;
  const { last_list, pending, ...person } = row;
  return { person, state: { last_list, pending } };
}

/** Every account linked on a channel, in the order they were linked. */
export async function listLinkedAccounts(db: Db, channel: ChannelName): Promise<LinkedPerson[]> {
  return linkedAccounts(db, channel).orderBy("channel_accounts.id").execute();
}

export async function insertPerson(
  db: Db,
  person: { name: string; role: Role; agencyId: number | null },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto("people")
    .values({
      name: person.name,
      role: person.role,
      agency_id: person.agencyId,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertChannelAccount(
  db: Db,
  personId: number,
  identity: AccountIdentity,
  now: Date,
): Promise<void> {
  await db
    .insertInto("channel_accounts")
    .values({
      person_id: personId,
      channel: identity.channel,
      external_user_id: identity.externalUserId,
      chat_id: identity.chatId,
      display_name: identity.displayName,
      blocked_at: null,
      linked_at: now.toISOString(),
    })
    .execute();
}

export interface PersonChannels {
  /** Channels with an account that has not blocked the bot, in the order they were linked. */
  linked: ChannelName[];
  choice: ScheduledChannel;
}

/** Where a person is linked, and where they chose their scheduled messages to go (`/kenh`). */
export async function findPersonChannels(db: Db, personId: number): Promise<PersonChannels> {
  const [person, accounts] = await Promise.all([
    db.selectFrom("people").select("scheduled_channel").where("id", "=", personId).executeTakeFirstOrThrow(),
    db
      .selectFrom("channel_accounts")
      .select("channel")
      .where("person_id", "=", personId)
      .where("blocked_at", "is", null)
      .orderBy("id")
      .execute(),
  ]);
  return { linked: [...new Set(accounts.map((a) => a.channel))], choice: person.scheduled_channel };
}

export async function setScheduledChannel(db: Db, personId: number, choice: ScheduledChannel): Promise<void> {
  await writeStatement(db, () =>
    db.updateTable("people").set({ scheduled_channel: choice }).where("id", "=", personId).execute(),
  );
}

/** A chat that moved (a Telegram group upgraded to a supergroup gets a new id): accounts follow it. */
export async function moveChat(
  db: Db,
  channel: ChannelName,
  fromChatId: string,
  toChatId: string,
): Promise<number> {
  const result = await writeStatement(db, () =>
    db
      .updateTable("channel_accounts")
      .set({ chat_id: toChatId })
      .where("channel", "=", channel)
      .where("chat_id", "=", fromChatId)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows);
}

export interface PersonListing {
  agencyId: number | null;
  name: string;
  role: Role;
  channels: string[];
}

export async function listPeople(db: Db): Promise<PersonListing[]> {
  const rows = await db
    .selectFrom("people")
    .leftJoin("channel_accounts", "channel_accounts.person_id", "people.id")
    .select(["people.id", "people.agency_id", "people.name", "people.role", "channel_accounts.channel"])
    .orderBy("people.id")
    .execute();
  const byId = new Map<number, PersonListing>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? {
      agencyId: row.agency_id,
      name: row.name,
      role: row.role,
      channels: [],
    };
    if (row.channel) entry.channels.push(row.channel);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** The channel accounts of an agency's officials that have not blocked the bot. */
export async function reachableOfficialAccounts(db: Db, agencyId: number) {
  return db
    .selectFrom("people")
    .innerJoin("channel_accounts", "channel_accounts.person_id", "people.id")
    .select([
      "people.id as personId",
      "channel_accounts.id as accountId",
      "channel_accounts.channel",
      "channel_accounts.chat_id as chatId",
      "people.scheduled_channel as scheduledChannel",
    ])
    .where("people.agency_id", "=", agencyId)
    .where("people.role", "=", "official")
    .where("channel_accounts.blocked_at", "is", null)
    .orderBy("channel_accounts.id")
    .execute();
}
