import type { Reply } from "../../messages.ts";
import { redeemInvite } from "../../services/linking.ts";
import type { LinkedPerson } from "../../store/people.ts";
import { say, type Turn } from "../turn.ts";

export function roleName(turn: Turn, person: LinkedPerson): string {
  return turn.deps.translator.t(person.role === "coordinator" ? "role-coordinator" : "role-official");
}

/** `/start [code]` from anyone, or a bare invite code typed on Zalo or the console. */
export async function startFeature(turn: Turn, code: string): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  if (turn.person) {
    if (code !== "") {
      const agency = turn.person.agencyName ?? "none";
      return say(t("link-already-linked", { role: roleName(turn, turn.person), agency }));
    }
    return say(
      t("greeting-linked", {
        name: turn.person.name,
        role: roleName(turn, turn.person),
        agency: turn.person.agencyName ?? "none",
      }),
    );
  }
  const { message, deps } = turn;
  // Linking in a group would make the group the person's chat: reminders and buttons for everyone.
  if (message.inGroup) return say(t("link-private-only"));
  if (code === "") return say(t("unlinked-explanation"));
  const result = await redeemInvite(
    deps.db,
    code,
    {
      channel: message.channel,
      externalUserId: message.userId,
      chatId: message.chatId,
      displayName: message.displayName,
    },
    deps.clock.now(),
  );
  switch (result.outcome) {
    case "linked":
      return say(
        result.person.role === "coordinator"
          ? t("link-success-coordinator", {
              name: result.person.name,
              agency: result.person.agencyName ?? "none",
            })
          : t("link-success-official", {
              name: result.person.name,
              agency: result.person.agencyName ?? "none",
            }),
      );
    case "already_linked":
      return say(
        t("link-already-linked", {
          role: roleName(turn, result.person),
          agency: result.person.agencyName ?? "none",
        }),
      );
    case "invalid":
      return say(t("link-invalid"));
    case "used":
      return say(t("link-used"));
    case "expired":
      return say(t("link-expired"));
  }
}
