// `/lienket`: link a second channel to the same person; `/kenh`: where scheduled messages go.

import { foldText } from "../../domain/vietnamese.ts";
import { isOneOf, SCHEDULED_CHANNELS, type ScheduledChannel } from "../../domain/vocabulary.ts";
import type { Reply } from "../../messages.ts";
import { chooseScheduledChannel, createLinkCode, LINK_CODE_MINUTES } from "../../services/second-channel.ts";
import { findPersonChannels } from "../../store/people.ts";
import { type LinkedTurn, say, type Turn } from "../turn.ts";
import { linkWithCode } from "./start.ts";

/** `/lienket` on a linked channel shows a code; `/lienket CODE` on the other channel links it. */
export async function linkChannelFeature(turn: Turn, args: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const code = args.trim();
  if (!turn.person) {
    return code === "" ? say(t("link-code-needs-linked")) : linkWithCode(turn, code);
  }
  if (code !== "") return say(t("link-code-already-here"));
  const created = await createLinkCode(
    turn.deps.db,
    turn.person,
    turn.message.channel,
    turn.deps.clock.now(),
  );
  return say(t("link-code-created", { code: created.code, minutes: LINK_CODE_MINUTES }));
}

const CHOICE_WORDS: Record<string, ScheduledChannel> = {
  telegram: "telegram",
  tele: "telegram",
  zalo: "zalo",
  both: "both",
  "ca hai": "both",
  cahai: "both",
  "ca 2": "both",
};

/** `/kenh` shows where scheduled messages go; `/kenh zalo|telegram|cahai` chooses. */
export async function channelsFeature(turn: LinkedTurn, args: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  const { db, clock } = turn.deps;
  const channels = await findPersonChannels(db, turn.person.personId);
  const word = foldText(args);
  if (word !== "") {
    const choice = CHOICE_WORDS[word] ?? (isOneOf(SCHEDULED_CHANNELS, word) ? word : undefined);
    if (!choice) return say(t("channels-unknown-choice", { choice: args.trim() }));
    if (choice !== "both" && !channels.linked.includes(choice)) {
      return say(t("channels-not-linked", { channel: t(`channel-${choice}`) }));
    }
    await chooseScheduledChannel(db, turn.person, turn.message.channel, choice, clock.now());
    return say(t("channels-chosen", { choice: t(`channels-choice-${choice}`) }));
  }
  const linked = channels.linked.map((channel) => t(`channel-${channel}`)).join(", ");
  return say(t("channels-shown", { linked, choice: t(`channels-choice-${channels.choice}`) }));
}
