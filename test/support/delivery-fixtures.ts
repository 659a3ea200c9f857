import { createDelivery } from "../../src/app.ts";
import { ManualClock, systemClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import type { Db } from "../../src/db/database.ts";
import { deliveryPolicyOf } from "../../src/delivery/delivery.ts";
import type { DrainReport } from "../../src/delivery/drain.ts";
import type { ChannelName, Role } from "../../src/domain/vocabulary.ts";
import { enqueueOutbox } from "../../src/store/outbox.ts";
import type { NewOutboxMessage } from "../../src/store/outbox-message.ts";
import { insertChannelAccount, insertPerson } from "../../src/store/people.ts";
import type { FakeTelegram } from "../fakes/telegram/fake-telegram.ts";
import type { TestApp } from "./test-app.ts";

export interface LinkedAccount {
  personId: number;
  accountId: number;
  chatId: string;
}

/** A person linked on a channel, as an invite would leave them. */
export async function linkPerson(
  db: Db,
  person: { name: string; role: Role; agencyId: number | null; chatId: string; channel?: ChannelName },
  now: Date,
): Promise<LinkedAccount> {
  const personId = await insertPerson(db, person, now);
  await insertChannelAccount(
    db,
    personId,
    {
      channel: person.channel ?? "telegram",
      externalUserId: person.chatId,
      chatId: person.chatId,
      displayName: person.name,
    },
    now,
  );
  const account = await db
    .selectFrom("channel_accounts")
    .select("id")
    .where("person_id", "=", personId)
    .executeTakeFirstOrThrow();
  return { personId, accountId: account.id, chatId: person.chatId };
}

export function nudgeTo(account: LinkedAccount, key: string, notBefore: Date): NewOutboxMessage {
  return {
    key,
    kind: "nudge",
    personId: account.personId,
    accountId: account.accountId,
    channel: "telegram",
    chatId: account.chatId,
    payload: { text: `Nhắc ${key}` },
    assignmentIds: [],
    periodKey: "2020-Q1",
    notBefore,
  };
}

/** Enqueues one message per account and drains them through the fake Bot API. */
export async function deliverThroughFake(
  app: TestApp,
  fake: FakeTelegram,
  messages: NewOutboxMessage[],
  env: Record<string, string> = {},
): Promise<DrainReport> {
  await enqueueOutbox(app.database.db, messages, app.clock.now());
  const config = loadConfig({
    DATABASE_URL: app.databaseUrl,
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DELIVERY_RETRY_BASE_MS: "20",
    ...env,
  });
  const delivery = createDelivery(config, { db: app.database.db, clock: app.clock });
  try {
    return await delivery.drain();
  } finally {
    delivery.close();
  }
}

/** An outbox row with its shared content's columns (payload, assignment_ids). */
export async function outboxRow(db: Db, key: string) {
  return db
    .selectFrom("outbox")
    .innerJoin("outbox_texts", "outbox_texts.id", "outbox.text_id")
    .selectAll("outbox")
    .select(["outbox_texts.payload", "outbox_texts.assignment_ids"])
    .where("outbox.key", "=", key)
    .executeTakeFirstOrThrow();
}

export { deliveryPolicyOf, ManualClock, systemClock };
