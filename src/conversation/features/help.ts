import { type LinkedTurn, say } from "../turn.ts";
import type { Reply } from "../types.ts";

export async function helpFeature(turn: LinkedTurn): Promise<Reply[]> {
  const { t } = turn.deps.translator;
  return say(t(turn.person.role === "coordinator" ? "help-coordinator" : "help-official"));
}
