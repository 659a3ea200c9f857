// What a message that carries no update is instead (issue 16), so the bot answers it with how to report:
// an excuse or a promise to report later ("em đang họp, lát em gửi"), or a question about a task ("ai chủ trì
// II.2?", "II.2 hạn khi nào"). Call it only on a message parseStatusMessage read no update from.
import { hasDiacritics } from "../vietnamese.ts";
import { folded, matchAny, PHRASE, WORD } from "./phrases.ts";
import { groupByTask } from "./task-refs.ts";
import { type Clause, tokenize } from "./tokens.ts";

export type NotAnUpdate = "later" | "task_question";

/** "lát em gửi", "mai e bc", "tí nữa em báo cáo". */
function promisesLater(c: Clause, i: number): boolean {
  if (!WORD.later.has(folded(c, i))) return false;
  let k = i + 1;
  while (WORD.laterSkip.has(folded(c, k))) k++;
  return WORD.reportVerb.has(folded(c, k));
}

/** "đang họp", "đang đi công tác". */
function isBusy(c: Clause, i: number): boolean {
  return matchAny(c, i, PHRASE.ongoing) > 0 && matchAny(c, i + 1, PHRASE.busy) > 0;
}

export function readNotAnUpdate(text: string): NotAnUpdate | null {
  if (typeof text !== "string") return null;
  const c: Clause = { tokens: tokenize(text), text, ctx: { accented: hasDiacritics(text), reference: null } };
  for (let i = 0; i < c.tokens.length; i++) if (isBusy(c, i) || promisesLater(c, i)) return "later";
  const namesTask = groupByTask(c).some((group) => group.refs.length > 0);
  return namesTask && c.tokens.some((t) => WORD.taskQuestion.has(t.folded)) ? "task_question" : null;
}
