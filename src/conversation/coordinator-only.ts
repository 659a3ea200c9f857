import type { Reply } from "../messages.ts";
import { say, type Turn } from "./turn.ts";

/** The polite refusal for an official using a coordinator's command, button or question. */
export function coordinatorsOnly(turn: Pick<Turn, "deps">): Reply[] {
  return say(turn.deps.translator.t("behind-coordinators-only"));
}
