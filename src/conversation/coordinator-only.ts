import { say, type Turn } from "./turn.ts";
import type { Reply } from "./types.ts";

/** The polite refusal for an official using a coordinator's command, button or question. */
export function coordinatorsOnly(turn: Pick<Turn, "deps">): Reply[] {
  return say(turn.deps.translator.t("behind-coordinators-only"));
}
