import { type LinkedTurn, say } from "./turn.ts";
import type { Reply } from "./types.ts";

/** The polite refusal for an official using a coordinator's command; null for coordinators. */
export function refuseUnlessCoordinator(turn: LinkedTurn): Reply[] | null {
  return turn.person.role === "coordinator" ? null : say(turn.deps.translator.t("behind-coordinators-only"));
}
