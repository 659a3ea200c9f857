import { writeStatement } from "../db/busy-retry.ts";
import type { Db } from "../db/database.ts";
import { chatChoiceButtons } from "../db/json-columns.ts";
import type { ChannelName } from "../domain/vocabulary.ts";
import type { ReplyButton } from "../messages.ts";

/** Replaces a chat's numbered choices with those of the message just sent (none clears them). */
export async function rememberChoices(
  db: Db,
  chat: { channel: ChannelName; chatId: string },
  buttons: readonly ReplyButton[],
  now: Date,
): Promise<void> {
  const values = { buttons: chatChoiceButtons.encode([...buttons]), updated_at: now.toISOString() };
  await writeStatement(db, () =>
    db
      .insertInto("chat_choices")
      .values({ channel: chat.channel, chat_id: chat.chatId, ...values })
      .onConflict((oc) => oc.columns(["channel", "chat_id"]).doUpdateSet(values))
      .execute(),
  );
}

/** The buttons behind the numbers last shown in a chat, in order. */
export async function loadChoices(
  db: Db,
  chat: { channel: ChannelName; chatId: string },
): Promise<ReplyButton[]> {
  const row = await db
    .selectFrom("chat_choices")
    .select("buttons")
    .where("channel", "=", chat.channel)
    .where("chat_id", "=", chat.chatId)
    .executeTakeFirst();
  return row ? chatChoiceButtons.decode(row.buttons) : [];
}
