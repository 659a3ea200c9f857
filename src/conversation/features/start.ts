import type { Reply } from "../../messages.ts";
import { looksLikeLinkCode } from "../../services/invite-code.ts";
import { type RedeemResult, redeemInvite } from "../../services/linking.ts";
import { redeemLinkCode } from "../../services/second-channel.ts";
import type { LinkedPerson } from "../../store/people.ts";
import { say, type Turn } from "../turn.ts";

export function roleName(turn: Turn, person: LinkedPerson): string {
  return turn.deps.translator.t(person.role === "coordinator" ? "role-coordinator" : "role-official");
}

/** `/start [code]` from anyone, or a bare invite or `/lienket` code typed on Zalo or the console. */
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
  if (code === "" && !turn.message.inGroup) return say(t("unlinked-explanation"));
  return linkWithCode(turn, code);
}

/**
 * Links an unlinked chat with an invite code or a `/lienket` code (told apart by their length).
 * Linking in a group would make the group the person's chat: reminders and buttons for everyone.
 */
export async function linkWithCode(turn: Turn, code: string): Promise<Reply[]> {
  const { message, deps } = turn;
  const { t } = deps.translator;
  if (message.inGroup) return say(t("link-private-only"));
  const identity = {
    channel: message.channel,
    externalUserId: message.userId,
    chatId: message.chatId,
    displayName: message.displayName,
  };
  const now = deps.clock.now();
  if (looksLikeLinkCode(code)) {
    return say(linkCodeText(turn, await redeemLinkCode(deps.db, code, identity, now)));
  }
  return say(inviteText(turn, await redeemInvite(deps.db, code, identity, now)));
}

function linkedText(turn: Turn, result: RedeemResult): string | null {
  const { t } = turn.deps.translator;
  if (result.outcome === "linked") {
    const { name, role, agencyName } = result.person;
    const id = role === "coordinator" ? "link-success-coordinator" : "link-success-official";
    return t(id, { name, agency: agencyName ?? "none" });
  }
  if (result.outcome === "already_linked") {
    return t("link-already-linked", {
      role: roleName(turn, result.person),
      agency: result.person.agencyName ?? "none",
    });
  }
  return null;
}

function inviteText(turn: Turn, result: RedeemResult): string {
  const { t } = turn.deps.translator;
  const linked = linkedText(turn, result);
  if (linked) return linked;
  if (result.outcome === "used") return t("link-used");
  if (result.outcome === "expired") return t("link-expired");
  return t("link-invalid");
}

function linkCodeText(turn: Turn, result: RedeemResult): string {
  const { t } = turn.deps.translator;
  const linked = linkedText(turn, result);
  if (linked) return linked;
  if (result.outcome === "used") return t("link-code-used");
  if (result.outcome === "expired") return t("link-code-expired");
  if (result.outcome === "same_channel") return t("link-code-same-channel");
  return t("link-code-invalid");
}
